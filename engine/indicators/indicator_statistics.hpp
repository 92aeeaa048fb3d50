#pragma once
// Spatial statistics on any per-desa indicator (indicator_values.hpp), as GeoDa and PySAL compute them:
//   univariate: global Moran's I (and the Moran scatterplot: each desa's standardised value against the
//               spatial lag of the standardised values), Local Moran with quadrants and the LISA significance
//               classes 0.05 / 0.01 / 0.001, Getis-Ord Gi* with its permutation p-values (esda.G_Local(star=True)
//               with the entry's "standar": transform "R" for baris, "B" for biner), Geary's C; for a count or
//               rate indicator also the EB-standardised Moran (Assunção & Reis, esda.Moran_Rate) and the spatial
//               Empirical Bayes rates (esda.smoothing.Spatial_Empirical_Bayes);
//   bivariate:  global and local bivariate Moran of x against the spatial lag of y (esda.Moran_BV,
//               esda.Moran_Local_BV), quadrants HH / LH / LL / HL.
// Desa without a value are left out: the weights are restricted to the desa with a value (libpysal's
// w_subset; a desa whose neighbours all lack a value becomes an island) and the result lists the desa left out.
// Islands get no local inference (p = 1, class 0).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hotspots/bivariate_moran.hpp"
#include "hotspots/geary.hpp"
#include "hotspots/getis_ord.hpp"
#include "hotspots/local_moran.hpp"
#include "hotspots/moran.hpp"
#include "indicators/indicator_settings.hpp"
#include "indicators/indicator_values.hpp"

namespace peta {

struct IndicatorStatisticsOptions {
  int permutations = 999;
  std::uint64_t seed = 20261128;
  double alpha = 0.05;  // LISA cluster significance (lisa_q)
  bool fdr = false;     // Benjamini-Hochberg for the LISA clusters and the Gi* bins
  unsigned threads = 0;
};

struct IndicatorResult {
  IndicatorAnalysisSettings settings;
  std::string weights;                 // the weights, described ("queen, baris")
  std::vector<long> position;          // per unit (desa or kecamatan): its index among the analysed, or -1 (no value)
  std::vector<std::string> missing;    // units left out: "35.13.01.2001 Nama"
  std::vector<std::string> islands;    // analysed units without a neighbour
  std::size_t links = 0;               // neighbour links among the analysed desa
  std::vector<double> x, y;            // the analysed values (y: bivariate only)
  std::optional<GlobalMoran> moran;
  std::optional<GlobalMoran> moran_rate;  // count/rate indicators, when defined
  std::optional<GearyC> geary;
  std::optional<BivariateMoran> moran_bv;
  LocalMoran local;                    // z and lag always (the scatterplot); Ii, p, clusters with "lisa"
  std::optional<GetisOrd> gi;
  std::vector<double> spatial_eb;      // count/rate indicators: spatial EB rates (times per), else empty
  std::vector<std::string> warnings;

  std::size_t n() const { return x.size(); }
};

// The analysis of one "statistik" entry on sources.units (the desa, or the kecamatan at that level). `weights`
// are the units' weights the entry chose (indicator_weights.hpp).
IndicatorResult analyse_indicator(const IndicatorAnalysisSettings& settings, const IndicatorSources& sources,
                                  const SpatialWeights& weights, const IndicatorStatisticsOptions& options);

// GeoDa's LISA significance map classes: 3 when p <= 0.001, 2 when p <= 0.01, 1 when p <= 0.05, else 0.
int lisa_significance_class(double p);

}  // namespace peta
