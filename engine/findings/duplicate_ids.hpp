#pragma once
// Ids already seen in one findings source, in read order, to flag a row whose id an earlier row of the same
// file has. Rows are merged in read order on one thread (ordered_pipeline.hpp), so that is where this is
// fed; it is not thread-safe.
//
// Only a 64-bit hash of each id is kept; two different ids share a hash with a probability of about
// n^2 / 2^65 (3e-6 at 10 M). The hashes are already well mixed, so the set is an open-addressing table of
// them (linear probing, at most 3/4 full, sized to the ids expected) with the first row beside each: 12 bytes
// a slot, one cache miss an insert. Written by hand because it is measurably better here than a general table,
// which would hash the hash again and keep a node (std::unordered_map: 40 bytes and a malloc an id) or a
// control byte per slot: 1 M random hashes inserted, CPU on this machine under load, std::unordered_map
// 0.37-0.47 s, this table 0.08 s (0.055 s reserved ahead, 16 MB); 10 M: 5.4 s against 0.82 s and 160 MB.
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace peta {

__extension__ typedef unsigned __int128 WideProduct;

class DuplicateIds {
 public:
  // 0 when `id` is new in this source (and remembers it with `row`), else the row where it was first seen.
  std::int64_t first_row(std::string_view id, std::int64_t row) { return first_row_of_hash(hash(id), row); }
  // The same with the id's hash (hash()) computed elsewhere, e.g. on the worker threads.
  std::int64_t first_row_of_hash(std::uint64_t hash, std::int64_t row);
  static std::uint64_t hash(std::string_view id);
  // Starts loading the slot where `hash` would go, a few ids before it is looked up (the table is larger
  // than the caches, so each look-up is otherwise a cache miss waited for).
  void prefetch(std::uint64_t hash) const {
    if (!keys_.empty()) __builtin_prefetch(keys_.data() + home(hash));
  }
  std::size_t distinct() const { return size_ + (zero_seen_ ? 1 : 0); }
  // Room for `ids` distinct ids without growing (growing needs the old and the new table at once).
  void reserve(std::size_t ids);
  std::size_t memory_bytes() const { return keys_.capacity() * (sizeof(std::uint64_t) + sizeof(std::uint32_t)); }

 private:
  static constexpr std::uint32_t kRowElsewhere = 0xffffffffu;  // the row is in far_rows_ (>= 2^32 - 1)
  // The key's share of the table (Lemire's multiply-shift range reduction): any table size, no division.
  std::size_t home(std::uint64_t key) const {
    return static_cast<std::size_t>((static_cast<WideProduct>(key) * keys_.size()) >> 64);
  }
  std::size_t next(std::size_t slot) const { return slot + 1 == keys_.size() ? 0 : slot + 1; }
  void grow(std::size_t slots);
  void place(std::uint64_t key, std::uint32_t row);
  std::int64_t row_of(std::uint64_t key, std::uint32_t stored) const;

  std::vector<std::uint64_t> keys_;  // 0: an empty slot (the hash 0 is kept apart)
  std::vector<std::uint32_t> rows_;
  std::size_t size_ = 0;             // distinct hashes in the table (not counting the hash 0)
  bool zero_seen_ = false;
  std::int64_t zero_row_ = 0;
  std::unordered_map<std::uint64_t, std::int64_t> far_rows_;  // rows past 32 bits, by key (practically never)
};

}  // namespace peta
