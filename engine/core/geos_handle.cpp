#include "core/geos_handle.hpp"

#include <cstdarg>
#include <cstdio>

#include "core/error.hpp"

namespace peta {
namespace {
void geos_message(const char*, void*) {}  // GEOS notices are returned as values; keep stderr clean

GEOSCoordSequence* sequence(const std::vector<Coord>& pts) {
  auto h = geos_context().get();
  return GEOSCoordSeq_copyFromBuffer_r(h, &pts[0].x, pts.size(), 0, 0);
}

GEOSGeometry* polygon_raw(const Polygon& p) {
  auto h = geos_context().get();
  if (p.rings.empty()) return GEOSGeom_createEmptyPolygon_r(h);
  GEOSGeometry* shell = GEOSGeom_createLinearRing_r(h, sequence(p.rings[0]));
  std::vector<GEOSGeometry*> holes;
  for (std::size_t i = 1; i < p.rings.size(); ++i) holes.push_back(GEOSGeom_createLinearRing_r(h, sequence(p.rings[i])));
  return GEOSGeom_createPolygon_r(h, shell, holes.data(), static_cast<unsigned>(holes.size()));
}

Ring ring_from(const GEOSGeometry* ring) {
  auto h = geos_context().get();
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
  unsigned n = 0;
  GEOSCoordSeq_getSize_r(h, seq, &n);
  Ring out(n);
  if (n) GEOSCoordSeq_copyToBuffer_r(h, seq, &out[0].x, 0, 0);
  return out;
}

void collect_polygons(const GEOSGeometry* g, MultiPolygon& out) {
  auto h = geos_context().get();
  int type = GEOSGeomTypeId_r(h, g);
  if (type == GEOS_POLYGON) {
    if (GEOSisEmpty_r(h, g)) return;
    Polygon p;
    p.rings.push_back(ring_from(GEOSGetExteriorRing_r(h, g)));
    int holes = GEOSGetNumInteriorRings_r(h, g);
    for (int i = 0; i < holes; ++i) p.rings.push_back(ring_from(GEOSGetInteriorRingN_r(h, g, i)));
    out.parts.push_back(std::move(p));
  } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
    int n = GEOSGetNumGeometries_r(h, g);
    for (int i = 0; i < n; ++i) collect_polygons(GEOSGetGeometryN_r(h, g, i), out);
  }
}
}  // namespace

GeosContext::GeosContext() : handle_(GEOS_init_r()) {
  GEOSContext_setNoticeHandler_r(handle_, nullptr);
  GEOSContext_setErrorHandler_r(handle_, nullptr);
  (void)geos_message;
}
GeosContext::~GeosContext() { GEOS_finish_r(handle_); }

GeosContext& geos_context() {
  thread_local GeosContext ctx;
  return ctx;
}

GeosGeom to_geos(const Polygon& p) { return GeosGeom(polygon_raw(p)); }

GeosGeom to_geos(const MultiPolygon& mp) {
  std::vector<GEOSGeometry*> parts;
  for (const auto& p : mp.parts) parts.push_back(polygon_raw(p));
  return GeosGeom(GEOSGeom_createCollection_r(geos_context().get(), GEOS_MULTIPOLYGON, parts.data(),
                                              static_cast<unsigned>(parts.size())));
}

GeosGeom to_geos(const LineString& line) {
  return GeosGeom(GEOSGeom_createLineString_r(geos_context().get(), sequence(line)));
}

GeosGeom to_geos(const Coord& c) { return GeosGeom(GEOSGeom_createPointFromXY_r(geos_context().get(), c.x, c.y)); }

GeosGeom to_geos(const Box& b) {
  return GeosGeom(GEOSGeom_createRectangle_r(geos_context().get(), b.min_x, b.min_y, b.max_x, b.max_y));
}

MultiPolygon multipolygon_from_geos(const GEOSGeometry* g) {
  MultiPolygon out;
  if (g) collect_polygons(g, out);
  return out;
}

GeosPrepared prepare(const GEOSGeometry* g) { return GeosPrepared(GEOSPrepare_r(geos_context().get(), g)); }

}  // namespace peta
