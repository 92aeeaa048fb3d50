// Ellipsoidal area through PROJ's geodesic routines (Karney), for comparison with official areas.
#include <geodesic.h>

#include <cmath>

#include "boundaries/quality_checks.hpp"

namespace peta {

double geodesic_area_km2(const MultiPolygon& lonlat) {
  geod_geodesic wgs84;
  geod_init(&wgs84, 6378137, 1 / 298.257223563);
  double total = 0;
  for (const auto& part : lonlat.parts) {
    for (std::size_t r = 0; r < part.rings.size(); ++r) {
      const Ring& ring = part.rings[r];
      if (ring.size() < 4) continue;
      std::vector<double> lats, lons;
      lats.reserve(ring.size());
      lons.reserve(ring.size());
      for (std::size_t i = 0; i + 1 < ring.size(); ++i) {  // the closing vertex is implied
        lats.push_back(ring[i].y);
        lons.push_back(ring[i].x);
      }
      double area = 0;
      geod_polygonarea(&wgs84, lats.data(), lons.data(), static_cast<int>(lats.size()), &area, nullptr);
      total += (r == 0 ? 1 : -1) * std::abs(area);
    }
  }
  return total / 1e6;
}

}  // namespace peta
