#pragma once
// Geometry preparation for the weights builders: projection of lon/lat units to metres (EPSG:32749,
// UTM 49S, where Probolinggo and all of Jawa Timur lie) and unit centroids.
#include <vector>

#include "core/geometry.hpp"

namespace peta {

// Each multipolygon from EPSG:4326 to EPSG:32749 (threads: one PROJ transform each; 0 = all cores).
std::vector<MultiPolygon> project_to_metric(const std::vector<MultiPolygon>& lonlat, unsigned threads = 0);

// Area-weighted centroid of each multipolygon (GEOS), in the polygons' own coordinates.
// An empty multipolygon gives NaN coordinates.
std::vector<Coord> centroids(const std::vector<MultiPolygon>& polygons);

}  // namespace peta
