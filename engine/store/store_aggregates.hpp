#pragma once
// What the desa and kecamatan layers show of the problems' life, as of a date: open and handled counts, share
// handled, median age of open problems, and how many are past their target. bukan_masalah and duplikat are left out.
#include <map>
#include <string>
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
// days in `opd` (a category without an OPD is never overdue). Throws peta::Error for a bad date.
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
// are left out.
std::vector<OverdueRow> overdue_by_opd(const std::vector<StoredFinding>& findings, const std::string& as_of,
                                       const OpdMapping& opd);

}  // namespace peta::store
