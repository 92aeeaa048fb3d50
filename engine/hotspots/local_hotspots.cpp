#include "hotspots/local_hotspots.hpp"

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
  SpatialWeights gi_w = weights.binary().with_self(1.0);
  if (gi_settings.row_standardised) gi_w = gi_w.row_standardised();
  const GiStarSlots slots(gi_w);
  const auto& off = moran_w.offsets();
  const double* mw = moran_w.weight_array().data();
  const double* z = out.moran.z.data();
  const double* y = values.data();
  double den = 0;
  for (double v : out.moran.z) den += v * v;
  const double factor = den > 0 ? double(values.size() - 1) / den : 0.0;
  const double sum = std::accumulate(values.begin(), values.end(), 0.0);

  auto outcomes = conditional_permutation_tests<2>(
      moran_w, {&out.moran.Ii, &out.gi_star.G}, moran_settings.permutation,
      [&](std::size_t i, std::span<const std::uint32_t> draws, double* sim) {
        const double* wi = mw + off[i];
        double lag = 0;
        for (std::size_t m = 0; m < draws.size(); ++m) lag += wi[m] * z[draws[m]];
        sim[0] = factor * z[i] * lag;
        sim[1] = slots.simulate(i, draws, y) / sum;
      });
  LocalSettings applied = moran_settings;
  apply_inference(out.moran, outcomes[0], applied, moran_w);
  apply_inference(out.gi_star, outcomes[1]);
  return out;
}

}  // namespace peta
