#pragma once
// Global Geary's C as esda.Geary: C = (n - 1) sum_ij w_ij (y_i - y_j)^2 / (2 S0 sum_i (y_i - ybar)^2),
// E[C] = 1, variances under normality and randomisation (Cliff & Ord), one-tailed analytical p-values in the
// direction of C - 1 (as esda), and a folded pseudo p-value from unconditional permutations of the values.
// C < 1: positive spatial autocorrelation (neighbours alike); C > 1: negative.
#include <vector>

#include "hotspots/moran.hpp"
#include "hotspots/spatial_weights.hpp"

namespace peta {

struct GearyC : GlobalPermutationResult {
  std::size_t n = 0;
  double C = 0;
  double expected = 1;
  double variance_normal = 0, z_normal = 0, p_normal = 0;  // p one-tailed, as esda
  double variance_randomisation = 0, z_randomisation = 0, p_randomisation = 0;
};

// `weights` as built (binary); transformed as settings.transform says (esda's default "r").
GearyC geary(const SpatialWeights& weights, const std::vector<double>& values, const GlobalMoranSettings& settings = {});

}  // namespace peta
