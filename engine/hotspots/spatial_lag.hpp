#pragma once
// What the Moran-type statistics (moran, local_moran, geary, bivariate_moran, getis_ord) share: the weights
// transform, the standardisation of the values, the spatial lag over a unit's neighbour slots, and the two
// seeded permutation schemes (permutation.hpp):
//   - full permutations (global statistics): the whole value vector is shuffled, once per permutation, by
//     that permutation's own stream, and the statistic recomputed;
//   - conditional permutations (local statistics): unit i keeps its value (and its self weight) and its
//     neighbour slots take random other units; the simulated statistic is finish(i, lag) with
//     lag = w_ii v_i + sum_m w_im v_draw(m), summed in slot order.
// The arithmetic is the one each statistic had on its own, so p-values are bit-identical for a seed.
#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

#include "hotspots/fdr.hpp"
#include "hotspots/permutation.hpp"
#include "hotspots/random_stream.hpp"
#include "hotspots/spatial_weights.hpp"

namespace peta {

enum class WeightsTransform { row_standardised, binary, as_given };

SpatialWeights transformed(const SpatialWeights& w, WeightsTransform t);

// (v - mean) / sd with sd = sqrt(sum (v - mean)^2 / (n - ddof)); all zeros for a constant vector.
std::vector<double> standardised(const std::vector<double>& v, double ddof);

// Deviations from the mean and their second and fourth power sums.
struct CentredValues {
  std::vector<double> d;
  double m2 = 0, m4 = 0;
};
CentredValues centred(const std::vector<double>& v);

// The permutation inference of a global statistic, as esda reports it.
struct GlobalPermutationResult {
  int permutations = 0;
  double p_sim = 1;  // folded pseudo p-value
  double mean_sim = 0, sd_sim = 0;
  double z_sim = 0, p_z_sim = 0;  // p_z_sim one-tailed, as esda
};

// statistic(shuffled) for settings.permutations seeded shuffles of `values` (a no-op result for 0).
template <class Statistic>
GlobalPermutationResult global_permutation_test(const std::vector<double>& values, double observed,
                                                const PermutationSettings& settings, Statistic&& statistic) {
  GlobalPermutationResult r;
  const int perms = settings.permutations;
  r.permutations = std::max(perms, 0);
  if (perms <= 0) return r;
  const std::size_t n = values.size();
  std::vector<double> sims(std::size_t(perms), 0.0);
  parallel_chunks(std::size_t(perms), settings.threads, 8, [&](std::size_t begin, std::size_t end) {
    std::vector<double> shuffled(n);
    for (std::size_t p = begin; p < end; ++p) {
      shuffled = values;
      RandomStream rng(stream_seed(settings.seed, p));
      for (std::size_t i = n - 1; i > 0; --i) std::swap(shuffled[i], shuffled[rng.below(std::uint32_t(i + 1))]);
      sims[p] = statistic(shuffled);
    }
  });
  std::size_t larger = 0;
  double sum = 0, sum_sq = 0;
  for (double s : sims) {
    larger += s >= observed;
    sum += s;
    sum_sq += s * s;
  }
  const PermutationOutcome o = summarise_permutations(observed, larger, sum, sum_sq, perms);
  r.p_sim = o.p_sim;
  r.mean_sim = o.mean;
  r.sd_sim = o.sd;
  r.z_sim = o.z_sim;
  r.p_z_sim = normal_sf(std::fabs(o.z_sim));
  return r;
}

// Weights split for conditional permutations: row i's self weight (0 without one) and its other weights in
// slot order.
struct LagSlots {
  explicit LagSlots(const SpatialWeights& w);
  std::vector<double> self_weight;
  std::vector<double> other_weights;
  std::vector<std::size_t> other_offsets;
  // w_ii v_i + sum_m w_im v_draws[m].
  double lag(std::size_t i, std::span<const std::uint32_t> draws, const double* v) const {
    const double* wi = other_weights.data() + other_offsets[i];
    double s = self_weight[i] * v[i];
    for (std::size_t m = 0; m < draws.size(); ++m) s += wi[m] * v[draws[m]];
    return s;
  }
};

// Conditional permutation test of a local statistic finish(i, lag) over the slots of `w` (self excluded).
template <class Finish>
std::vector<PermutationOutcome> conditional_lag_test(const SpatialWeights& w, const std::vector<double>& observed,
                                                     const PermutationSettings& settings,
                                                     const std::vector<double>& lagged, Finish&& finish) {
  const LagSlots slots(w);
  const double* v = lagged.data();
  return conditional_permutation_test(w, observed, settings, [&](std::size_t i, std::span<const std::uint32_t> draws) {
    return finish(i, slots.lag(i, draws, v));
  });
}

}  // namespace peta
