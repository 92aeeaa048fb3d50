#pragma once
// Getis-Ord Gi* (star: each observation is its own neighbour) as esda.G_Local(star=True), with either of esda's
// transforms:
//   "B" (binary; ArcGIS's Hot Spot Analysis): the weights binarised, a self weight of 1 (an island keeps its
//       own value as its only "neighbour");
//   "R" (row-standardised; esda's default): the weights as given with a self weight equal to the row's largest
//       weight (1 for contiguity), each row then divided by its sum; an island has no weight at all, so its
//       Gs, EGs and VGs are 0 and its z undefined (NaN, as esda).
// Gs_i = sum_j w_ij y_j / sum_j y_j, EGs_i = W_i / n (W_i the row sum), VGs_i = W_i (n - W_i) / ((n - 1) n^2)
// * s^2 / ybar^2 with s^2 = mean(y^2) - ybar^2, z = (Gs - E) / sqrt(V). With "B" this is algebraically the
// z-score of Getis & Ord (1995) and ArcGIS's.
// Hot/cold bins as ArcGIS Gi_Bin: +-3 (99 %), +-2 (95 %), +-1 (90 %), 0 otherwise (and for islands), from the
// two-sided normal p-value of z (or from Benjamini-Hochberg thresholds at 0.01, 0.05, 0.10 with fdr = true).
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
  bool row_standardised = false;    // esda's transform "R" instead of the binary "B" (ArcGIS uses binary)
};

struct GetisOrd {
  std::vector<double> G;         // Gs
  std::vector<double> expected;  // EGs
  std::vector<double> variance;  // VGs
  std::vector<double> z;         // Zs
  std::vector<double> p_norm;    // two-sided normal p-value of z (esda's p_norm is one-sided: half of this); 1 for
                                 // an island under "R"
  std::vector<double> p_sim;     // folded pseudo p-value from conditional permutations; 1 for islands
  std::vector<double> z_sim;
  std::vector<int> bin;          // -3..+3; 0 for islands
  double fdr_thresholds[3] = {0.01, 0.05, 0.10};  // the thresholds applied for 99, 95, 90 %
  std::vector<std::size_t> islands;
};

GetisOrd getis_ord_star(const SpatialWeights& weights, const std::vector<double>& values,
                        const GetisOrdSettings& settings = {});

// The weights Gi* uses, as esda.G_Local(star=True, transform="R" or "B") builds them from `weights`.
SpatialWeights gi_star_weights(const SpatialWeights& weights, bool row_standardised);

// ArcGIS-style bin of a z-score given its two-sided p-value and the thresholds for 99/95/90 %.
int confidence_bin(double z, double p, const double thresholds[3], bool strict);

// Fills p_sim and z_sim of `r` from permutation outcomes.
void apply_inference(GetisOrd& r, const std::vector<PermutationOutcome>& outcomes);

}  // namespace peta
