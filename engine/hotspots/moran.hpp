#pragma once
// Global Moran's I with inference under normality, under randomisation and by permutation,
// following esda.Moran (two-tailed analytical p-values, folded permutation p-value).
#include <vector>

#include "hotspots/permutation.hpp"
#include "hotspots/spatial_lag.hpp"
#include "hotspots/spatial_weights.hpp"

namespace peta {

struct GlobalMoranSettings {
  WeightsTransform transform = WeightsTransform::row_standardised;  // esda's default "r"
  PermutationSettings permutation;  // full (unconditional) permutations of the values
};

struct GlobalMoran : GlobalPermutationResult {
  std::size_t n = 0;
  double I = 0;
  double expected = 0;                // E[I] = -1 / (n - 1)
  double variance_normal = 0;         // under normality
  double z_normal = 0, p_normal = 0;  // two-tailed
  double variance_randomisation = 0;  // under randomisation (kurtosis-corrected)
  double z_randomisation = 0, p_randomisation = 0;
};

GlobalMoran global_moran(const SpatialWeights& weights, const std::vector<double>& values,
                         const GlobalMoranSettings& settings = {});

}  // namespace peta
