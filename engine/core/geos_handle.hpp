#pragma once
// A small RAII layer over the GEOS C API (the stable one), with conversions from and to plain values.
#include <geos_c.h>

#include <memory>

#include "core/geometry.hpp"

namespace peta {

// One GEOS context; not thread-safe, so make one per thread (geos_context() gives the thread's own).
class GeosContext {
 public:
  GeosContext();
  ~GeosContext();
  GeosContext(const GeosContext&) = delete;
  GeosContext& operator=(const GeosContext&) = delete;
  GEOSContextHandle_t get() const { return handle_; }

 private:
  GEOSContextHandle_t handle_;
};

GeosContext& geos_context();  // this thread's context

struct GeosGeomDeleter {
  void operator()(GEOSGeometry* g) const { if (g) GEOSGeom_destroy_r(geos_context().get(), g); }
};
using GeosGeom = std::unique_ptr<GEOSGeometry, GeosGeomDeleter>;

struct GeosPreparedDeleter {
  void operator()(const GEOSPreparedGeometry* g) const { if (g) GEOSPreparedGeom_destroy_r(geos_context().get(), g); }
};
using GeosPrepared = std::unique_ptr<const GEOSPreparedGeometry, GeosPreparedDeleter>;

GeosGeom to_geos(const MultiPolygon& mp);
GeosGeom to_geos(const Polygon& p);
GeosGeom to_geos(const LineString& line);
GeosGeom to_geos(const Coord& point);
GeosGeom to_geos(const Box& box);
// Polygonal parts of any GEOS geometry (collections are walked; points and lines dropped).
MultiPolygon multipolygon_from_geos(const GEOSGeometry* g);
GeosPrepared prepare(const GEOSGeometry* g);

}  // namespace peta
