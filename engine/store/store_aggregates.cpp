#include "store/store_aggregates.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "store/finding_status.hpp"
#include "store/store_dates.hpp"

namespace peta::store {
namespace {

int as_of_day(const std::string& as_of) {
  auto d = day_number(as_of);
  if (!d) throw Error("status aggregates: " + quote(as_of) + " is not a date (YYYY-MM-DD)");
  return *d;
}

// The median of the values a histogram (value -> how many) holds; 0 when it is empty.
double median(const std::map<int, long long>& histogram, long long n) {
  if (n == 0) return 0;
  // The values at 0-based ranks lo and hi (equal when n is odd).
  const long long lo = (n - 1) / 2, hi = n / 2;
  long long seen = 0;
  double a = 0;
  for (const auto& [value, count] : histogram) {
    if (seen <= lo && lo < seen + count) a = value;
    if (seen <= hi && hi < seen + count) return (a + value) / 2.0;
    seen += count;
  }
  return a;
}

}  // namespace

std::optional<int> start_day(const StoredFinding& f) {
  if (auto d = day_number(f.first_seen)) return d;
  return day_number(f.date);
}

std::optional<int> due_day(const StoredFinding& f, const OpdMapping& opd) {
  const auto start = start_day(f);
  const auto target = opd.find(f.category);
  if (!start || !target) return std::nullopt;
  return *start + target->target_days;
}

StatusAccumulator::StatusAccumulator(const std::string& as_of, const OpdMapping& opd)
    : today_(as_of_day(as_of)), opd_(opd) {}

void StatusAccumulator::add(const StoredFinding& f) {
  if (is_excluded_status(f.status)) return;
  const auto start = start_day(f);
  if (start && *start > today_) return;
  const bool open = is_open_status(f.status);
  const bool done = f.status == kStatusDone;
  if (!open && !done) return;
  const auto due = due_day(f, opd_);
  const bool overdue = open && due && *due < today_;
  for (Unit* unit : {&desa_[f.desa_code], &kecamatan_[f.kecamatan_code]}) {
    if (open) {
      ++unit->counts.n_terbuka;
      if (start) ++unit->ages[today_ - *start];
    } else {
      ++unit->counts.n_selesai;
    }
    if (overdue) ++unit->counts.n_lewat_target;
  }
}

StatusAggregates StatusAccumulator::result() const {
  auto finish = [](const std::map<std::string, Unit>& units) {
    std::map<std::string, StatusCounts> out;
    for (const auto& [code, unit] : units) {
      StatusCounts c = unit.counts;
      const long long total = c.n_terbuka + c.n_selesai;
      c.persen_selesai = total ? 100.0 * c.n_selesai / total : 0;
      long long aged = 0;
      for (const auto& [age, count] : unit.ages) aged += count;
      c.umur_median_hari = median(unit.ages, aged);
      out[code] = c;
    }
    return out;
  };
  return {finish(desa_), finish(kecamatan_)};
}

StatusAggregates aggregate_status(const std::vector<StoredFinding>& findings, const std::string& as_of,
                                  const OpdMapping& opd) {
  StatusAccumulator acc(as_of, opd);
  for (const auto& f : findings) acc.add(f);
  return acc.result();
}

OverdueAccumulator::OverdueAccumulator(const std::string& as_of, const OpdMapping& opd)
    : today_(as_of_day(as_of)), opd_(opd) {}

void OverdueAccumulator::add(const StoredFinding& f) {
  if (!is_open_status(f.status)) return;
  const auto target = opd_.find(f.category);
  const auto start = start_day(f);
  if (!target || !start || *start > today_) return;
  OverdueRow& r = rows_[{target->opd, f.kecamatan_code}];
  r.opd = target->opd;
  r.kecamatan_code = f.kecamatan_code;
  ++r.n_terbuka;
  const int late = today_ - (*start + target->target_days);
  if (late > 0) {
    ++r.n_lewat_target;
    r.hari_lewat_maks = std::max<double>(r.hari_lewat_maks, late);
  }
}

std::vector<OverdueRow> OverdueAccumulator::result() const {
  std::vector<OverdueRow> out;
  for (const auto& [key, r] : rows_)
    if (r.n_lewat_target > 0) out.push_back(r);
  return out;
}

std::vector<OverdueRow> overdue_by_opd(const std::vector<StoredFinding>& findings, const std::string& as_of,
                                       const OpdMapping& opd) {
  OverdueAccumulator acc(as_of, opd);
  for (const auto& f : findings) acc.add(f);
  return acc.result();
}

}  // namespace peta::store
