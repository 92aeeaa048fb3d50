#pragma once
// GEOS geometries of a list of admin units, prepared, with an STRtree over their envelopes.
// A geometry GEOS finds invalid is kept as its MakeValid repair (so unions and intersections work),
// and the reason it was invalid is remembered.
// Used by the quality checks (overlaps, gaps, kecamatan consistency); nothing GEOS leaves the module.
#include <geos_c.h>

#include <cstddef>
#include <string>
#include <vector>

#include "core/admin_unit.hpp"
#include "core/geos_handle.hpp"

namespace peta {

class GeosUnitIndex {
 public:
  explicit GeosUnitIndex(const std::vector<AdminUnit>& units);
  ~GeosUnitIndex();
  GeosUnitIndex(const GeosUnitIndex&) = delete;
  GeosUnitIndex& operator=(const GeosUnitIndex&) = delete;

  std::size_t size() const { return geoms_.size(); }
  const GEOSGeometry* geometry(std::size_t i) const { return geoms_[i].get(); }
  const GEOSPreparedGeometry* prepared(std::size_t i) const { return prepared_[i].get(); }
  // GEOS isValidReason of the unit's geometry as given; empty when it was valid.
  const std::string& invalid_reason(std::size_t i) const { return invalid_reasons_[i]; }
  // Indices (ascending) of the units whose envelope intersects the envelope of `g`.
  std::vector<std::size_t> candidates(const GEOSGeometry* g) const;

 private:
  std::vector<GeosGeom> geoms_;
  std::vector<GeosPrepared> prepared_;
  std::vector<std::string> invalid_reasons_;
  GEOSSTRtree* tree_ = nullptr;
};

// Area in m² (EPSG:32749) of the polygonal parts of a lon/lat GEOS geometry.
double metric_area_m2(const GEOSGeometry* lonlat);

// A point guaranteed to lie on the geometry (GEOS PointOnSurface); the first vertex if that fails.
Coord representative_point(const GEOSGeometry* g);

}  // namespace peta
