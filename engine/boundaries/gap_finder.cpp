// Sliver gaps: the interior rings of the union of all desa, each measured in UTM 49S, with the desa around it.
#include <algorithm>
#include <tuple>

#include "boundaries/quality_checks.hpp"

namespace peta {
namespace {
constexpr double kFallbackGridDegrees = 1e-9;  // ≈0.1 mm: only used when the exact union fails
// The union nodes and snaps vertices, so a gap's ring can miss a neighbour's edge by a hair: a desa
// within ≈1 cm of the gap counts as bordering it.
constexpr double kNeighbourDegrees = 1e-7;

GeosGeom union_of(const GeosUnitIndex& index) {
  auto h = geos_context().get();
  std::vector<GEOSGeometry*> parts;
  parts.reserve(index.size());
  for (std::size_t i = 0; i < index.size(); ++i) parts.push_back(GEOSGeom_clone_r(h, index.geometry(i)));
  GeosGeom all(GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, parts.data(), static_cast<unsigned>(parts.size())));
  GeosGeom merged(GEOSUnaryUnion_r(h, all.get()));
  if (!merged) merged.reset(GEOSUnaryUnionPrec_r(h, all.get(), kFallbackGridDegrees));
  return merged;
}

void polygons_of(const GEOSGeometry* g, std::vector<const GEOSGeometry*>& out) {
  auto h = geos_context().get();
  int type = GEOSGeomTypeId_r(h, g);
  if (type == GEOS_POLYGON) {
    out.push_back(g);
  } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
    int n = GEOSGetNumGeometries_r(h, g);
    for (int i = 0; i < n; ++i) polygons_of(GEOSGetGeometryN_r(h, g, i), out);
  }
}
}  // namespace

GapResult find_gaps(const std::vector<AdminUnit>& desa, const GeosUnitIndex& index, double min_gap_m2) {
  auto h = geos_context().get();
  GapResult result;
  if (index.size() == 0) return result;
  GeosGeom merged = union_of(index);
  if (!merged) {
    result.error = "GEOS could not union the desa (gabungan desa gagal)";
    return result;
  }
  std::vector<const GEOSGeometry*> polygons;
  polygons_of(merged.get(), polygons);
  for (const GEOSGeometry* polygon : polygons) {
    int holes = GEOSGetNumInteriorRings_r(h, polygon);
    for (int r = 0; r < holes; ++r) {
      GEOSGeometry* ring = GEOSGeom_clone_r(h, GEOSGetInteriorRingN_r(h, polygon, r));
      GeosGeom hole(GEOSGeom_createPolygon_r(h, ring, nullptr, 0));
      double area = hole ? metric_area_m2(hole.get()) : 0;
      if (area <= min_gap_m2) {
        ++result.degenerate;
        continue;
      }
      GapPiece gap;
      gap.area_m2 = area;
      gap.point = representative_point(hole.get());
      for (std::size_t j : index.candidates(hole.get()))
        if (GEOSPreparedDistanceWithin_r(h, index.prepared(j), hole.get(), kNeighbourDegrees))
          gap.neighbours.push_back({desa[j].code.dotted(), desa[j].name});
      result.gaps.push_back(std::move(gap));
    }
  }
  std::sort(result.gaps.begin(), result.gaps.end(), [](const GapPiece& x, const GapPiece& y) {
    if (x.area_m2 != y.area_m2) return x.area_m2 > y.area_m2;
    return std::tie(x.point.x, x.point.y) < std::tie(y.point.x, y.point.y);
  });
  return result;
}

}  // namespace peta
