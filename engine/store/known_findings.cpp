#include "store/known_findings.hpp"

namespace peta::store {

std::uint64_t identity_hash(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  // splitmix64's finaliser: FNV's low bits are weak for short keys that differ in their last characters.
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebull;
  h ^= h >> 31;
  return h ? h : 1;
}

KnownFindings::KnownFindings(std::size_t count) {
  capacity_ = count + count / 4 + 16;  // load at most 0.8
  slots_.assign(2 * capacity_, 0);
}

std::size_t KnownFindings::slot_of(std::uint64_t key) const {
  return static_cast<std::size_t>((static_cast<unsigned __int128>(key) * capacity_) >> 64);
}

void KnownFindings::add(std::uint64_t key, std::uint64_t digest, std::uint64_t flags) {
  if (size_ + 1 >= capacity_) {  // more rows than counted (cannot happen within one transaction): grow
    KnownFindings bigger(2 * size_ + 16);
    for (std::size_t i = 0; i < capacity_; ++i)
      if (slots_[2 * i]) bigger.add(slots_[2 * i], slots_[2 * i + 1], slots_[2 * i + 1] & kFlagBits);
    *this = std::move(bigger);
  }
  for (std::size_t i = slot_of(key);; i = i + 1 == capacity_ ? 0 : i + 1) {
    if (slots_[2 * i] == key) return;
    if (slots_[2 * i] == 0) {
      slots_[2 * i] = key;
      slots_[2 * i + 1] = (digest & ~kFlagBits) | (flags & kFlagBits);
      ++size_;
      return;
    }
  }
}

std::uint64_t* KnownFindings::find(std::uint64_t key) {
  for (std::size_t i = slot_of(key);; i = i + 1 == capacity_ ? 0 : i + 1) {
    if (slots_[2 * i] == key) return &slots_[2 * i];
    if (slots_[2 * i] == 0) return nullptr;
  }
}

NewIdentities::NewIdentities() : parts_(64) {}

bool NewIdentities::insert_into(Part& p, std::uint64_t key) {
  const std::size_t mask = p.slots.size() - 1;
  for (std::size_t i = (key >> 6) & mask;; i = (i + 1) & mask) {
    if (p.slots[i] == key) return false;
    if (p.slots[i] == 0) {
      p.slots[i] = key;
      ++p.size;
      return true;
    }
  }
}

bool NewIdentities::insert(std::uint64_t key) {
  Part& p = parts_[key & 63];
  if (p.slots.empty() || (p.size + 1) * 4 > p.slots.size() * 3) {  // keep the load under 3/4
    Part bigger;
    bigger.slots.assign(p.slots.empty() ? 1024 : p.slots.size() * 2, 0);
    for (std::uint64_t k : p.slots)
      if (k) insert_into(bigger, k);
    p = std::move(bigger);
  }
  return insert_into(p, key);
}

bool NewIdentities::contains(std::uint64_t key) const {
  const Part& p = parts_[key & 63];
  if (p.slots.empty()) return false;
  const std::size_t mask = p.slots.size() - 1;
  for (std::size_t i = (key >> 6) & mask;; i = (i + 1) & mask) {
    if (p.slots[i] == key) return true;
    if (p.slots[i] == 0) return false;
  }
}

}  // namespace peta::store
