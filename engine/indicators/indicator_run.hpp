#pragma once
// All the "statistik" analyses of a run, and what they write beside the layers:
//   statistik.json          the global results of every analysis (also in the run summary and titik_panas.json)
//   moran_<kunci>.csv       the Moran scatterplot as data: per analysed desa (or kecamatan) its value, standardised value z,
//                           spatial lag of z, quadrant, Local Moran Ii, pseudo p and significance class
// The desa fields are in indicator_fields.hpp.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "hotspots/contiguity_weights.hpp"
#include "indicators/indicator_statistics.hpp"

namespace peta {

struct IndicatorStatistics {
  std::vector<IndicatorResult> results;  // in the project file's order
};

// Builds each weights choice once per level (contiguity with `contiguity`'s tolerance) and runs every analysis:
// on `desa`, or on `kecamatan` for the entries with "tingkat": "kecamatan" (kecamatan_indicators.hpp; null when
// the run has none, which such an entry reports as an error).
IndicatorStatistics run_indicator_statistics(const std::vector<IndicatorAnalysisSettings>& analyses,
                                             const IndicatorSources& desa, const IndicatorSources* kecamatan,
                                             const ContiguitySettings& contiguity,
                                             const IndicatorStatisticsOptions& options);

nlohmann::json indicator_statistics_json(const IndicatorStatistics& s);
std::string indicator_statistics_text(const IndicatorStatistics& s, const std::string& language);  // "id" or "en"
// `units`: the result's level's units (b.desa or b.kecamatan).
std::string moran_scatter_csv(const std::vector<AdminUnit>& units, const IndicatorResult& r);

// Writes statistik.json and moran_<kunci>.csv (of desa or kecamatan, as the entry's level) into `folder`
// (each atomically); returns the paths.
std::vector<std::string> write_indicator_files(const std::string& folder, const Boundaries& b,
                                               const IndicatorStatistics& s);

}  // namespace peta
