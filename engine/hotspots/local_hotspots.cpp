#include "hotspots/local_hotspots.hpp"

#include <array>
#include <numeric>

namespace peta {

LocalHotspots local_hotspots(const SpatialWeights& weights, const std::vector<double>& values,
                             const LocalSettings& moran_settings, const GetisOrdSettings& gi_settings) {
  LocalSettings moran_only = moran_settings;
  moran_only.permutation.permutations = 0;
  GetisOrdSettings gi_only = gi_settings;
  gi_only.permutation.permutations = 0;
  LocalHotspots out{local_moran(weights, values, moran_only), getis_ord_star(weights, values, gi_only)};

  const SpatialWeights moran_w = weights.row_standardised();
  const SpatialWeights gi_w = gi_star_weights(weights, gi_settings.row_standardised);
  const LagSlots slots(gi_w);
  const auto& off = moran_w.offsets();
  const double* mw = moran_w.weight_array().data();
  const double* gw = slots.other_weights.data();
  const std::size_t n = values.size();
  // z and y side by side: one cache line per drawn observation.
  std::vector<std::array<double, 2>> zy(n);
  for (std::size_t j = 0; j < n; ++j) zy[j] = {out.moran.z[j], values[j]};
  double den = 0;
  for (double v : out.moran.z) den += v * v;
  const double factor = den > 0 ? double(n - 1) / den : 0.0;
  const double sum = std::accumulate(values.begin(), values.end(), 0.0);

  // Same arithmetic, round by round, as local_moran's and getis_ord_star's simulations:
  //   Moran: factor * z_i * sum_m w_im z_j(m)      Gi*: (w_ii y_i + sum_m w_im y_j(m)) / sum(y)
  // (slots summed in order m = 0..k-1; the rounds of a batch side by side).
  auto outcomes = conditional_permutation_tests_batched<2>(
      moran_w, {&out.moran.Ii, &out.gi_star.G}, moran_settings.permutation,
      [&](std::size_t i, const std::uint32_t* draws, std::uint32_t k, int rounds, double* sim) {
        const double* wm = mw + off[i];
        const double* wg = gw + slots.other_offsets[i];
        double lag[kPermutationBatch], gs[kPermutationBatch];
        const double self_term = slots.self_weight[i] * zy[i][1];
        for (int b = 0; b < kPermutationBatch; ++b) lag[b] = 0, gs[b] = self_term;
        if (rounds == kPermutationBatch) {
          for (std::uint32_t m = 0; m < k; ++m)
            for (int b = 0; b < kPermutationBatch; ++b) {
              const auto& v = zy[draws[std::size_t(b) * k + m]];
              lag[b] += wm[m] * v[0];
              gs[b] += wg[m] * v[1];
            }
        } else {
          for (std::uint32_t m = 0; m < k; ++m)
            for (int b = 0; b < rounds; ++b) {
              const auto& v = zy[draws[std::size_t(b) * k + m]];
              lag[b] += wm[m] * v[0];
              gs[b] += wg[m] * v[1];
            }
        }
        const double fz = factor * zy[i][0];
        for (int b = 0; b < rounds; ++b) {
          sim[2 * b] = fz * lag[b];
          sim[2 * b + 1] = gs[b] / sum;
        }
      });
  LocalSettings applied = moran_settings;
  apply_inference(out.moran, outcomes[0], applied, moran_w);
  apply_inference(out.gi_star, outcomes[1]);
  return out;
}

}  // namespace peta
