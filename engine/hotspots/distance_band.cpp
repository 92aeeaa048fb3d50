#include "hotspots/point_weights.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "core/error.hpp"
#include "hotspots/point_index.hpp"

namespace peta {

SpatialWeights distance_band_weights(const std::vector<Coord>& points, const DistanceBandSettings& settings) {
  if (!(settings.threshold_m > 0)) throw Error("distance_band_weights: threshold_m must be > 0");
  const std::size_t n = points.size();
  PointIndex index(points);
  std::vector<std::size_t> offsets(1, 0);
  std::vector<SpatialWeights::Index> neighbours;
  std::vector<double> weights;
  std::vector<std::pair<SpatialWeights::Index, double>> row;
  for (std::size_t i = 0; i < n; ++i) {
    row.clear();
    if (std::isfinite(points[i].x) && std::isfinite(points[i].y))
      index.within(points[i], settings.threshold_m, [&](std::size_t j, double d) {
        if (j != i) row.emplace_back(SpatialWeights::Index(j), d);
      });
    std::sort(row.begin(), row.end());
    for (auto [j, d] : row) {
      neighbours.push_back(j);
      weights.push_back(settings.binary ? 1.0 : std::pow(d, settings.alpha));
    }
    offsets.push_back(neighbours.size());
  }
  return SpatialWeights(std::move(offsets), std::move(neighbours), std::move(weights));
}

double min_threshold_distance(const std::vector<Coord>& points) {
  PointIndex index(points);
  double threshold = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    double nearest = std::numeric_limits<double>::infinity();
    index.nearest(points[i], 2, [&](std::size_t j, double d) {
      if (j != i) nearest = std::min(nearest, d);
    });
    if (std::isfinite(nearest)) threshold = std::max(threshold, nearest);
  }
  return threshold;
}

}  // namespace peta
