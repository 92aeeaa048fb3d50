#include "geocode/desa_distance.hpp"

namespace peta {

double DesaDistance::operator()(Coord lonlat, int desa) {
  auto it = desa_.find(desa);
  if (it == desa_.end()) {
    MultiPolygon m = b_.desa[static_cast<std::size_t>(desa)].geometry;
    to_metres_.apply(m);
    it = desa_.emplace(desa, to_geos(m)).first;
  }
  GeosGeom p = to_geos(to_metres_.apply(lonlat));
  double d = 0;
  GEOSDistance_r(geos_context().get(), it->second.get(), p.get(), &d);
  return d;
}

}  // namespace peta
