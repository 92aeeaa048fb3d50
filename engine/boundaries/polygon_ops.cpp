#include "boundaries/polygon_ops.hpp"

#include "core/crs.hpp"
#include "core/geos_handle.hpp"

namespace peta {

std::optional<std::string> invalid_reason(const MultiPolygon& mp) {
  auto h = geos_context().get();
  GeosGeom g = to_geos(mp);
  if (GEOSisValid_r(h, g.get()) == 1) return std::nullopt;
  char* reason = GEOSisValidReason_r(h, g.get());
  std::string out = reason ? reason : "invalid";
  GEOSFree_r(h, reason);
  return out;
}

MultiPolygon make_valid(const MultiPolygon& mp) {
  auto h = geos_context().get();
  GeosGeom g = to_geos(mp);
  GeosGeom valid(GEOSMakeValid_r(h, g.get()));
  return multipolygon_from_geos(valid.get());
}

MultiPolygon dissolve(const std::vector<const MultiPolygon*>& pieces, double drop_holes_below_km2) {
  auto h = geos_context().get();
  std::vector<GEOSGeometry*> parts;
  for (const auto* mp : pieces) parts.push_back(to_geos(*mp).release());
  GeosGeom collection(GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, parts.data(),
                                                  static_cast<unsigned>(parts.size())));
  GeosGeom merged(GEOSUnaryUnion_r(h, collection.get()));
  MultiPolygon out = multipolygon_from_geos(merged.get());
  if (drop_holes_below_km2 <= 0) return out;
  for (auto& p : out.parts) {
    std::vector<Ring> kept{p.rings.front()};
    for (std::size_t r = 1; r < p.rings.size(); ++r) {
      MultiPolygon hole{{Polygon{{p.rings[r]}}}};
      if (area_km2(hole) >= drop_holes_below_km2) kept.push_back(p.rings[r]);
    }
    p.rings = std::move(kept);
  }
  return out;
}

}  // namespace peta
