#pragma once
// Ids already seen in one findings source, in read order, to flag a row whose id an earlier row of the same
// file has. Rows are merged in read order on one thread (ordered_pipeline.hpp), so that is where this is
// fed; it is not thread-safe.
//
// Only a 64-bit hash of each id is kept; two different ids share a hash with a probability of about
// n^2 / 2^65 (3e-6 at 10 M). The hashes are already well mixed, so the set is an open-addressing table of
// them (linear probing, power-of-two size, at most 3/4 full) with the first row beside each: 12 bytes a slot,
// one cache miss an insert. Written by hand because it is measurably better here than the general tables
// (1 M ids on this machine: std::unordered_map 40 bytes an id and a malloc per id; this ~16 bytes an id and
// about a fifth of the time, BENCHMARKS.md "East Java at the core job's speed"): a general hash set would hash
// the hash again and store it with a control byte or a neighbourhood bitmap.
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace peta {

class DuplicateIds {
 public:
  // 0 when `id` is new in this source (and remembers it with `row`), else the row where it was first seen.
  std::int64_t first_row(std::string_view id, std::int64_t row) { return first_row_of_hash(hash(id), row); }
  // The same with the id's hash (hash()) computed elsewhere, e.g. on the worker threads.
  std::int64_t first_row_of_hash(std::uint64_t hash, std::int64_t row);
  static std::uint64_t hash(std::string_view id);
  std::size_t distinct() const { return size_ + (zero_seen_ ? 1 : 0); }
  // Room for `ids` distinct ids without growing (growing needs the old and the new table at once).
  void reserve(std::size_t ids);
  std::size_t memory_bytes() const { return keys_.capacity() * (sizeof(std::uint64_t) + sizeof(std::uint32_t)); }

 private:
  static constexpr std::uint32_t kRowElsewhere = 0xffffffffu;  // the row is in far_rows_ (>= 2^32 - 1)
  void grow(std::size_t slots);
  void place(std::uint64_t key, std::uint32_t row);
  std::int64_t row_of(std::uint64_t key, std::uint32_t stored) const;

  std::vector<std::uint64_t> keys_;  // 0: an empty slot (the hash 0 is kept apart)
  std::vector<std::uint32_t> rows_;
  int shift_ = 64;                   // slot of a key: key >> shift_ (its high bits)
  std::size_t size_ = 0;             // distinct hashes in the table (not counting the hash 0)
  bool zero_seen_ = false;
  std::int64_t zero_row_ = 0;
  std::unordered_map<std::uint64_t, std::int64_t> far_rows_;  // rows past 32 bits, by key (practically never)
};

}  // namespace peta
