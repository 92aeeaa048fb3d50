#include "geocode/line_cutter.hpp"

#include <cmath>
#include <map>
#include <string>

#include "core/error.hpp"

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

// The lines as one GEOS MultiLineString; null when GEOS cannot build a part (readers reject such rows
// first: see findings/line_geometry_check.hpp).
GeosGeom to_geos_lines(const std::vector<LineString>& lines) {
  auto h = geos_context().get();
  std::vector<GeosGeom> owned;
  for (const auto& l : lines) {
    if (l.size() < 2) return GeosGeom();
    owned.push_back(to_geos(l));
    if (!owned.back()) return GeosGeom();
  }
  std::vector<GEOSGeometry*> parts;
  for (auto& g : owned) parts.push_back(g.get());
  GeosGeom all(GEOSGeom_createCollection_r(h, GEOS_MULTILINESTRING, parts.data(), static_cast<unsigned>(parts.size())));
  if (all)
    for (auto& g : owned) (void)g.release();  // the collection owns them now
  return all;
}

std::string describe(const std::vector<LineString>& lines) {
  std::size_t vertices = 0;
  for (const auto& l : lines) vertices += l.size();
  std::string first = lines.empty() || lines[0].empty()
                          ? std::string("-")
                          : std::to_string(lines[0][0].x) + " " + std::to_string(lines[0][0].y);
  return "a line of " + std::to_string(lines.size()) + " part(s), " + std::to_string(vertices) +
         " positions, starting at (" + first + ")";
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

// Cuts `line` (a GEOS line or multi-line inside `box`) at the desa borders, desa in code order, each taking
// the part not yet taken; the lines each desa takes are added to by_desa[desa].
void LineCutter::cut_into(GEOSGeometry* line, const Box& box, bool whole_if_inside,
                          std::map<int, std::vector<LineString>>& by_desa,
                          const std::function<std::string()>& what) const {
  auto h = geos_context().get();
  GeosGeom owned;
  GEOSGeometry* remaining = line;
  for (std::size_t d = 0; d < impl_->desa.size(); ++d) {
    if (!impl_->boxes[d].intersects(box)) continue;
    if (GEOSisEmpty_r(h, remaining) != 0) break;
    const char hits = GEOSPreparedIntersects_r(h, impl_->prepared[d].get(), remaining);
    if (hits == 2) throw Error("GEOS cannot test " + what() + " against a desa");
    if (!hits) continue;
    if (whole_if_inside && GEOSPreparedContainsProperly_r(h, impl_->prepared[d].get(), remaining) == 1) {  // all of it, no overlay
      std::vector<LineString> lines;
      collect_lines(h, remaining, lines);
      if (length_m(lines) <= 0) continue;
      auto& taken = by_desa[static_cast<int>(d)];
      taken.insert(taken.end(), std::make_move_iterator(lines.begin()), std::make_move_iterator(lines.end()));
      break;
    }
    GeosGeom inside(GEOSIntersection_r(h, remaining, impl_->desa[d].get()));
    if (!inside) throw Error("GEOS cannot cut " + what() + " at a desa border");
    std::vector<LineString> lines;
    collect_lines(h, inside.get(), lines);
    if (length_m(lines) <= 0) continue;
    auto& taken = by_desa[static_cast<int>(d)];
    taken.insert(taken.end(), std::make_move_iterator(lines.begin()), std::make_move_iterator(lines.end()));
    GeosGeom rest(GEOSDifference_r(h, remaining, impl_->desa[d].get()));
    if (!rest) throw Error("GEOS cannot cut " + what() + " at a desa border");
    owned = std::move(rest);
    remaining = owned.get();
  }
}

std::vector<LinePiece> LineCutter::cut(const std::vector<LineString>& lines) const {
  std::vector<LinePiece> pieces;
  if (lines.empty()) return pieces;
  auto h = geos_context().get();
  auto what = [&lines] { return describe(lines); };
  GeosGeom whole = to_geos_lines(lines);
  if (!whole) throw Error("GEOS cannot build " + describe(lines));
  std::map<int, std::vector<LineString>> by_desa;
  const char simple = GEOSisSimple_r(h, whole.get());
  if (simple == 2) throw Error("GEOS cannot test " + describe(lines) + " for self-crossings");
  if (simple == 1) {
    cut_into(whole.get(), bounds(lines), false, by_desa, what);
  } else {
    // A line that crosses itself makes GEOS overlay node all its crossings at every desa, which grows steeply
    // (a 400-vertex scribble: 85 s; noding it first does not help, it has ~38,000 crossings). Segment by
    // segment, each piece is simple and the work is linear in the vertices; lengths are unchanged.
    for (const auto& l : lines)
      for (std::size_t i = 0; i + 1 < l.size(); ++i) {
        if (l[i] == l[i + 1]) continue;
        GeosGeom segment = to_geos(LineString{l[i], l[i + 1]});
        if (!segment) throw Error("GEOS cannot build a segment of " + describe(lines));
        Box box;
        box.expand(l[i]);
        box.expand(l[i + 1]);
        cut_into(segment.get(), box, true, by_desa, what);
      }
  }
  for (auto& [desa, taken] : by_desa) {
    LinePiece piece;
    piece.desa = desa;
    piece.lines = std::move(taken);
    piece.length_m = length_m(piece.lines);
    pieces.push_back(std::move(piece));
  }
  return pieces;
}

}  // namespace peta
