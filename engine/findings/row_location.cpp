#include "findings/row_location.hpp"

#include <cmath>

#include "core/geos_handle.hpp"
#include "findings/angle_text.hpp"
#include "findings/line_geometry_check.hpp"

namespace peta {
namespace {

std::string_view cell(const Finding& f, int column) { return f.attributes.get(column); }

bool blank(std::string_view s) { return trim_spaces(s).empty(); }

bool take(const ParsedCoordinate& p, const std::string& field, RowLocation& out) {
  if (p.ok) {
    out.kind = RowLocation::Kind::point;
    out.lonlat = p.lonlat;
    out.flags |= p.flags;
    return true;
  }
  out.kind = RowLocation::Kind::none;
  out.field = field;
  out.reason = p.reason;
  out.detail = p.detail;
  out.cell_was_empty = false;
  return false;
}

// "a b c" or "a b c d", all plain numbers: a Kobo geopoint typed or pasted into a koordinat cell.
bool looks_like_geopoint(std::string_view t) {
  t = trim_spaces(t);
  int tokens = 0;
  std::size_t i = 0;
  while (i < t.size()) {
    while (i < t.size() && t[i] == ' ') ++i;
    std::size_t j = i;
    while (j < t.size() && t[j] != ' ') ++j;
    if (j > i) {
      if (!parse_plain_decimal(t.substr(i, j - i))) return false;
      ++tokens;
    }
    i = j;
  }
  return tokens == 3 || tokens == 4;
}

bool in_range(const Coord& c) { return std::isfinite(c.x) && std::isfinite(c.y) && std::abs(c.x) <= 180 && std::abs(c.y) <= 90; }

}  // namespace

RowLocator::RowLocator(const ColumnIndexes& columns, const std::vector<std::string>& header,
                       const CoordinateParser& parser, std::string fixed_category)
    : c_(columns), header_(header), parser_(parser), fixed_category_(std::move(fixed_category)) {}

bool RowLocator::from_pair(const Finding& f, RowLocation& out) const {
  if (c_.lon < 0 || c_.lat < 0) return false;
  const std::string_view x = cell(f, c_.lon);
  const std::string_view y = cell(f, c_.lat);
  if (blank(x) && blank(y)) return false;
  ParsedCoordinate p = parser_.parse(x, y);
  if (p.ok) return take(p, "", out);
  // The column at fault: the one the parser's sentence names first.
  bool lat_at_fault = p.detail.rfind("latitude", 0) == 0 || p.detail.rfind("northing", 0) == 0;
  take(p, header_[static_cast<std::size_t>(lat_at_fault ? c_.lat : c_.lon)], out);
  return true;  // decided (as a failure)
}

bool RowLocator::from_single(const Finding& f, RowLocation& out) const {
  if (c_.koordinat < 0) return false;
  const std::string_view t = cell(f, c_.koordinat);
  if (blank(t)) return false;
  ParsedCoordinate p = parser_.parse_single(t);
  if (!p.ok && looks_like_geopoint(t)) p = parser_.parse_kobo_geopoint(t);
  take(p, header_[static_cast<std::size_t>(c_.koordinat)], out);
  return true;
}

bool RowLocator::from_geopoint(const Finding& f, RowLocation& out) const {
  if (c_.geopoint < 0) return false;
  const std::string_view t = cell(f, c_.geopoint);
  if (blank(t)) return false;
  take(parser_.parse_kobo_geopoint(t), header_[static_cast<std::size_t>(c_.geopoint)], out);
  return true;
}

bool RowLocator::from_wkt(const Finding& f, RowLocation& out) const {
  if (c_.wkt < 0) return false;
  const std::string_view t = cell(f, c_.wkt);
  if (blank(t)) return false;
  out.kind = RowLocation::Kind::none;
  out.field = header_[static_cast<std::size_t>(c_.wkt)];
  out.cell_was_empty = false;
  auto h = geos_context().get();
  GEOSWKTReader* reader = GEOSWKTReader_create_r(h);
  GeosGeom g(GEOSWKTReader_read_r(h, reader, std::string(t).c_str()));
  GEOSWKTReader_destroy_r(h, reader);
  std::string shown = t.size() > 60 ? std::string(t.substr(0, 57)) + "..." : std::string(t);
  // WKT holds x y in the source's CRS (the project's `crs` of the source; EPSG:4326 when not given).
  const std::string& crs = parser_.options().source_crs;
  const std::string in_source_crs = crs.empty() ? "" : " (from " + crs + ")";
  if (!g) {
    out.reason = RejectionReason::geometry_unparseable;
    out.detail = "WKT '" + shown + "' cannot be read";
    return true;
  }
  auto read_line = [&](const GEOSGeometry* line, std::vector<LineString>& lines) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, line);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(h, seq, &n);
    LineString l(n);
    for (unsigned i = 0; i < n; ++i) GEOSCoordSeq_getXY_r(h, seq, i, &l[i].x, &l[i].y);
    lines.push_back(std::move(l));  // a part of one position is rejected below, not dropped
  };
  int type = GEOSGeomTypeId_r(h, g.get());
  std::vector<LineString> lines;
  if (GEOSisEmpty_r(h, g.get())) {
    out.reason = RejectionReason::geometry_unparseable;
    out.detail = "WKT '" + shown + "' is empty";
    return true;
  }
  if (type == GEOS_POINT) {
    Coord c;
    GEOSGeomGetX_r(h, g.get(), &c.x);
    GEOSGeomGetY_r(h, g.get(), &c.y);
    c = parser_.to_lonlat(c);
    if (!in_range(c)) {
      out.reason = RejectionReason::coordinate_out_of_range;
      out.detail = "WKT point '" + shown + "' is not a longitude/latitude" + in_source_crs;
      return true;
    }
    out.kind = RowLocation::Kind::point;
    out.lonlat = c;
    return true;
  }
  if (type == GEOS_LINESTRING) {
    read_line(g.get(), lines);
  } else if (type == GEOS_MULTILINESTRING) {
    for (int i = 0; i < GEOSGetNumGeometries_r(h, g.get()); ++i) read_line(GEOSGetGeometryN_r(h, g.get(), i), lines);
  } else {
    out.reason = RejectionReason::geometry_unsupported;
    out.detail = "WKT '" + shown + "' is neither a point nor a line";
    return true;
  }
  if (lines.empty()) {
    out.reason = RejectionReason::geometry_unparseable;
    out.detail = "WKT '" + shown + "' has no line of two or more points";
    return true;
  }
  for (auto& l : lines)
    for (auto& c : l) {
      c = parser_.to_lonlat(c);
      if (!in_range(c)) {
        out.reason = RejectionReason::coordinate_out_of_range;
        out.detail = "WKT line '" + shown + "' has a vertex that is not a longitude/latitude" + in_source_crs;
        return true;
      }
    }
  if (std::string problem = line_geometry_problem(lines); !problem.empty()) {
    out.reason = RejectionReason::geometry_invalid;
    out.detail = "WKT '" + shown + "': " + problem;
    return true;
  }
  out.kind = RowLocation::Kind::lines;
  out.lines = std::move(lines);
  return true;
}

