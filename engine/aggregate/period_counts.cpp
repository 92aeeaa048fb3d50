#include "aggregate/period_counts.hpp"

#include <algorithm>
#include <boost/math/distributions/binomial.hpp>
#include <cmath>
#include <set>

#include "core/error.hpp"

namespace peta {

void PeriodCounts::add(int unit, const std::string& category, Date date) {
  ++cells_[{unit, period_of(kind_, date), category}];
  ++dated_;
}

void PeriodCounts::add(int unit, int period, const std::string& category, std::int64_t n) {
  cells_[{unit, period, category}] += n;
  dated_ += n;
}

void PeriodCounts::add_in_order(int unit, int period, const std::string& category, std::int64_t n) {
  cells_.emplace_hint(cells_.end(), std::tuple<int, int, std::string>{unit, period, category}, 0)->second += n;
  dated_ += n;
}

std::vector<PeriodCounts::Row> PeriodCounts::rows() const {
  std::vector<Row> out;
  out.reserve(cells_.size());
  for (const auto& [key, n] : cells_) out.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), n});
  return out;
}

std::int64_t PeriodCounts::count(int unit, int period, const std::string& category) const {
  const auto it = cells_.find({unit, period, category});
  return it == cells_.end() ? 0 : it->second;
}

std::int64_t PeriodCounts::count(int unit, int period) const {
  std::int64_t n = 0;
  for (auto it = cells_.lower_bound({unit, period, std::string()});
       it != cells_.end() && std::get<0>(it->first) == unit && std::get<1>(it->first) == period; ++it)
    n += it->second;
  return n;
}

int PeriodCounts::first_period() const {
  int p = std::get<1>(cells_.begin()->first);
  for (const auto& [key, n] : cells_) p = std::min(p, std::get<1>(key));
  return p;
}

int PeriodCounts::last_period() const {
  int p = std::get<1>(cells_.begin()->first);
  for (const auto& [key, n] : cells_) p = std::max(p, std::get<1>(key));
  return p;
}

PeriodCounts PeriodCounts::rollup(const std::vector<int>& group_of) const {
  PeriodCounts out(kind_);
  for (const auto& [key, n] : cells_) {
    const int unit = std::get<0>(key);
    if (unit < 0 || std::size_t(unit) >= group_of.size()) throw Error("period rollup: unit without a group");
    if (group_of[unit] < 0) continue;
    out.cells_[{group_of[unit], std::get<1>(key), std::get<2>(key)}] += n;
    out.dated_ += n;
  }
  out.undated_ = undated_;
  out.flagged_ = flagged_;
  return out;
}

SpaceTimeCube PeriodCounts::cube(std::size_t units, const std::string& category, int first, int last) const {
  SpaceTimeCube c;
  c.locations = units;
  c.steps = last >= first ? std::size_t(last - first + 1) : 0;
  c.values.assign(c.locations * c.steps, 0.0);
  for (const auto& [key, n] : cells_) {
    const auto& [unit, period, cat] = key;
    if (period < first || period > last || (!category.empty() && cat != category)) continue;
    if (unit < 0 || std::size_t(unit) >= units) throw Error("period cube: unit index out of range");
    c.values[std::size_t(period - first) * units + std::size_t(unit)] += double(n);
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
