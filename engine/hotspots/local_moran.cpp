#include "hotspots/local_moran.hpp"

#include <cmath>
#include <numeric>
#include <string>

#include "core/error.hpp"
#include "hotspots/fdr.hpp"

namespace peta {

LocalMoran local_moran(const SpatialWeights& input, const std::vector<double>& values, const LocalSettings& settings,
                       WeightsTransform transform) {
  const std::size_t n = values.size();
  if (input.size() != n)
    throw Error("local_moran: " + std::to_string(n) + " values for weights of " + std::to_string(input.size()));
  if (n < 3) throw Error("local_moran: needs at least 3 observations");
  SpatialWeights w = transform == WeightsTransform::row_standardised ? input.row_standardised()
                     : transform == WeightsTransform::binary         ? input.binary()
                                                                     : input;

  LocalMoran r;
  const double mean = std::accumulate(values.begin(), values.end(), 0.0) / double(n);
  double ss = 0;
  for (double v : values) ss += (v - mean) * (v - mean);
  const double sd = std::sqrt(ss / double(n));
  r.z.resize(n);
  for (std::size_t i = 0; i < n; ++i) r.z[i] = sd > 0 ? (values[i] - mean) / sd : 0.0;
  double den = 0;
  for (double v : r.z) den += v * v;
  const double factor = den > 0 ? double(n - 1) / den : 0.0;

  r.lag = w.lag(r.z);
  r.Ii.resize(n);
  r.quadrant.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    r.Ii[i] = factor * r.z[i] * r.lag[i];
    const bool high = r.z[i] > 0, lag_high = r.lag[i] > 0;
    r.quadrant[i] = high ? (lag_high ? kHighHigh : kHighLow) : (lag_high ? kLowHigh : kLowLow);
  }
  r.islands = w.islands();

  const auto& off = w.offsets();
  const auto& wt = w.weight_array();
  const double* z = r.z.data();
  auto outcomes = conditional_permutation_test(
      w, r.Ii, settings.permutation, [&](std::size_t i, std::span<const std::uint32_t> draws) {
        const double* wi = wt.data() + off[i];
        double lag = 0;
        for (std::size_t m = 0; m < draws.size(); ++m) lag += wi[m] * z[draws[m]];
        return factor * z[i] * lag;
      });

  apply_inference(r, outcomes, settings, w);
  return r;
}

void apply_inference(LocalMoran& r, const std::vector<PermutationOutcome>& outcomes, const LocalSettings& settings,
                     const SpatialWeights& w) {
  const std::size_t n = r.Ii.size();
  r.p_sim.resize(n);
  r.z_sim.resize(n);
  r.p_z_sim.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    r.p_sim[i] = outcomes[i].p_sim;
    r.z_sim[i] = outcomes[i].z_sim;
    r.p_z_sim[i] = normal_sf(std::fabs(outcomes[i].z_sim));
  }
  const bool inference = settings.permutation.permutations > 0;
  r.p_threshold = settings.fdr ? fdr_threshold(r.p_sim, settings.alpha) : settings.alpha;
  r.significant.assign(n, 0);
  r.cluster.assign(n, kNotSignificant);
  for (std::size_t i = 0; i < n; ++i) {
    if (!inference || w.cardinality(i) == 0) continue;
    const bool sig = settings.fdr ? r.p_sim[i] < r.p_threshold : r.p_sim[i] <= r.p_threshold;
    r.significant[i] = sig;
    if (sig) r.cluster[i] = r.quadrant[i];
  }
}

}  // namespace peta
