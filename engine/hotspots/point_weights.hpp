#pragma once
// Weights between points (unit centroids in metres, see centroids() and project_to_metric()).
//  - k nearest neighbours as libpysal.weights.KNN: each unit's k closest other units, binary, not
//    necessarily symmetric. Equal distances are broken by the lower index.
//  - distance band as libpysal.weights.DistanceBand: all other units at a distance <= threshold_m; binary,
//    or d^alpha (alpha < 0, inverse distance) when binary is false.
#include <vector>

#include "core/geometry.hpp"
#include "hotspots/spatial_weights.hpp"

namespace peta {

SpatialWeights knn_weights(const std::vector<Coord>& points, std::size_t k);

struct DistanceBandSettings {
  double threshold_m = 0;
  bool binary = true;
  double alpha = -1.0;  // exponent of the distance when binary is false
};

SpatialWeights distance_band_weights(const std::vector<Coord>& points, const DistanceBandSettings& settings);

// The smallest threshold giving every unit at least one neighbour (libpysal min_threshold_distance).
double min_threshold_distance(const std::vector<Coord>& points);

}  // namespace peta
