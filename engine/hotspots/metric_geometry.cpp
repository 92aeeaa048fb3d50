#include "hotspots/metric_geometry.hpp"

#include <cmath>
#include <limits>

#include "core/crs.hpp"
#include "core/geos_handle.hpp"
#include "hotspots/permutation.hpp"

namespace peta {

std::vector<MultiPolygon> project_to_metric(const std::vector<MultiPolygon>& lonlat, unsigned threads) {
  std::vector<MultiPolygon> out(lonlat.size());
  parallel_chunks(lonlat.size(), threads, 256, [&](std::size_t begin, std::size_t end) {
    CrsTransform transform(kExchangeCrs, kMetricCrs);
    for (std::size_t i = begin; i < end; ++i) {
      out[i] = lonlat[i];
      transform.apply(out[i]);
    }
  });
  return out;
}

std::vector<Coord> centroids(const std::vector<MultiPolygon>& polygons) {
  auto h = geos_context().get();
  std::vector<Coord> out(polygons.size(), Coord{std::numeric_limits<double>::quiet_NaN(),
                                                std::numeric_limits<double>::quiet_NaN()});
  for (std::size_t i = 0; i < polygons.size(); ++i) {
    if (polygons[i].empty()) continue;
    GeosGeom g = to_geos(polygons[i]);
    GeosGeom c(GEOSGetCentroid_r(h, g.get()));
    if (!c || GEOSisEmpty_r(h, c.get())) continue;
    GEOSGeomGetX_r(h, c.get(), &out[i].x);
    GEOSGeomGetY_r(h, c.get(), &out[i].y);
  }
  return out;
}

}  // namespace peta
