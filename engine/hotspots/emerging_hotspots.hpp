#pragma once
// Emerging hot spot analysis on a space-time cube of n locations (desa) x T time steps (periods), as
// ArcGIS Pro's "How Emerging Hot Spot Analysis works" and the sfdep R package define it:
//
//  1. Space-time Gi* for every bin (i, t): binary weights over the space-time neighbourhood of i at t =
//     i and its spatial neighbours (queen contiguity) at steps t, t-1, ..., t-k (steps before the first
//     one do not exist, so early bins have smaller neighbourhoods). With S = sum of the neighbourhood's
//     values and W its bin count,
//         z = (S - xbar W) / (s sqrt((N W - W^2) / (N - 1)))
//     where xbar and s (population standard deviation) are taken over the whole cube, N = n T (ArcGIS's
//     default, `whole_cube`), or over slice t alone, N = n (sfdep's per-time-slice variant). A bin is
//     significant when the two-sided normal p-value of z is <= `alpha`.
//  2. Mann-Kendall trend test of each location's z series: S = sum_{a<b} sign(z_b - z_a), variance with the
//     ties correction n(n-1)(2n+5)/18 - sum t(t-1)(2t+5)/18, z_mk = (S - sign S) / sqrt(var) (continuity
//     correction), two-sided normal p-value, tau = S / (n(n-1)/2). As Kendall::MannKendall, which sfdep uses.
//  3. One of 17 classes per location (first rule that holds, in sfdep's order); "hot bin" = significant
//     with z > 0, H = number of hot bins, "cold" mirrored, T steps, final = step T-1:
//       new hot          the final bin is hot and it is the only significant bin of the series
//       consecutive hot  a final run of >= 2 hot bins, no significant bin before the run, H/T < 0.9
//       intensifying hot H/T >= 0.9, the final bin hot, Mann-Kendall trend up (tau > 0, p <= alpha)
//       persistent hot   H/T >= 0.9, no significant trend (p > alpha)
//       diminishing hot  H/T >= 0.9, the final bin hot, trend down (tau < 0, p <= alpha)
//       oscillating hot  the final bin hot, at least one earlier cold bin, H/T < 0.9
//       historical hot   the final bin not hot, H/T >= 0.9
//       sporadic hot     at least one hot bin, no cold bin, H/T < 0.9
//     (cold spots mirrored; new, consecutive, intensifying, persistent, diminishing, oscillating and
//     historical are tried hot then cold before sporadic hot, sporadic cold, then "no pattern").
//     Where sfdep's code departs from ArcGIS's text (its consecutive run counts any significant bin, its
//     intensifying test counts significant bins of either sign), the ArcGIS text is followed.
#include <cstdint>
#include <string>
#include <vector>

#include "aggregate/space_time_cube.hpp"
#include "hotspots/spatial_weights.hpp"

namespace peta {

enum class EmergingClass : std::uint8_t {
  no_pattern = 0,
  new_hot, consecutive_hot, intensifying_hot, persistent_hot, diminishing_hot, sporadic_hot, oscillating_hot,
  historical_hot,
  new_cold, consecutive_cold, intensifying_cold, persistent_cold, diminishing_cold, sporadic_cold,
  oscillating_cold, historical_cold,
};
inline constexpr int kEmergingClassCount = 17;

// Short English code ("new_hot"), the value written to the `tren_<kat>` field ("panas_baru"), Indonesian
// legend label ("Titik panas baru"), English label.
const char* emerging_class_code(EmergingClass c);
const char* emerging_class_value(EmergingClass c);
const char* emerging_class_label_id(EmergingClass c);
const char* emerging_class_label_en(EmergingClass c);
// The class's colour in the QGIS style and the web map, as RGB: reds for the hot trends (darkest for
// intensifying and persistent), blues mirrored for cold, light grey for no pattern.
struct EmergingColour {
  int r, g, b;
};
EmergingColour emerging_class_colour(EmergingClass c);

enum class GiStandardisation { whole_cube, per_time_slice };

struct EmergingSettings {
  int time_lags = 1;   // k: previous steps in the neighbourhood
  double alpha = 0.05; // significance of a bin and of the trend
  GiStandardisation standardisation = GiStandardisation::whole_cube;
};

// The cube (aggregate/space_time_cube.hpp): values[t * n + i], location i at step t. `weights`: spatial neighbours
// (any weights: only the structure is used; self links are ignored and i is always in its own neighbourhood).

struct EmergingResult {
  std::vector<double> z;  // space-time Gi* z, same layout as the cube (t * n + i); NaN when undefined
  std::vector<double> p;  // two-sided normal p-value of z
  std::vector<double> mk_tau, mk_s, mk_z, mk_p;  // per location
  std::vector<EmergingClass> classes;            // per location
  std::vector<int> hot_bins, cold_bins;          // per location: significant bins by sign
};

EmergingResult emerging_hotspots(const SpaceTimeCube& cube, const SpatialWeights& weights,
                                 const EmergingSettings& settings = {});

struct MannKendall {
  double s = 0, variance = 0, z = 0, p = 1, tau = 0;
};
MannKendall mann_kendall(const std::vector<double>& series);

// The rules of step 3 on one location's z and p series.
EmergingClass classify_emerging(const std::vector<double>& z, const std::vector<double>& p, const MannKendall& mk,
                                double alpha);

}  // namespace peta
