#pragma once
// What the desa and kecamatan layers show of the problems' life, as of a date: open and handled counts, share
// handled, median age of open problems, and how many are past their target. bukan_masalah and duplikat are left out.
// Streaming: the accumulators take one finding at a time (FindingStore::scan), so a store of millions is never
// held in memory; aggregate_status and overdue_by_opd are the same over a vector.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/opd_mapping.hpp"
#include "store/store_types.hpp"

namespace peta::store {

struct StatusCounts {
  long long n_terbuka = 0;      // baru, diverifikasi, ditindaklanjuti
  long long n_selesai = 0;
  double persen_selesai = 0;    // 100 * selesai / (terbuka + selesai); 0 when there are none
  double umur_median_hari = 0;  // median age in days of the open ones (from first seen); 0 when none open
  long long n_lewat_target = 0; // open, due date before the date
};

struct StatusAggregates {
  std::map<std::string, StatusCounts> desa;       // by desa code
  std::map<std::string, StatusCounts> kecamatan;  // by kecamatan code
};

// Findings first seen after `as_of` (YYYY-MM-DD) are not counted. Due date = first seen + the category's target
// days in `opd` (a category without an OPD is never overdue). The constructor throws peta::Error for a bad date.
// Memory: per desa and kecamatan, a count per distinct age in days (the exact median without keeping every age).
// When a finding's clock starts: its first-seen day, else its own date (day numbers, store_dates.hpp); nullopt
// if neither is a date.
std::optional<int> start_day(const StoredFinding& f);
// When it is due: the start + its category's target days; nullopt without an OPD or a start. Open past this day
// is overdue.
std::optional<int> due_day(const StoredFinding& f, const OpdMapping& opd);

class StatusAccumulator {
 public:
  StatusAccumulator(const std::string& as_of, const OpdMapping& opd);
  void add(const StoredFinding& f);
  StatusAggregates result() const;

 private:
  struct Unit {
    StatusCounts counts;
    std::map<int, long long> ages;  // age in days -> open findings of that age
  };
  int today_;
  OpdMapping opd_;
  std::map<std::string, Unit> desa_, kecamatan_;
};

StatusAggregates aggregate_status(const std::vector<StoredFinding>& findings, const std::string& as_of,
                                  const OpdMapping& opd);

struct OverdueRow {
  std::string opd;             // "" for categories without an OPD are not listed
  std::string kecamatan_code;
  long long n_terbuka = 0;
  long long n_lewat_target = 0;
  double hari_lewat_maks = 0;  // days past target of the most overdue one
};

// Overdue open problems per OPD and kecamatan, sorted by OPD then kecamatan code; rows with n_lewat_target 0
// are left out. The constructor throws peta::Error for a bad date.
class OverdueAccumulator {
 public:
  OverdueAccumulator(const std::string& as_of, const OpdMapping& opd);
  void add(const StoredFinding& f);
  std::vector<OverdueRow> result() const;

 private:
  int today_;
  OpdMapping opd_;
  std::map<std::pair<std::string, std::string>, OverdueRow> rows_;  // (OPD, kecamatan code)
};

std::vector<OverdueRow> overdue_by_opd(const std::vector<StoredFinding>& findings, const std::string& as_of,
                                       const OpdMapping& opd);

}  // namespace peta::store