void RowLocator::read(Finding& f, RowGeometry* geometry, RowLocation& out) const {
  out.kind = RowLocation::Kind::none;
  out.flags = 0;
  if (c_.id >= 0) {
    f.id.assign(cell(f, c_.id));
    if (f.id.find_first_not_of(" \t\r\n") == std::string::npos) {  // blank: made from the file and row
      f.id = c_.file_name + ":" + std::to_string(f.row);
      out.flags |= kFlagIdMissing;
      // the published id column carries it too (rare: a copy of the row is fine)
      const RowCells copy = f.attributes;
      f.attributes.clear();
      for (std::size_t i = 0; i < copy.size(); ++i)
        f.attributes.push_back(static_cast<int>(i) == c_.id ? std::string_view(f.id) : copy[i]);
    }
  } else {
    f.id = std::to_string(f.row);
  }
  if (c_.category >= 0) f.category.assign(cell(f, c_.category));
  else f.category = fixed_category_;
  if (f.category.empty() && c_.category >= 0) f.category = fixed_category_;
  out.field.clear();
  out.reason.reset();
  out.detail.clear();
  out.cell_was_empty = true;
  if (geometry && geometry->kind == RowGeometry::Kind::point) {
    out.kind = RowLocation::Kind::point;
    out.lonlat = geometry->point;
    return;
  }
  if (geometry && geometry->kind == RowGeometry::Kind::lines) {
    out.kind = RowLocation::Kind::lines;
    out.lines = std::move(geometry->lines);
    return;
  }
  if (from_pair(f, out) || from_single(f, out) || from_geopoint(f, out) || from_wkt(f, out)) return;
  if (c_.has_coordinates()) {
    // Every location cell is empty.
    int field = c_.lon >= 0 ? c_.lon : c_.koordinat >= 0 ? c_.koordinat : c_.geopoint >= 0 ? c_.geopoint : c_.wkt;
    out.field = header_[static_cast<std::size_t>(field)];
    out.reason = RejectionReason::coordinate_missing;
    out.detail = "no coordinate: the location cells are empty";
  }
}

}  // namespace peta
