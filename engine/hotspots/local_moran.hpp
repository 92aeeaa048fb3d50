#pragma once
// Local Moran's I (Anselin 1995) as esda.Moran_Local: values standardised with the population standard
// deviation, row-standardised weights, Ii = (n - 1) * z_i * lag_i / sum(z^2), quadrants HH=1, LH=2, LL=3,
// HL=4, and pseudo p-values from seeded conditional permutations.
#include <cstdint>
#include <vector>

#include "hotspots/moran.hpp"
#include "hotspots/permutation.hpp"
#include "hotspots/spatial_weights.hpp"

namespace peta {

enum Quadrant : int { kNotSignificant = 0, kHighHigh = 1, kLowHigh = 2, kLowLow = 3, kHighLow = 4 };

struct LocalSettings {
  PermutationSettings permutation;  // 999 conditional permutations by default
  double alpha = 0.05;              // significance level for the pseudo p-values
  bool fdr = false;                 // Benjamini-Hochberg threshold (esda.fdr) instead of alpha
};

struct LocalMoran {
  std::vector<double> Ii;
  std::vector<double> z;        // standardised values
  std::vector<double> lag;      // spatial lag of z (row-standardised)
  std::vector<int> quadrant;    // 1..4 as esda (a value of exactly 0 counts as low)
  std::vector<double> p_sim;    // folded pseudo p-values; 1 for islands
  std::vector<double> z_sim;    // (Ii - mean of simulations) / sd of simulations
  std::vector<double> p_z_sim;  // one-tailed normal p of z_sim, as esda
  std::vector<std::uint8_t> significant;  // p_sim <= alpha, or p_sim < FDR threshold
  std::vector<int> cluster;     // quadrant when significant, else 0
  double p_threshold = 0;       // the alpha or FDR threshold applied
  std::vector<std::size_t> islands;  // excluded from inference (no neighbours)
};

LocalMoran local_moran(const SpatialWeights& weights, const std::vector<double>& values,
                       const LocalSettings& settings = {},
                       WeightsTransform transform = WeightsTransform::row_standardised);

// The Local Moran of r.z (set by the caller: the standardised values) against the spatial lag of `lagged`
// (r.z itself, or the second variable of a bivariate Local Moran) under the transformed weights `w`: fills
// lag, Ii, quadrant, islands and the conditional-permutation inference.
void local_moran_of(LocalMoran& r, const std::vector<double>& lagged, const SpatialWeights& w,
                    const LocalSettings& settings);

// Fills p_sim, z_sim, p_z_sim, significant, cluster and p_threshold of `r` from permutation outcomes
// (used by local_moran and by local_hotspots, which shares the draws with Gi*).
void apply_inference(LocalMoran& r, const std::vector<PermutationOutcome>& outcomes, const LocalSettings& settings,
                     const SpatialWeights& weights);

}  // namespace peta
