#pragma once
// What a report reads from a built project: the desa, kecamatan and kabupaten layers of its GeoPackage (counts,
// suppression flags, Gi* bins; shapes for the maps), the findings' date range, and from the project file the
// categories, the privacy threshold and the sources. Nothing here recomputes a statistic: the report prints what
// the build published, so the public profile's rules (withheld counts are NULL) hold on every page.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "aggregate/category_taxonomy.hpp"
#include "indicators/indicator_settings.hpp"
#include "render/map_layer.hpp"
#include "report/report_store.hpp"
#include "report/report_time.hpp"

namespace peta {
struct ProjectSettings;
}

namespace peta::report {

struct ReportData {
  std::string project_name;
  std::string gpkg;                                  // the GeoPackage read
  render::MapLayer desa, kecamatan, kabupaten;       // kabupaten may be empty (then the kecamatan make it up)
  std::vector<Category> categories;                  // those with an n_<code> field in the desa layer
  int k = 5;
  bool public_profile = true;
  int date_min = 0, date_max = 0;                    // yyyymmdd of the findings' tanggal (0: none)
  std::vector<std::string> boundary_sources, finding_sources;  // file names
  ReportTime time;                                   // periods, trends and visits (empty when the build wrote none)
  std::optional<ReportStore> store;                  // when the project names a findings store
  // The problem–potential matrix (the matriks layer, engine/profile): desa kode -> kuadran 0..4; empty without one.
  std::map<std::string, int> matrix;
  std::string matrix_potential;                      // the potential field it used (e.g. skor_idm)
  // The project's "statistik" whose Moran scatterplot the desa layer carries (mz_<key>, mlag_<key>).
  std::vector<IndicatorAnalysisSettings> indicators;

  std::string kabupaten_name() const;
};

// Reads the project's built GeoPackage (or `gpkg` when given), and its findings store when it names one, with the
// status as of `as_of` (YYYY-MM-DD; empty: today, UTC). Throws peta::Error naming the file when it or a layer is
// missing.
ReportData load_report_data(const ProjectSettings& settings, const std::string& gpkg = "", const std::string& as_of = "");

}  // namespace peta::report
