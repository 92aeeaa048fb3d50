#include "hotspots/point_weights.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include "core/error.hpp"
#include "hotspots/point_index.hpp"

namespace peta {

SpatialWeights knn_weights(const std::vector<Coord>& points, std::size_t k) {
  const std::size_t n = points.size();
  if (k == 0 || k >= n)
    throw Error("knn_weights: k = " + std::to_string(k) + " must be between 1 and n - 1 = " + std::to_string(n - 1));
  PointIndex index(points);
  std::vector<std::size_t> offsets(1, 0);
  std::vector<SpatialWeights::Index> neighbours;
  neighbours.reserve(n * k);
  std::vector<std::pair<double, SpatialWeights::Index>> found;
  for (std::size_t i = 0; i < n; ++i) {
    // Ask for one more than needed (self is among the answers) and widen while the farthest answer ties
    // with the k-th: all tied candidates are then seen and the lower indices win.
    std::size_t want = std::min(n, k + 2);
    for (;;) {
      found.clear();
      index.nearest(points[i], want, [&](std::size_t j, double d) {
        if (j != i) found.emplace_back(d, SpatialWeights::Index(j));
      });
      std::sort(found.begin(), found.end());
      const bool tie_may_continue = found.size() > k && found.back().first == found[k - 1].first && want < n;
      if (!tie_may_continue) break;
      want = std::min(n, want * 2);
    }
    std::vector<SpatialWeights::Index> row;
    for (std::size_t m = 0; m < std::min(k, found.size()); ++m) row.push_back(found[m].second);
    std::sort(row.begin(), row.end());
    neighbours.insert(neighbours.end(), row.begin(), row.end());
    offsets.push_back(neighbours.size());
  }
  std::vector<double> weights(neighbours.size(), 1.0);
  return SpatialWeights(std::move(offsets), std::move(neighbours), std::move(weights));
}

}  // namespace peta
