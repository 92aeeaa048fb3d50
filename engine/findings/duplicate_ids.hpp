#pragma once
// Ids already seen in one findings source, in read order, to flag a row whose id an earlier row of the same
// file has. Rows are merged in read order on one thread (ordered_pipeline.hpp), so that is where this is
// fed; it is not thread-safe.
//
// Only a 64-bit hash of each id is kept (16 bytes an id with its row, ~160 MB at 10 M rows instead of the
// ids themselves); two different ids share a hash with a probability of about n^2 / 2^65 (3e-6 at 10 M).
#include <cstdint>
#include <string_view>
#include <unordered_map>

namespace peta {

class DuplicateIds {
 public:
  // 0 when `id` is new in this source (and remembers it with `row`), else the row where it was first seen.
  std::int64_t first_row(std::string_view id, std::int64_t row) { return first_row_of_hash(hash(id), row); }
  // The same with the id's hash (hash()) computed elsewhere, e.g. on the worker threads.
  std::int64_t first_row_of_hash(std::uint64_t hash, std::int64_t row);
  static std::uint64_t hash(std::string_view id);
  std::size_t distinct() const { return first_row_.size(); }

 private:
  std::unordered_map<std::uint64_t, std::int64_t> first_row_;
};

}  // namespace peta
