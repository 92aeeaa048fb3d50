#pragma once
// Turns the text of coordinate cells into a longitude/latitude, or into a precise rejection reason.
// Pure: no OGR; PROJ (through CrsTransform) only when the source declares a CRS other than EPSG:4326.
//
// Rules (each has a test in tests/findings/coordinate_parser_test.cpp):
//  - Numbers: a dot or a comma as decimal separator; surrounding spaces ignored; DMS and degrees +
//    decimal minutes with ° ' " (and ′ ″ º ’ ” and '' for seconds); hemisphere letters or words
//    N/S/E/W and the Indonesian LU/LS/BT/BB (see findings/angle_text.hpp).
//  - parse(x, y): two cells, x = longitude (or easting), y = latitude (or northing).
//  - parse_single(cell): one cell holding both ("-7.7534, 113.2154", "-7,7534; 113,2154",
//    "-7.7534 113.2154", "7°45'12.3\"S 113°13'5\"E"). ORDER: hemisphere letters decide when given;
//    otherwise latitude first (as Google Maps copies it and Kobo/ODK stores it), unless magnitude says
//    otherwise (a first value beyond ±90 can only be a longitude) or, with an expected extent, only the
//    other order falls inside it. An order decided this way is not a fix and carries no flag.
//  - parse_kobo_geopoint("lat lon alt acc"): Kobo/ODK geopoint, latitude first, altitude and accuracy
//    optional and ignored.
//  - Context fixes, only with an expected extent and only when the value as given falls outside it:
//      * latitude without its minus sign (no sign and no hemisphere written) where the extent lies wholly
//        south of the equator: negated, flagged kFlagLatSignFixed;
//      * longitude and latitude the other way round in parse() / parse_kobo_geopoint(), or hemisphere
//        letters that put the latitude in the x cell: swapped, flagged kFlagSwappedFixed;
//      * both at once: both flags. A value outside the extent that no fix brings inside is returned
//        unchanged and ok: whether it is outside the boundaries is the locator's question.
//  - Projected source CRS (e.g. EPSG:32749): x = easting, y = northing, plain numbers only, transformed to
//    EPSG:4326; with an extent, an easting/northing swap is fixed and flagged like a lon/lat swap.
//  - Rejections: an empty cell (or "-", "n/a", "#N/A", "null") -> coordinate_missing; text that is no
//    number or angle -> coordinate_unparseable; |lat| > 90 or |lon| > 180 (or a projected value PROJ cannot
//    transform) -> coordinate_out_of_range. `detail` is an English sentence naming the value.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/geometry.hpp"
#include "core/rejection_reason.hpp"

namespace peta {

class CrsTransform;

struct ParsedCoordinate {
  bool ok = false;
  Coord lonlat;                // EPSG:4326, when ok
  std::uint32_t flags = 0;     // kFlagLatSignFixed, kFlagSwappedFixed (core/finding.hpp)
  std::optional<RejectionReason> reason;  // coordinate_missing, _unparseable or _out_of_range, when !ok
  std::string detail;          // a sentence naming the value, when !ok
};

struct CoordinateParserOptions {
  std::string source_crs;  // empty or "EPSG:4326": degrees; anything else PROJ understands otherwise
  Box expected_extent;     // lon/lat box of the boundaries (add a margin); empty: no context fixes
  bool fix_lat_sign = true;
  bool fix_swapped = true;
};

// Without a source CRS the parse* calls are thread-safe; with one (PROJ) make one parser per thread.
class CoordinateParser {
 public:
  explicit CoordinateParser(CoordinateParserOptions options = {});
  ~CoordinateParser();
  CoordinateParser(CoordinateParser&&) noexcept;
  CoordinateParser& operator=(CoordinateParser&&) noexcept;

  ParsedCoordinate parse(std::string_view x_or_lon, std::string_view y_or_lat) const;
  ParsedCoordinate parse_single(std::string_view combined) const;
  ParsedCoordinate parse_kobo_geopoint(std::string_view geopoint) const;

  // A point of a geometry cell (WKT) from the source CRS (x = longitude or easting) to longitude/latitude.
  Coord to_lonlat(Coord source) const;

  const CoordinateParserOptions& options() const { return options_; }
  bool projected() const { return projected_; }

 private:
  enum class Order { lon_lat_cells, lat_first_cell, kobo };
  ParsedCoordinate resolve_degrees(std::string_view first_text, std::string_view second_text, Order order) const;
  ParsedCoordinate resolve_projected(std::string_view x_text, std::string_view y_text) const;

  CoordinateParserOptions options_;
  bool projected_ = false;                  // source values are easting/northing
  std::unique_ptr<CrsTransform> to_lonlat_;  // null for EPSG:4326
};

}  // namespace peta
