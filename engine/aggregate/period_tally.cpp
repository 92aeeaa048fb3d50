#include "aggregate/period_tally.hpp"

#include <algorithm>
#include <numeric>
#include <string>

#include "core/error.hpp"

namespace peta {

std::size_t PeriodTally::KeyHash::operator()(const Key& k) const {
  // splitmix64's finaliser over the three fields: every bit of each moves the low bits the table uses.
  std::uint64_t x = (std::uint64_t(std::uint32_t(k.period)) << 32) ^ (std::uint64_t(std::uint32_t(k.desa)) << 8) ^
                    std::uint64_t(std::uint32_t(k.column));
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return static_cast<std::size_t>(x);
}

PeriodTally::PeriodTally(PeriodKind kind, std::size_t desa_count, std::size_t category_count, std::size_t max_dense_cells)
    : kind_(kind), desa_count_(desa_count), stride_(category_count + 1), max_dense_cells_(max_dense_cells) {}

bool PeriodTally::fit(int period) {
  if (span_ && period >= first_ && std::int64_t(period) < std::int64_t(first_) + std::int64_t(span_)) return true;
  const std::size_t cap = plane() ? max_dense_cells_ / plane() : 0;  // periods the cap allows
  if (cap == 0) return false;
  std::int64_t lo = span_ ? std::min<std::int64_t>(first_, period) : period;
  std::int64_t hi = span_ ? std::max<std::int64_t>(std::int64_t(first_) + std::int64_t(span_) - 1, period) : period;
  if (std::size_t(hi - lo + 1) > cap) return false;
  // At least double the window, on the side it grows towards, within the cap.
  const std::int64_t want = std::max<std::int64_t>(hi - lo + 1, std::int64_t(span_) * 2);
  const std::int64_t extra = std::min<std::int64_t>(want, std::int64_t(cap)) - (hi - lo + 1);
  if (span_ && period < first_) lo -= extra;
  else hi += extra;
  const std::size_t new_span = std::size_t(hi - lo + 1);
  std::vector<std::uint32_t> cells(new_span * plane(), 0);
  if (span_) std::copy(cells_.begin(), cells_.end(), cells.begin() + std::ptrdiff_t((first_ - lo) * std::int64_t(plane())));
  cells_.swap(cells);
  first_ = static_cast<int>(lo);
  span_ = new_span;
  return true;
}

void PeriodTally::add(int desa, int category, Date date) { add_in_period(desa, category, period_of(kind_, date)); }

void PeriodTally::add_in_period(int desa, int category, int period) {
  if (desa < 0 || std::size_t(desa) >= desa_count_ || category < -1 || std::size_t(category + 1) >= stride_)
    throw Error("period tally: desa or category out of range");
  ++total_;
  const std::size_t column = static_cast<std::size_t>(category + 1);
  if (fit(period)) {
    std::uint32_t& cell = cells_[(std::size_t(period - first_) * desa_count_ + std::size_t(desa)) * stride_ + column];
    if (cell != 0xffffffffu) {
      ++cell;
      return;
    }
  }
  ++sparse_[{period, desa, static_cast<int>(column)}];
}

void PeriodTally::flush_into(PeriodCounts& counts, const PublicationPolicy& policy) const {
  static const std::string kOther = "lainnya";
  std::vector<const std::string*> code(stride_);
  code[0] = &kOther;
  for (std::size_t c = 1; c < stride_; ++c) code[c] = &policy.code(static_cast<int>(c) - 1);
  // Columns in the order of their codes: PeriodCounts keeps (desa, period, code) sorted, so the cells go in
  // at its end, each without a search.
  std::vector<std::size_t> columns(stride_);
  std::iota(columns.begin(), columns.end(), 0);
  std::stable_sort(columns.begin(), columns.end(), [&](std::size_t a, std::size_t b) { return *code[a] < *code[b]; });
  for (std::size_t d = 0; d < desa_count_; ++d)
    for (std::size_t p = 0; p < span_; ++p) {
      const std::uint32_t* row = &cells_[(p * desa_count_ + d) * stride_];
      for (std::size_t c : columns)
        if (row[c]) counts.add(static_cast<int>(d), first_ + static_cast<int>(p), *code[c], row[c]);
    }
  for (const auto& [key, n] : sparse_)
    counts.add(key.desa, key.period, *code[static_cast<std::size_t>(key.column)], n);
  counts.settle();
}

}  // namespace peta
