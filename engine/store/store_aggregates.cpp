#include "store/store_aggregates.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "store/finding_status.hpp"
#include "store/store_dates.hpp"

namespace peta::store {
namespace {

struct Accumulator {
  StatusCounts counts;
  std::vector<int> ages;
};

double median(std::vector<int>& v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

int as_of_day(const std::string& as_of) {
  auto d = day_number(as_of);
  if (!d) throw Error("status aggregates: " + quote(as_of) + " is not a date (YYYY-MM-DD)");
  return *d;
}

// The first-seen day, else the finding's own date; nullopt if neither is a date.
std::optional<int> start_day(const StoredFinding& f) {
  if (auto d = day_number(f.first_seen)) return d;
  return day_number(f.date);
}

std::map<std::string, StatusCounts> finish(std::map<std::string, Accumulator>& acc) {
  std::map<std::string, StatusCounts> out;
  for (auto& [code, a] : acc) {
    StatusCounts c = a.counts;
    const long long total = c.n_terbuka + c.n_selesai;
    c.persen_selesai = total ? 100.0 * c.n_selesai / total : 0;
    c.umur_median_hari = median(a.ages);
    out[code] = c;
  }
  return out;
}

}  // namespace

StatusAggregates aggregate_status(const std::vector<StoredFinding>& findings, const std::string& as_of,
                                  const OpdMapping& opd) {
  const int today = as_of_day(as_of);
  std::map<std::string, Accumulator> desa, kecamatan;
  for (const auto& f : findings) {
    if (is_excluded_status(f.status)) continue;
    const auto start = start_day(f);
    if (start && *start > today) continue;
    const bool open = is_open_status(f.status);
    const bool done = f.status == kStatusDone;
    if (!open && !done) continue;
    const auto target = opd.find(f.category);
    const bool overdue = open && start && target && *start + target->target_days < today;
    for (auto* acc : {&desa[f.desa_code], &kecamatan[f.kecamatan_code]}) {
      if (open) {
        ++acc->counts.n_terbuka;
        if (start) acc->ages.push_back(today - *start);
      } else {
        ++acc->counts.n_selesai;
      }
      if (overdue) ++acc->counts.n_lewat_target;
    }
  }
  return {finish(desa), finish(kecamatan)};
}

std::vector<OverdueRow> overdue_by_opd(const std::vector<StoredFinding>& findings, const std::string& as_of,
                                       const OpdMapping& opd) {
  const int today = as_of_day(as_of);
  std::map<std::pair<std::string, std::string>, OverdueRow> rows;
  for (const auto& f : findings) {
    if (!is_open_status(f.status)) continue;
    const auto target = opd.find(f.category);
    const auto start = start_day(f);
    if (!target || !start || *start > today) continue;
    OverdueRow& r = rows[{target->opd, f.kecamatan_code}];
    r.opd = target->opd;
    r.kecamatan_code = f.kecamatan_code;
    ++r.n_terbuka;
    const int late = today - (*start + target->target_days);
    if (late > 0) {
      ++r.n_lewat_target;
      r.hari_lewat_maks = std::max<double>(r.hari_lewat_maks, late);
    }
  }
  std::vector<OverdueRow> out;
  for (auto& [key, r] : rows)
    if (r.n_lewat_target > 0) out.push_back(r);
  return out;
}

}  // namespace peta::store
