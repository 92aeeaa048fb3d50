#pragma once
// What an import keeps in memory of the findings already in the store: per finding, a 64-bit hash of its
// identity and its 64-bit content digest with four flags, 16 bytes in an open-addressing table sized once for
// the store (10 M findings: 190 MB). New findings of the import are kept apart, as identity hashes only
// (NewIdentities), so neither table ever has to grow by rehashing a copy of itself.
// A hash that matches does not prove the identity: the import confirms it against the store (by the identity
// text, through the unique index) before it writes anything on the strength of a match.
#include <cstdint>
#include <string_view>
#include <vector>

namespace peta::store {

// 64-bit hash of an identity or any text (FNV-1a with a final avalanche; never 0, the empty slot).
std::uint64_t identity_hash(std::string_view s);

class KnownFindings {
 public:
  // line: the finding is a segment (layer ruas), else a point (temuan); one identity space for both.
  enum Flag : std::uint64_t { seen = 1, this_source = 2, not_in_source = 4, line = 8 };
  // Room for `count` findings (the store's row count).
  explicit KnownFindings(std::size_t count);
  // Adds a stored finding; a second add of the same hash keeps the first (the store's unique index makes that
  // a hash collision of two identities, which the import resolves against the store).
  void add(std::uint64_t key, std::uint64_t digest, std::uint64_t flags);
  // The slot of `key`, or nullptr.
  std::uint64_t* find(std::uint64_t key);  // -> [key, digest|flags]
  static bool same_digest(const std::uint64_t* slot, std::uint64_t digest) { return ((slot[1] ^ digest) & ~kFlagBits) == 0; }
  static bool has(const std::uint64_t* slot, Flag f) { return slot[1] & f; }
  static void set(std::uint64_t* slot, Flag f, bool on = true) { slot[1] = on ? slot[1] | f : slot[1] & ~std::uint64_t(f); }
  static void set_digest(std::uint64_t* slot, std::uint64_t digest) { slot[1] = (digest & ~kFlagBits) | (slot[1] & kFlagBits); }
  std::size_t size() const { return size_; }

 private:
  static constexpr std::uint64_t kFlagBits = 15;
  std::size_t slot_of(std::uint64_t key) const;
  std::vector<std::uint64_t> slots_;  // 2 words a slot: key (0 = empty), digest with the flags in its low 4 bits
  std::size_t capacity_ = 0, size_ = 0;
};

// Identity hashes of the findings this import added (for duplicates within it): 8 bytes a finding in 64
// independently growing parts, so growing one copies 1/64 of the set.
class NewIdentities {
 public:
  NewIdentities();
  // False if it was already there.
  bool insert(std::uint64_t key);
  bool contains(std::uint64_t key) const;

 private:
  struct Part {
    std::vector<std::uint64_t> slots;
    std::size_t size = 0;
  };
  static bool insert_into(Part& p, std::uint64_t key);
  std::vector<Part> parts_;
};

}  // namespace peta::store
