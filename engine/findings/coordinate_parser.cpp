#include "findings/coordinate_parser.hpp"

#include <proj.h>

#include <array>
#include <cmath>
#include <vector>

#include "core/crs.hpp"
#include "core/error.hpp"
#include "core/finding.hpp"
#include "findings/angle_text.hpp"

namespace peta {
namespace {

bool is_missing(std::string_view t) {
  if (t.empty()) return true;
  if (t.size() > 4) return false;
  std::string lower;
  for (char c : t) lower += static_cast<char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
  return lower == "-" || lower == "--" || lower == "n/a" || lower == "#n/a" || lower == "null" || lower == "none";
}

ParsedCoordinate reject(RejectionReason reason, std::string detail) {
  ParsedCoordinate p;
  p.reason = reason;
  p.detail = std::move(detail);
  return p;
}

ParsedCoordinate accept(Coord c, std::uint32_t flags) {
  ParsedCoordinate p;
  p.ok = true;
  p.lonlat = c;
  p.flags = flags;
  return p;
}

bool in_range(Coord c) { return std::abs(c.y) <= 90 && std::abs(c.x) <= 180; }

// One cell's value read as an angle, with the text it came from.
struct Reading {
  AngleText angle;
  std::string_view text;
};

// Reads one trimmed cell: the plain-decimal fast path first, the general angle parser after.
bool read_value(std::string_view text, Reading& out) {
  out.text = text;
  if (auto v = parse_plain_decimal(text)) {
    out.angle.ok = true;
    out.angle.value = *v;
    out.angle.hemisphere = Hemisphere::none;
    out.angle.explicit_sign = text.front() == '-';
    out.angle.plain_number = true;
    return true;
  }
  out.angle = parse_angle(text);
  return out.angle.ok;
}

bool is_latitude_axis(Hemisphere h) { return h == Hemisphere::north || h == Hemisphere::south; }
bool is_longitude_axis(Hemisphere h) { return h == Hemisphere::east || h == Hemisphere::west; }

// Whether a latitude reading may have lost its minus sign (nothing written that fixes its sign).
bool sign_may_be_lost(const Reading& lat) {
  return lat.angle.hemisphere == Hemisphere::none && !lat.angle.explicit_sign && lat.angle.value > 0;
}

bool is_geographic_crs(const std::string& crs) {
  PJ_CONTEXT* ctx = proj_context_create();
  PJ* pj = proj_create(ctx, crs.c_str());
  bool geographic = false;
  if (pj) {
    PJ_TYPE type = proj_get_type(pj);
    geographic = type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS ||
                 type == PJ_TYPE_GEOGRAPHIC_CRS;
    proj_destroy(pj);
  }
  proj_context_destroy(ctx);
  return geographic;
}

struct Candidate {
  Coord c;
  std::uint32_t flags = 0;
  bool needs_extent = false;  // a fix: only taken when it lands inside the expected extent
};

}  // namespace

CoordinateParser::CoordinateParser(CoordinateParserOptions options) : options_(std::move(options)) {
  const std::string& crs = options_.source_crs;
  if (crs.empty() || crs == kExchangeCrs || crs == "OGC:CRS84" || crs == "WGS84") return;
  to_lonlat_ = std::make_unique<CrsTransform>(crs, kExchangeCrs);  // throws peta::Error on a bad CRS
  projected_ = !is_geographic_crs(crs);
}

Coord CoordinateParser::to_lonlat(Coord source) const { return to_lonlat_ ? to_lonlat_->apply(source) : source; }

CoordinateParser::~CoordinateParser() = default;
CoordinateParser::CoordinateParser(CoordinateParser&&) noexcept = default;
CoordinateParser& CoordinateParser::operator=(CoordinateParser&&) noexcept = default;

ParsedCoordinate CoordinateParser::parse(std::string_view x_or_lon, std::string_view y_or_lat) const {
  std::string_view x = trim_spaces(x_or_lon), y = trim_spaces(y_or_lat);
  const char* x_name = projected_ ? "easting" : "longitude";
  const char* y_name = projected_ ? "northing" : "latitude";
  bool x_missing = is_missing(x), y_missing = is_missing(y);
  if (x_missing && y_missing)
    return reject(RejectionReason::coordinate_missing, std::string("no coordinate: ") + x_name + " and " + y_name + " are empty");
  if (x_missing) return reject(RejectionReason::coordinate_missing, std::string(x_name) + " is empty (" + y_name + " " + quote(y) + ")");
  if (y_missing) return reject(RejectionReason::coordinate_missing, std::string(y_name) + " is empty (" + x_name + " " + quote(x) + ")");
  if (projected_) return resolve_projected(x, y);
  return resolve_degrees(x, y, Order::lon_lat_cells);
}

ParsedCoordinate CoordinateParser::parse_single(std::string_view combined) const {
  std::string_view t = trim_spaces(combined);
  if (is_missing(t)) return reject(RejectionReason::coordinate_missing, "the coordinate cell is empty");
  std::size_t consumed = 0;
  AngleText first = parse_angle_prefix(t, consumed);
  if (!first.ok) return reject(RejectionReason::coordinate_unparseable, "coordinate " + quote(t) + " cannot be read: " + first.error);
  std::string_view rest = trim_spaces(t.substr(consumed));
  if (!rest.empty() && (rest.front() == ',' || rest.front() == ';' || rest.front() == '/' || rest.front() == '|'))
    rest = trim_spaces(rest.substr(1));
  if (rest.empty()) return reject(RejectionReason::coordinate_unparseable, "coordinate " + quote(t) + " holds only one value");
  std::string_view first_text = trim_spaces(t.substr(0, consumed));
  if (projected_) return resolve_projected(first_text, rest);
  return resolve_degrees(first_text, rest, Order::lat_first_cell);
}

ParsedCoordinate CoordinateParser::parse_kobo_geopoint(std::string_view geopoint) const {
  std::string_view t = trim_spaces(geopoint);
  if (is_missing(t)) return reject(RejectionReason::coordinate_missing, "the geopoint is empty");
  std::array<std::string_view, 4> parts{};
  std::size_t n = 0, i = 0;
  while (i < t.size()) {
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < t.size() && t[j] != ' ' && t[j] != '\t') ++j;
    if (j > i) {
      if (n == parts.size()) return reject(RejectionReason::coordinate_unparseable, "geopoint " + quote(t) + " has more than 4 values");
      parts[n++] = t.substr(i, j - i);
    }
    i = j;
  }
  if (n < 2) return reject(RejectionReason::coordinate_unparseable, "geopoint " + quote(t) + " needs a latitude and a longitude");
  for (std::size_t k = 2; k < n; ++k)
    if (!parse_plain_decimal(parts[k]))
      return reject(RejectionReason::coordinate_unparseable, "geopoint " + quote(t) + ": " + quote(parts[k]) + " is not a number");
  return resolve_degrees(parts[0], parts[1], Order::kobo);
}

