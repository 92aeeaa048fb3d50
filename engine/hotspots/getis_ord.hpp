#pragma once
// Getis-Ord Gi* (star: each observation is its own neighbour) as esda.G_Local(star=True, transform="B"):
// binary weights with a self weight of 1, Gs_i = sum_j w_ij y_j / sum_j y_j, expectation W_i / n,
// variance W_i (n - W_i) / ((n - 1) n^2) * s^2 / ybar^2 with s^2 = mean(y^2) - ybar^2, z = (Gs - E) / sqrt(V).
// This is algebraically the z-score of Getis & Ord (1995) and ArcGIS's Hot Spot Analysis.
// Hot/cold bins as ArcGIS Gi_Bin: +-3 (99 %), +-2 (95 %), +-1 (90 %), 0 otherwise, from the two-sided
// normal p-value of z (or from Benjamini-Hochberg thresholds at 0.01, 0.05, 0.10 with fdr = true).
#include <cstdint>
#include <span>
#include <vector>

#include "hotspots/local_moran.hpp"
#include "hotspots/spatial_lag.hpp"
#include "hotspots/spatial_weights.hpp"

namespace peta {

struct GetisOrdSettings {
  PermutationSettings permutation;  // conditional permutations (self stays, neighbours drawn); 0 = none
  bool fdr = false;                 // bins from FDR thresholds instead of the plain confidence levels
  bool row_standardised = false;    // esda transform "R" instead of the binary "B" (ArcGIS uses binary)
};

struct GetisOrd {
  std::vector<double> G;         // Gs
  std::vector<double> expected;  // EGs
  std::vector<double> variance;  // VGs
  std::vector<double> z;         // Zs
  std::vector<double> p_norm;    // two-sided normal p-value of z (esda's p_norm is one-sided: half of this)
  std::vector<double> p_sim;     // folded pseudo p-value from conditional permutations; 1 for islands
  std::vector<double> z_sim;
  std::vector<int> bin;          // -3..+3; 0 for islands
  double fdr_thresholds[3] = {0.01, 0.05, 0.10};  // the thresholds applied for 99, 95, 90 %
  std::vector<std::size_t> islands;
};

GetisOrd getis_ord_star(const SpatialWeights& weights, const std::vector<double>& values,
                        const GetisOrdSettings& settings = {});

// ArcGIS-style bin of a z-score given its two-sided p-value and the thresholds for 99/95/90 %.
int confidence_bin(double z, double p, const double thresholds[3], bool strict);

// Fills p_sim and z_sim of `r` from permutation outcomes.
void apply_inference(GetisOrd& r, const std::vector<PermutationOutcome>& outcomes);

}  // namespace peta
