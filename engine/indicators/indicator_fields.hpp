#pragma once
// The desa layer's fields of the indicator statistics, per analysis with key K (indicator_settings.hpp), in
// the hotspot fields' naming (<stat>_<key>, shapefile <ab><key>); NULL for a desa left out (no value). The
// entries with "tingkat": "kecamatan" put the same fields on the kecamatan layer:
//   nilai_K   the indicator (bivariate: x)                     bv: also nilai2_K, y
//   mz_K      standardised value (Moran scatterplot x)          mlag_K  spatial lag of the standardised values (y)
//   with "lisa": lisa_i_K (Ii), lisa_p_K (pseudo p), lisa_q_K (significant quadrant 1 HH, 2 LH, 3 LL, 4 HL, 0;
//                styled as the hotspot LISA clusters), lisa_s_K (significance class 1: p <= 0.05, 2: <= 0.01,
//                3: <= 0.001, 0; styled as GeoDa's significance map)
//   with "gi":   gi_z_K, gi_p_K (permutation pseudo p), gi_bin_K (-3..3, styled as the hotspot Gi* bins)
//   rates:       seb_K (spatial Empirical Bayes rate)
#include <cstddef>

#include "indicators/indicator_run.hpp"
#include "output/layer.hpp"

namespace peta {

class IndicatorFields {
 public:
  // Appends the fields of the analyses at `level`; throws peta::Error when a key makes a name the schema
  // already has.
  static void extend(LayerSchema& schema, const IndicatorStatistics& s, AnalysisLevel level = AnalysisLevel::desa);
  // Appends unit d's values (desa, or kecamatan at that level), in extend's order.
  static void apply(Feature& feature, std::size_t d, const IndicatorStatistics& s,
                    AnalysisLevel level = AnalysisLevel::desa);
};

}  // namespace peta
