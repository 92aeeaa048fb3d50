#include "indicators/indicator_weights.hpp"

#include "core/error.hpp"
#include "hotspots/metric_geometry.hpp"
#include "hotspots/point_weights.hpp"
#include "hotspots/weights_io.hpp"

namespace peta {

SpatialWeights unit_weights(const WeightsChoice& choice, const std::vector<AdminUnit>& units,
                            const std::vector<MultiPolygon>& metric, const ContiguitySettings& contiguity) {
  switch (choice.kind) {
    case WeightsKind::queen:
    case WeightsKind::rook: {
      ContiguitySettings s = contiguity;
      s.rule = choice.kind == WeightsKind::queen ? ContiguityRule::queen : ContiguityRule::rook;
      return contiguity_weights(metric, s);
    }
    case WeightsKind::knn: {
      if (static_cast<std::size_t>(choice.k) >= units.size())
        throw Error("bobot knn: k = " + std::to_string(choice.k) + " must be below the number of units (" +
                    std::to_string(units.size()) + ")");
      return knn_weights(centroids(metric), static_cast<std::size_t>(choice.k));
    }
    case WeightsKind::distance_band:
      return distance_band_weights(centroids(metric), {.threshold_m = choice.distance_m});
    case WeightsKind::file: {
      std::vector<std::string> ids;
      for (const auto& d : units) ids.push_back(d.code.dotted());
      const bool gwt = choice.path.size() >= 4 && (choice.path.ends_with(".gwt") || choice.path.ends_with(".GWT"));
      return gwt ? read_gwt(choice.path, ids) : read_gal(choice.path, ids);
    }
  }
  return {};
}

SpatialWeights subset_weights(const SpatialWeights& w, const std::vector<long>& keep, std::size_t kept) {
  std::vector<std::size_t> offsets(1, 0);
  std::vector<SpatialWeights::Index> neighbours;
  std::vector<double> weights;
  offsets.reserve(kept + 1);
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (keep[i] < 0) continue;
    auto row = w.neighbours(i);
    auto wt = w.weights(i);
    for (std::size_t m = 0; m < row.size(); ++m)
      if (keep[row[m]] >= 0) {
        neighbours.push_back(static_cast<SpatialWeights::Index>(keep[row[m]]));
        weights.push_back(wt[m]);
      }
    offsets.push_back(neighbours.size());
  }
  return SpatialWeights(std::move(offsets), std::move(neighbours), std::move(weights));
}

}  // namespace peta