ParsedCoordinate CoordinateParser::resolve_degrees(std::string_view first_text, std::string_view second_text,
                                                   Order order) const {
  const bool cells = order == Order::lon_lat_cells;
  Reading a, b;
  if (!read_value(first_text, a))
    return reject(RejectionReason::coordinate_unparseable, std::string(cells ? "longitude " : "coordinate ") + quote(first_text) +
                                                    " cannot be read: " + a.angle.error);
  if (!read_value(second_text, b))
    return reject(RejectionReason::coordinate_unparseable, std::string(cells ? "latitude " : "coordinate ") + quote(second_text) +
                                                    " cannot be read: " + b.angle.error);

  // Which reading is the latitude: as the order says, unless hemisphere letters say otherwise.
  bool first_is_lat = !cells;
  bool by_hemisphere = false;
  Hemisphere ha = a.angle.hemisphere, hb = b.angle.hemisphere;
  if (ha != Hemisphere::none || hb != Hemisphere::none) {
    bool a_lat = is_latitude_axis(ha) || is_longitude_axis(hb);
    bool a_lon = is_longitude_axis(ha) || is_latitude_axis(hb);
    if (a_lat && a_lon)
      return reject(RejectionReason::coordinate_unparseable, "coordinate " + quote(first_text) + " " + quote(second_text) +
                                                      " gives two " +
                                                      (is_latitude_axis(ha) ? "latitudes" : "longitudes"));
    first_is_lat = a_lat;
    by_hemisphere = true;
  }
  const Reading& lat = first_is_lat ? a : b;
  const Reading& lon = first_is_lat ? b : a;
  const bool swapped_from_nominal = first_is_lat != !cells;
  const std::uint32_t hemisphere_swap_flag = (swapped_from_nominal && order != Order::lat_first_cell) ? std::uint32_t{kFlagSwappedFixed} : 0u;

  std::array<Candidate, 5> candidates;
  std::size_t n = 0;
  const Box& extent = options_.expected_extent;
  const bool context = !extent.empty();
  const bool sign_fix = context && options_.fix_lat_sign && extent.max_y < 0;
  candidates[n++] = {{lon.angle.value, lat.angle.value}, hemisphere_swap_flag, false};
  if (by_hemisphere) {
    if (sign_fix && sign_may_be_lost(lat))
      candidates[n++] = {{lon.angle.value, -lat.angle.value}, hemisphere_swap_flag | kFlagLatSignFixed, true};
  } else {
    // `lat`/`lon` are the nominal reading; the other order reads lon as the latitude.
    const bool other_order_is_a_fix = order != Order::lat_first_cell;
    if (!other_order_is_a_fix) candidates[n++] = {{lat.angle.value, lon.angle.value}, 0, false};
    if (sign_fix && sign_may_be_lost(lat))
      candidates[n++] = {{lon.angle.value, -lat.angle.value}, kFlagLatSignFixed, true};
    if (other_order_is_a_fix && context && options_.fix_swapped)
      candidates[n++] = {{lat.angle.value, lon.angle.value}, kFlagSwappedFixed, true};
    if (sign_fix && sign_may_be_lost(lon) && (!other_order_is_a_fix || options_.fix_swapped))
      candidates[n++] = {{lat.angle.value, -lon.angle.value}, (other_order_is_a_fix ? std::uint32_t{kFlagSwappedFixed} : 0u) | kFlagLatSignFixed,
                         true};
  }
  if (context)
    for (std::size_t k = 0; k < n; ++k)
      if (in_range(candidates[k].c) && extent.contains(candidates[k].c)) return accept(candidates[k].c, candidates[k].flags);
  for (std::size_t k = 0; k < n; ++k)
    if (!candidates[k].needs_extent && in_range(candidates[k].c)) return accept(candidates[k].c, candidates[k].flags);

  std::string detail;
  if (order == Order::lat_first_cell && !by_hemisphere) {
    detail = "coordinate " + quote(first_text) + " " + quote(second_text) +
             " is out of range in either order (latitude -90..90, longitude -180..180)";
    return reject(RejectionReason::coordinate_out_of_range, std::move(detail));
  }
  if (std::abs(lat.angle.value) > 90) detail = "latitude " + quote(lat.text) + " is outside -90..90";
  if (std::abs(lon.angle.value) > 180)
    detail += (detail.empty() ? "" : "; ") + std::string("longitude ") + quote(lon.text) + " is outside -180..180";
  if (cells && !by_hemisphere && std::abs(lon.angle.value) <= 90 && std::abs(lat.angle.value) <= 180)
    detail += " (longitude and latitude may be swapped)";
  return reject(RejectionReason::coordinate_out_of_range, std::move(detail));
}

ParsedCoordinate CoordinateParser::resolve_projected(std::string_view x_text, std::string_view y_text) const {
  auto x = parse_plain_decimal(x_text);
  if (!x) return reject(RejectionReason::coordinate_unparseable, "easting " + quote(x_text) + " is not a number");
  auto y = parse_plain_decimal(y_text);
  if (!y) return reject(RejectionReason::coordinate_unparseable, "northing " + quote(y_text) + " is not a number");
  auto usable = [](Coord c) { return std::isfinite(c.x) && std::isfinite(c.y) && in_range(c); };
  Coord ll = to_lonlat_->apply({*x, *y});
  const Box& extent = options_.expected_extent;
  if (!extent.empty() && !(usable(ll) && extent.contains(ll)) && options_.fix_swapped) {
    Coord other = to_lonlat_->apply({*y, *x});
    if (usable(other) && extent.contains(other)) return accept(other, kFlagSwappedFixed);
  }
  if (!usable(ll))
    return reject(RejectionReason::coordinate_out_of_range, "easting " + quote(x_text) + " and northing " + quote(y_text) +
                                                   " give no valid longitude/latitude from " + options_.source_crs);
  return accept(ll, 0);
}

}  // namespace peta
