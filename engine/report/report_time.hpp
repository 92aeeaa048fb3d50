#pragma once
// What the report's time pages read from a built project's GeoPackage (issue 14's layers, written by peta build):
//   hitungan_periode_kec  kecamatan x period x category counts (the monthly trend chart; the kabupaten's trend is
//                         the sum of its kecamatan rows, which hold every published finding);
//   desa.tren_<kategori>  the emerging hot spot class of each desa (the emerging hot spot maps);
//   kunjungan             the Ngantor di Kecamatan visits (dates, team, findings from the visit), and from the
//                         temuan layer the published findings dated since each visit began.
// In the public profile the build keeps the sensitive categories out of all of these; the report leaves them out
// again (a category marked sensitive is never read here), so a time page prints only published counts.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "aggregate/category_taxonomy.hpp"
#include "aggregate/period.hpp"

namespace peta::report {

struct ReportVisit {
  std::string kode_kec;  // dotted, as the layers write it
  std::string mulai, selesai, tim;  // YYYY-MM-DD
  std::int64_t temuan = 0, desa_temuan = 0;
  std::optional<std::int64_t> since;  // published findings of the kecamatan dated on or after mulai (temuan layer)
};

struct ReportTime {
  PeriodKind kind = PeriodKind::month;
  std::vector<std::string> periods;  // every period from the first to the last with a count, in order
  // kecamatan code (dotted) -> category code -> count per period (index into `periods`)
  std::map<std::string, std::map<std::string, std::vector<std::int64_t>>> kecamatan;
  // desa code (dotted) -> category code -> emerging hot spot class value ("panas_baru", "tidak_ada_pola", ...)
  std::map<std::string, std::map<std::string, std::string>> trends;
  std::vector<ReportVisit> visits;  // by kecamatan code, then start

  bool has_periods() const { return !periods.empty(); }
  // The area's counts per category and period: one kecamatan's, or (kecamatan empty) the sum of all of them.
  std::map<std::string, std::vector<std::int64_t>> counts(const std::string& kecamatan) const;
};

// Reads the time layers of `gpkg`; categories not in `categories`, or sensitive ones when `public_profile`, are
// left out. Layers the build did not write leave their part empty. Throws peta::Error naming the file and layer
// when a layer is there but malformed (a missing field, a period label that is no period).
ReportTime read_report_time(const std::string& gpkg, const std::vector<Category>& categories, bool public_profile);

}  // namespace peta::report
