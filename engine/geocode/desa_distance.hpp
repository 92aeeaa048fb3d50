#pragma once
// Distance in metres (EPSG:32749) from a point to one given desa; each desa's geometry is projected once,
// when first asked. Not thread-safe: one per thread.
#include <map>

#include "core/admin_unit.hpp"
#include "core/crs.hpp"
#include "core/geos_handle.hpp"

namespace peta {

class DesaDistance {
 public:
  explicit DesaDistance(const Boundaries& b) : b_(b) {}
  double operator()(Coord lonlat, int desa);

 private:
  const Boundaries& b_;
  CrsTransform to_metres_{kExchangeCrs, kMetricCrs};
  std::map<int, GeosGeom> desa_;
};

}  // namespace peta
