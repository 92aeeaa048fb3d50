#include "aggregate/period_counts.hpp"

#include <algorithm>
#include <boost/math/distributions/binomial.hpp>
#include <cmath>
#include <set>

#include "core/error.hpp"

namespace peta {

std::optional<std::uint32_t> PeriodCounts::find_category(const std::string& code) const {
  for (std::uint32_t i = 0; i < names_.size(); ++i)
    if (names_[i] == code) return i;
  return std::nullopt;
}

std::uint32_t PeriodCounts::category_id(const std::string& code) {
  if (const auto id = find_category(code)) return *id;
  // A new code: ranks of the others keep their relative order, so the sorted cells stay sorted.
  names_.push_back(code);
  rank_.assign(names_.size(), 0);
  for (std::uint32_t i = 0; i < names_.size(); ++i)
    for (std::uint32_t j = 0; j < names_.size(); ++j) rank_[i] += names_[j] < names_[i];
  return static_cast<std::uint32_t>(names_.size() - 1);
}

void PeriodCounts::append(int unit, int period, const std::string& category, std::int64_t n) {
  const Cell c{unit, period, category_id(category), n};
  dated_ += n;
  if (sorted_ == cells_.size() && !cells_.empty()) {
    Cell& last = cells_.back();
    if (last.unit == c.unit && last.period == c.period && last.category == c.category) {
      last.n += n;
      return;
    }
    if (before(last, c)) {  // in order: stays sorted
      cells_.push_back(c);
      sorted_ = cells_.size();
      return;
    }
  } else if (cells_.empty()) {
    cells_.push_back(c);
    sorted_ = 1;
    return;
  }
  cells_.push_back(c);
  // Bounds the unsorted tail (24 bytes an add) by the cells already merged.
  if (cells_.size() - sorted_ > std::max<std::size_t>(sorted_, 1 << 20)) settle();
}

void PeriodCounts::add(int unit, const std::string& category, Date date) {
  append(unit, period_of(kind_, date), category, 1);
}

void PeriodCounts::add(int unit, int period, const std::string& category, std::int64_t n) {
  append(unit, period, category, n);
}

void PeriodCounts::settle() {
  if (sorted_ == cells_.size()) return;
  auto less = [this](const Cell& a, const Cell& b) { return before(a, b); };
  std::sort(cells_.begin() + static_cast<std::ptrdiff_t>(sorted_), cells_.end(), less);
  std::inplace_merge(cells_.begin(), cells_.begin() + static_cast<std::ptrdiff_t>(sorted_), cells_.end(), less);
  std::size_t out = 0;
  for (std::size_t i = 0; i < cells_.size(); ++i) {
    if (out > 0 && !before(cells_[out - 1], cells_[i])) cells_[out - 1].n += cells_[i].n;
    else cells_[out++] = cells_[i];
  }
  cells_.resize(out);
  sorted_ = out;
}

const std::vector<PeriodCounts::Cell>& PeriodCounts::settled() const {
  if (sorted_ != cells_.size()) const_cast<PeriodCounts*>(this)->settle();
  return cells_;
}

std::vector<PeriodCounts::Row> PeriodCounts::rows() const {
  const auto& cells = settled();
  std::vector<Row> out;
  out.reserve(cells.size());
  for (const Cell& c : cells) out.push_back({c.unit, c.period, names_[c.category], c.n});
  return out;
}

std::int64_t PeriodCounts::count(int unit, int period, const std::string& category) const {
  const auto id = find_category(category);
  if (!id) return 0;
  const auto& cells = settled();
  const Cell key{unit, period, *id, 0};
  const auto it = std::lower_bound(cells.begin(), cells.end(), key,
                                   [this](const Cell& a, const Cell& b) { return before(a, b); });
  return it != cells.end() && !before(key, *it) ? it->n : 0;
}

std::int64_t PeriodCounts::count(int unit, int period) const {
  const auto& cells = settled();
  auto it = std::lower_bound(cells.begin(), cells.end(), std::pair<int, int>{unit, period},
                             [](const Cell& a, const std::pair<int, int>& k) {
                               return a.unit != k.first ? a.unit < k.first : a.period < k.second;
                             });
  std::int64_t n = 0;
  for (; it != cells.end() && it->unit == unit && it->period == period; ++it) n += it->n;
  return n;
}

int PeriodCounts::first_period() const {
  int p = cells_.front().period;
  for (const Cell& c : cells_) p = std::min(p, c.period);
  return p;
}

int PeriodCounts::last_period() const {
  int p = cells_.front().period;
  for (const Cell& c : cells_) p = std::max(p, c.period);
  return p;
}

PeriodCounts PeriodCounts::rollup(const std::vector<int>& group_of) const {
  PeriodCounts out(kind_);
  for (const Cell& c : settled()) {
    if (c.unit < 0 || std::size_t(c.unit) >= group_of.size()) throw Error("period rollup: unit without a group");
    if (group_of[static_cast<std::size_t>(c.unit)] < 0) continue;
    out.append(group_of[static_cast<std::size_t>(c.unit)], c.period, names_[c.category], c.n);
  }
  out.settle();
  out.undated_ = undated_;
  out.flagged_ = flagged_;
  return out;
}

SpaceTimeCube PeriodCounts::cube(std::size_t units, const std::string& category, int first, int last) const {
  SpaceTimeCube c;
  c.locations = units;
  c.steps = last >= first ? std::size_t(last - first + 1) : 0;
  c.values.assign(c.locations * c.steps, 0.0);
  std::vector<char> wanted(names_.size(), 0);
  for (std::size_t i = 0; i < names_.size(); ++i) wanted[i] = category.empty() || names_[i] == category;
  for (const Cell& cell : cells_) {  // any order: sums
    if (cell.period < first || cell.period > last || !wanted[cell.category]) continue;
    if (cell.unit < 0 || std::size_t(cell.unit) >= units) throw Error("period cube: unit index out of range");
    c.values[std::size_t(cell.period - first) * units + std::size_t(cell.unit)] += double(cell.n);
  }
  return c;
}

double poisson_ratio_p_value(std::int64_t a, std::int64_t b, double days_a, double days_b) {
  const std::int64_t n = a + b;
  if (n == 0) return 1.0;
  const double share_b = days_b / (days_a + days_b);
  const boost::math::binomial_distribution<double> dist(double(n), share_b);
  // As R's binom.test: outcomes whose probability is at most the observed one's (with a relative
  // tolerance of 1e-7 for ties between the two tails).
  const double observed = boost::math::pdf(dist, double(b));
  const double limit = observed * (1 + 1e-7);
  double p = 0;
  for (std::int64_t k = 0; k <= n; ++k) {
    const double pk = boost::math::pdf(dist, double(k));
    if (pk <= limit) p += pk;
  }
  return std::min(1.0, p);
}

std::vector<PeriodComparison> compare_periods(const PeriodCounts& counts, int period_a, int period_b,
                                              const std::string& category) {
  std::map<int, PeriodComparison> by_unit;
  for (const auto& row : counts.rows()) {
    if ((row.period != period_a && row.period != period_b) || (!category.empty() && row.category != category))
      continue;
    auto& c = by_unit[row.unit];
    c.unit = row.unit;
    (row.period == period_a ? c.a : c.b) += row.n;
  }
  const double days_a = period_days(counts.kind(), period_a), days_b = period_days(counts.kind(), period_b);
  std::vector<PeriodComparison> out;
  for (auto& [unit, c] : by_unit) {
    c.change = c.b - c.a;
    c.p_value = poisson_ratio_p_value(c.a, c.b, days_a, days_b);
    out.push_back(c);
  }
  std::sort(out.begin(), out.end(), [](const PeriodComparison& x, const PeriodComparison& y) {
    if (x.p_value != y.p_value) return x.p_value < y.p_value;
    if (std::llabs(x.change) != std::llabs(y.change)) return std::llabs(x.change) > std::llabs(y.change);
    return x.unit < y.unit;
  });
  return out;
}

}  // namespace peta
