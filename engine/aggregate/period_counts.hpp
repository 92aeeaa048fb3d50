#pragma once
// Counts per desa x period x category, fed one finding at a time (add), read as sorted rows (the
// `hitungan_periode` table), rolled up to kecamatan, cut into a space-time cube for one category (emerging
// hot spots), or compared between two periods (`peta query --banding`).
//
// Findings without a usable date are counted apart (undated(): empty, unreadable or impossible dates, and
// the `tanggal_tidak_valid` ones among them), so that dated + undated = everything added.
//
// The cells are a flat vector of 24 bytes each (category as an index into the few category codes), kept sorted;
// add() appends and the vector is sorted and merged when it is next read (or settle() is called), so a build
// that adds and then reads pays one sort. Was a std::map with a string in each key: 10 M findings over the
// 8,494 East Java desa made ~1 M nodes of ~100 bytes each, alive to the end of the build (BENCHMARKS.md).
// Not thread-safe while adds are pending: whoever fills one settles it before handing it to readers.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "aggregate/period.hpp"
#include "aggregate/space_time_cube.hpp"
#include "core/date.hpp"

namespace peta {

class PeriodCounts {
 public:
  explicit PeriodCounts(PeriodKind kind = PeriodKind::month) : kind_(kind) {}

  PeriodKind kind() const { return kind_; }
  void add(int unit, const std::string& category, Date date);
  // `n` dated findings at once, in a period (period_of) already known. Cells given in ascending (unit, period,
  // category) order after every cell already held (PeriodTally::flush_into) go in at the end and need no sort.
  void add(int unit, int period, const std::string& category, std::int64_t n);
  void add_undated(bool flagged) { ++undated_; flagged_ += flagged; }

  struct Row {
    int unit;  // desa (or kecamatan after rollup) index
    int period;
    std::string category;
    std::int64_t n;
  };
  // Sorts and merges what add() appended. Reads do it when needed; a filled instance read from several
  // threads must be settled first.
  void settle();
  std::vector<Row> rows() const;  // sorted by unit, period, category; only non-zero cells
  std::int64_t count(int unit, int period, const std::string& category) const;
  std::int64_t count(int unit, int period) const;  // all categories
  std::int64_t dated() const { return dated_; }
  std::int64_t undated() const { return undated_; }
  std::int64_t flagged() const { return flagged_; }  // undated because the date was not a real date
  bool empty() const { return cells_.empty(); }  // (a cell holds at least one finding)
  int first_period() const;  // requires !empty()
  int last_period() const;

  // Sums units into groups: group_of[unit] (e.g. the kecamatan of each desa); units mapped to -1 are dropped.
  PeriodCounts rollup(const std::vector<int>& group_of) const;

  // Units x every period from `first` to `last` (inclusive, zeros filled) for one category ("" = all).
  SpaceTimeCube cube(std::size_t units, const std::string& category, int first, int last) const;

 private:
  struct Cell {
    int unit;
    int period;
    std::uint32_t category;  // index in names_
    std::int64_t n;
  };
  std::uint32_t category_id(const std::string& code);  // adds a code not seen yet
  std::optional<std::uint32_t> find_category(const std::string& code) const;
  // The category's position among the codes in string order (the order of rows()), by id.
  bool before(const Cell& a, const Cell& b) const {
    if (a.unit != b.unit) return a.unit < b.unit;
    if (a.period != b.period) return a.period < b.period;
    return rank_[a.category] < rank_[b.category];
  }
  void append(int unit, int period, const std::string& category, std::int64_t n);
  const std::vector<Cell>& settled() const;

  PeriodKind kind_;
  std::vector<std::string> names_;   // category codes, by id (first seen first)
  std::vector<std::uint32_t> rank_;  // by id: position of the code among names_ sorted
  mutable std::vector<Cell> cells_;  // [0, sorted_) sorted and merged, then appended cells
  mutable std::size_t sorted_ = 0;
  std::int64_t dated_ = 0, undated_ = 0, flagged_ = 0;
};

// One unit's counts in two periods and the exact conditional test of equal rates: given n = a + b, b is
// Binomial(n, d_b / (d_a + d_b)) under equal daily rates (d = the periods' days), two-sided p-value as
// R's binom.test (the sum of the probabilities of all outcomes no more likely than the one observed).
struct PeriodComparison {
  int unit = -1;
  std::int64_t a = 0, b = 0;
  std::int64_t change = 0;  // b - a
  double p_value = 1;
};
double poisson_ratio_p_value(std::int64_t a, std::int64_t b, double days_a, double days_b);

// Every unit with a finding in either period, ranked by p-value, then by |change| (largest first), then unit.
std::vector<PeriodComparison> compare_periods(const PeriodCounts& counts, int period_a, int period_b,
                                              const std::string& category = "");

}  // namespace peta
