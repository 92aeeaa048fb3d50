#pragma once
// The project file's "statistik": which indicators to analyse, with which weights and methods.
//
//   "statistik": [
//     {"indikator": "eb_total", "kunci": "ebt",
//      "bobot": {"jenis": "queen|rook|knn|jarak|file", "k": 6, "jarak_m": 5000, "path": "w.gal",
//                "standar": "baris|biner"},
//      "metode": ["moran", "lisa", "gi", "geary"]},
//     {"bivariat": {"x": "rate_jalan", "y": "luas_km2"}, "kunci": "bv1", "bobot": {"jenis": "queen"}},
//     {"indikator": "rate_total", "kunci": "kt", "tingkat": "kecamatan"}
//   ]
//
// "tingkat" (level): "desa" (default) or "kecamatan": the indicator taken at the kecamatan (kecamatan_indicators.hpp),
// the weights built on the kecamatan polygons (a GAL/GWT file keyed by the dotted kecamatan code), the fields
// on the kecamatan layer.
// "kunci" (key) prefixes the entry's fields on the desa (or kecamatan) layer (letters, digits; at most 5 characters, so that
// <key>_<stat> fits a shapefile's 10); by default "s1", "s2", ... in file order.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace peta {

enum class WeightsKind { queen, rook, knn, distance_band, file };

struct WeightsChoice {
  WeightsKind kind = WeightsKind::queen;
  int k = 6;                   // knn
  double distance_m = 5000;    // jarak: centroids within this distance (metres, UTM 49S)
  std::string path;            // file: a GeoDa GAL or GWT file keyed by the dotted desa (or kecamatan) code
  bool row_standardised = true;
  std::string describe() const;  // "queen, baris", "knn k=6, biner", ...
};

enum class IndicatorMethod { moran, lisa, gi, geary };

enum class AnalysisLevel { desa, kecamatan };
const char* level_name(AnalysisLevel level);  // "desa", "kecamatan"

struct IndicatorAnalysisSettings {
  std::string key;
  std::string indicator;       // univariate: the indicator's name
  std::string x, y;            // bivariate: x against the spatial lag of y (indicator empty)
  WeightsChoice weights;
  AnalysisLevel level = AnalysisLevel::desa;
  std::vector<IndicatorMethod> methods = {IndicatorMethod::moran, IndicatorMethod::lisa, IndicatorMethod::gi,
                                          IndicatorMethod::geary};
  bool bivariate() const { return indicator.empty(); }
  bool has(IndicatorMethod m) const;
};

// Reads the "statistik" array (paths resolved against `base`); throws peta::Error naming the key path.
std::vector<IndicatorAnalysisSettings> read_indicator_settings(const nlohmann::json& j, const std::string& base);

}  // namespace peta
