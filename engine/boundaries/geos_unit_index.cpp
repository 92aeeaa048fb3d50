#include "boundaries/geos_unit_index.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "core/crs.hpp"

namespace peta {
namespace {
void collect_item(void* item, void* userdata) {
  static_cast<std::vector<std::size_t>*>(userdata)->push_back(reinterpret_cast<std::uintptr_t>(item));
}
}  // namespace

GeosUnitIndex::GeosUnitIndex(const std::vector<AdminUnit>& units) {
  auto h = geos_context().get();
  tree_ = GEOSSTRtree_create_r(h, 10);
  geoms_.reserve(units.size());
  prepared_.reserve(units.size());
  for (std::size_t i = 0; i < units.size(); ++i) {
    geoms_.push_back(to_geos(units[i].geometry));
    invalid_reasons_.emplace_back();
    if (GEOSisValid_r(h, geoms_.back().get()) != 1) {
      char* reason = GEOSisValidReason_r(h, geoms_.back().get());
      invalid_reasons_.back() = reason ? reason : "unknown";
      if (reason) GEOSFree_r(h, reason);
      GeosGeom repaired(GEOSMakeValid_r(h, geoms_.back().get()));
      if (repaired) geoms_.back() = std::move(repaired);
    }
    prepared_.push_back(prepare(geoms_.back().get()));
    // The tree keeps a pointer to the geometry's envelope: geoms_ outlives the tree.
    if (!GEOSisEmpty_r(h, geoms_.back().get()))
      GEOSSTRtree_insert_r(h, tree_, geoms_.back().get(), reinterpret_cast<void*>(static_cast<std::uintptr_t>(i)));
  }
}

GeosUnitIndex::~GeosUnitIndex() {
  if (tree_) GEOSSTRtree_destroy_r(geos_context().get(), tree_);
}

std::vector<std::size_t> GeosUnitIndex::candidates(const GEOSGeometry* g) const {
  std::vector<std::size_t> out;
  if (geoms_.empty()) return out;
  GEOSSTRtree_query_r(geos_context().get(), tree_, g, collect_item, &out);
  std::sort(out.begin(), out.end());
  return out;
}

namespace {
// Shoelace on coordinates shifted to the ring's first vertex: with raw UTM coordinates (≈10⁷ m) the
// products lose about 10⁻³ m², which decides whether a sliver of 10⁻⁶ m² has any area at all.
double shifted_ring_area(const Ring& ring) {
  if (ring.size() < 4) return 0;
  const Coord o = ring.front();
  double twice = 0;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i)
    twice += (ring[i].x - o.x) * (ring[i + 1].y - o.y) - (ring[i + 1].x - o.x) * (ring[i].y - o.y);
  return std::abs(twice) / 2;
}
}  // namespace

double metric_area_m2(const GEOSGeometry* lonlat) {
  if (!lonlat) return 0;
  thread_local CrsTransform to_metric(kExchangeCrs, kMetricCrs);
  MultiPolygon mp = multipolygon_from_geos(lonlat);
  to_metric.apply(mp);
  double area = 0;
  for (const auto& part : mp.parts)
    for (std::size_t r = 0; r < part.rings.size(); ++r) area += (r == 0 ? 1 : -1) * shifted_ring_area(part.rings[r]);
  return area;
}

Coord representative_point(const GEOSGeometry* g) {
  auto h = geos_context().get();
  Coord c;
  GeosGeom p(GEOSPointOnSurface_r(h, g));
  if (p && !GEOSisEmpty_r(h, p.get()) && GEOSGeomGetX_r(h, p.get(), &c.x) && GEOSGeomGetY_r(h, p.get(), &c.y)) return c;
  GeosGeom first(GEOSGeomGetStartPoint_r(h, g));
  if (!first) {
    // Polygons have no start point: use the exterior ring's.
    const GEOSGeometry* poly = GEOSGeomTypeId_r(h, g) == GEOS_POLYGON ? g : GEOSGetGeometryN_r(h, g, 0);
    if (poly && GEOSGeomTypeId_r(h, poly) == GEOS_POLYGON)
      first.reset(GEOSGeomGetStartPoint_r(h, GEOSGetExteriorRing_r(h, poly)));
  }
  if (first) {
    GEOSGeomGetX_r(h, first.get(), &c.x);
    GEOSGeomGetY_r(h, first.get(), &c.y);
  }
  return c;
}

}  // namespace peta
