#include "findings/duplicate_ids.hpp"

#include <algorithm>
#include <functional>

namespace peta {

std::uint64_t DuplicateIds::hash(std::string_view id) { return std::hash<std::string_view>{}(id); }

void DuplicateIds::reserve(std::size_t ids) {
  const std::size_t slots = std::max<std::size_t>(16, ids + ids / 3 + 1);  // at most 3/4 full
  if (slots > keys_.size()) grow(slots);
}

void DuplicateIds::grow(std::size_t slots) {
  std::vector<std::uint64_t> keys(slots, 0);
  std::vector<std::uint32_t> rows(slots, 0);
  keys.swap(keys_);
  rows.swap(rows_);
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (keys[i]) place(keys[i], rows[i]);
}

void DuplicateIds::place(std::uint64_t key, std::uint32_t row) {
  for (std::size_t i = home(key);; i = next(i))
    if (!keys_[i]) {
      keys_[i] = key;
      rows_[i] = row;
      return;
    }
}

std::int64_t DuplicateIds::row_of(std::uint64_t key, std::uint32_t stored) const {
  return stored == kRowElsewhere ? far_rows_.at(key) : static_cast<std::int64_t>(stored);
}

std::int64_t DuplicateIds::first_row_of_hash(std::uint64_t key, std::int64_t row) {
  if (key == 0) {
    if (zero_seen_) return zero_row_;
    zero_seen_ = true;
    zero_row_ = row;
    return 0;
  }
  if (keys_.empty()) grow(16);
  std::size_t i = home(key);
  for (; keys_[i]; i = next(i))
    if (keys_[i] == key) return row_of(key, rows_[i]);
  if ((size_ + 1) * 4 > keys_.size() * 3) {  // a new id that would fill it past 3/4: grow first
    grow(keys_.size() * 2);
    for (i = home(key); keys_[i]; i = next(i)) {
    }
  }
  keys_[i] = key;
  if (row >= 0 && row < kRowElsewhere) {
    rows_[i] = static_cast<std::uint32_t>(row);
  } else {
    rows_[i] = kRowElsewhere;
    far_rows_[key] = row;
  }
  ++size_;
  return 0;
}

}  // namespace peta
