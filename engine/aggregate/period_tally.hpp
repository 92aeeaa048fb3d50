#pragma once
// Dated findings per desa, period and category, counted in a dense array and handed to PeriodCounts once at
// the end, in PeriodCounts' own order. Used by both findings stages (from the sources and from the store).
//
// The array is [period][desa][category + 1] (column 0: an unknown category, counted as "lainnya"), over a
// window of periods that grows as dated findings arrive (at least doubling, so a year of months is laid out a
// handful of times); periods that would take the window past kMaxDenseCells are counted in a hash table
// instead. For the 8,494 East Java desa, 11 categories and 12 months that is 1.2 M cells of 4 bytes, touched
// with one increment a finding, where a node-based hash map of the same cells cost a malloc and a rehash
// share per cell (BENCHMARKS.md "East Java at the core job's speed").
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "aggregate/period_counts.hpp"
#include "aggregate/publication_policy.hpp"

namespace peta {

class PeriodTally {
 public:
  // 16 M cells (64 MB): e.g. 84,940 desa x 12 categories x 16 months.
  static constexpr std::size_t kMaxDenseCells = std::size_t(1) << 24;

  PeriodTally(PeriodKind kind, std::size_t desa_count, std::size_t category_count,
              std::size_t max_dense_cells = kMaxDenseCells);
  // `desa` in [0, desa_count); `category`: index in the taxonomy, -1 for an unknown value.
  void add(int desa, int category, Date date);
  void add_in_period(int desa, int category, int period);
  // Every non-zero cell into `counts` (categories by their code, -1 as "lainnya").
  void flush_into(PeriodCounts& counts, const PublicationPolicy& policy) const;

  std::int64_t total() const { return total_; }
  // The window laid out densely (empty before the first dated finding), and the cells counted outside it.
  int first_dense_period() const { return first_; }
  std::size_t dense_periods() const { return span_; }
  std::size_t sparse_cells() const { return sparse_.size(); }

 private:
  std::size_t plane() const { return desa_count_ * stride_; }
  bool fit(int period);  // grows the window to hold `period`; false when it would exceed the cap

  PeriodKind kind_;
  std::size_t desa_count_, stride_;
  std::size_t max_dense_cells_;
  int first_ = 0;          // the window's first period
  std::size_t span_ = 0;   // periods in the window
  std::vector<std::uint32_t> cells_;
  // Cells out of the window, or whose dense count would pass 2^32 - 1: key (period, desa, category + 1).
  struct Key {
    int period, desa, column;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const;
  };
  std::unordered_map<Key, std::int64_t, KeyHash> sparse_;
  std::int64_t total_ = 0;
};

}  // namespace peta
