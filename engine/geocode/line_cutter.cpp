#include "geocode/line_cutter.hpp"

#include <cmath>

#include "core/crs.hpp"
#include "core/geos_handle.hpp"

namespace peta {
namespace {

void collect_lines(GEOSContextHandle_t h, const GEOSGeometry* g, std::vector<LineString>& out) {
  int type = GEOSGeomTypeId_r(h, g);
  if (type == GEOS_LINESTRING || type == GEOS_LINEARRING) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, g);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(h, seq, &n);
    if (n < 2) return;
    LineString l(n);
    for (unsigned i = 0; i < n; ++i) GEOSCoordSeq_getXY_r(h, seq, i, &l[i].x, &l[i].y);
    out.push_back(std::move(l));
  } else if (type == GEOS_MULTILINESTRING || type == GEOS_GEOMETRYCOLLECTION) {
    for (int i = 0; i < GEOSGetNumGeometries_r(h, g); ++i) collect_lines(h, GEOSGetGeometryN_r(h, g, i), out);
  }
}

GeosGeom to_geos_lines(const std::vector<LineString>& lines) {
  auto h = geos_context().get();
  std::vector<GEOSGeometry*> parts;
  for (const auto& l : lines) parts.push_back(to_geos(l).release());
  return GeosGeom(GEOSGeom_createCollection_r(h, GEOS_MULTILINESTRING, parts.data(), static_cast<unsigned>(parts.size())));
}

Box bounds(const std::vector<LineString>& lines) {
  Box b;
  for (const auto& l : lines)
    for (const auto& c : l) b.expand(c);
  return b;
}

}  // namespace

struct LineCutter::Impl {
  std::vector<GeosGeom> desa;
  std::vector<GeosPrepared> prepared;
  std::vector<Box> boxes;
  CrsTransform to_metres{kExchangeCrs, kMetricCrs};
};

LineCutter::LineCutter(const Boundaries& b) : impl_(std::make_unique<Impl>()) {
  for (const auto& d : b.desa) {
    impl_->desa.push_back(to_geos(d.geometry));
    impl_->prepared.push_back(prepare(impl_->desa.back().get()));
    impl_->boxes.push_back(d.geometry.bounds());
  }
}

LineCutter::~LineCutter() = default;

double LineCutter::length_m(const std::vector<LineString>& lines) const {
  double total = 0;
  for (const auto& l : lines)
    for (std::size_t i = 0; i + 1 < l.size(); ++i) {
      Coord a = impl_->to_metres.apply(l[i]), b = impl_->to_metres.apply(l[i + 1]);
      total += std::hypot(b.x - a.x, b.y - a.y);
    }
  return total;
}

std::vector<LinePiece> LineCutter::cut(const std::vector<LineString>& lines) const {
  std::vector<LinePiece> pieces;
  if (lines.empty()) return pieces;
  auto h = geos_context().get();
  GeosGeom remaining = to_geos_lines(lines);
  Box box = bounds(lines);
  for (std::size_t d = 0; d < impl_->desa.size(); ++d) {
    if (!impl_->boxes[d].intersects(box)) continue;
    if (GEOSisEmpty_r(h, remaining.get())) break;
    if (!GEOSPreparedIntersects_r(h, impl_->prepared[d].get(), remaining.get())) continue;
    GeosGeom inside(GEOSIntersection_r(h, remaining.get(), impl_->desa[d].get()));
    if (!inside) continue;
    LinePiece piece;
    piece.desa = static_cast<int>(d);
    collect_lines(h, inside.get(), piece.lines);
    piece.length_m = length_m(piece.lines);
    if (piece.length_m <= 0) continue;
    pieces.push_back(std::move(piece));
    GeosGeom rest(GEOSDifference_r(h, remaining.get(), impl_->desa[d].get()));
    if (rest) remaining = std::move(rest);
  }
  return pieces;
}

}  // namespace peta
