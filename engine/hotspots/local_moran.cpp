#include "hotspots/local_moran.hpp"

#include <cmath>
#include <string>

#include "core/error.hpp"
#include "hotspots/fdr.hpp"

namespace peta {

void local_moran_of(LocalMoran& r, const std::vector<double>& lagged, const SpatialWeights& w,
                    const LocalSettings& settings) {
  const std::size_t n = r.z.size();
  double den = 0;
  for (double v : r.z) den += v * v;
  const double factor = den > 0 ? double(n - 1) / den : 0.0;
  r.lag = w.lag(lagged);
  r.Ii.resize(n);
  r.quadrant.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    r.Ii[i] = factor * r.z[i] * r.lag[i];
    const bool high = r.z[i] > 0, lag_high = r.lag[i] > 0;
    r.quadrant[i] = high ? (lag_high ? kHighHigh : kHighLow) : (lag_high ? kLowHigh : kLowLow);
  }
  r.islands = w.islands();
  const double* z = r.z.data();
  auto outcomes = conditional_lag_test(w, r.Ii, settings.permutation, lagged,
                                       [&](std::size_t i, double lag) { return factor * z[i] * lag; });
  apply_inference(r, outcomes, settings, w);
}

LocalMoran local_moran(const SpatialWeights& input, const std::vector<double>& values, const LocalSettings& settings,
                       WeightsTransform transform) {
  const std::size_t n = values.size();
  if (input.size() != n)
    throw Error("local_moran: " + std::to_string(n) + " values for weights of " + std::to_string(input.size()));
  if (n < 3) throw Error("local_moran: needs at least 3 observations");
  LocalMoran r;
  r.z = standardised(values, 0);
  local_moran_of(r, r.z, transformed(input, transform), settings);
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
