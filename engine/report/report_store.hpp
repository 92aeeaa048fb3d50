#pragma once
// What the report's store pages read from the project's findings store (engine/store), as of a date: per
// kecamatan and for the kabupaten the handled/open counts of store_aggregates.hpp (n_terbuka, n_selesai,
// persen_selesai, umur_median_hari, n_lewat_target), and the overdue open problems per OPD and kecamatan
// (overdue_by_opd) with the project's OPD mapping. Read straight from the store, not from the built layers.
//
// Privacy: in the public profile the findings of sensitive categories are left out before anything is counted
// (their counts per area would fall below k nearly everywhere), and the pages say so; no finding is listed.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "aggregate/category_taxonomy.hpp"
#include "store/opd_mapping.hpp"
#include "store/store_aggregates.hpp"
#include "store/store_types.hpp"

namespace peta {
struct ProjectSettings;
}

namespace peta::report {

struct ReportStore {
  std::string path;   // the store (file name or PG: string), for the sources page
  std::string as_of;  // YYYY-MM-DD
  std::map<std::string, store::StatusCounts> kecamatan;  // by kecamatan code, digits only
  store::StatusCounts kabupaten;
  std::vector<store::OverdueRow> overdue;  // overdue_by_opd, kecamatan codes as the store keeps them
  std::vector<store::OverdueRow> overdue_kabupaten;  // overdue_by_opd over the whole kabupaten: one row per OPD
  std::vector<std::string> left_out;       // sensitive category codes left out (public profile)
  long long findings = 0;                  // findings counted (after leaving those out)
};

// From findings already read (tests, and the function below).
ReportStore summarise_store(std::vector<store::StoredFinding> findings, const std::string& as_of,
                            const store::OpdMapping& opd, const std::vector<Category>& categories,
                            bool public_profile);

// The project's store when it names one (`"store": {"path": ...}`), else nullopt. A GeoPackage store that does
// not exist is an error naming it (a report never creates a store). `as_of` empty: today (UTC).
std::optional<ReportStore> read_report_store(const ProjectSettings& settings, const std::vector<Category>& categories,
                                             const std::string& as_of);

// Digits of a code (35.13.01 -> 351301): how the report matches the store's codes with the layers'.
std::string code_digits(const std::string& code);

}  // namespace peta::report
