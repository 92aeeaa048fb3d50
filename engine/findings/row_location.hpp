#pragma once
// Where a row says it is, read from its cells or its layer geometry: a point, lines, or nothing usable
// (with why). Which columns are tried, in order, stopping at the first that is not empty:
//   the layer geometry; lon + lat (or Kobo's _<name>_longitude / _<name>_latitude); koordinat (one cell,
//   latitude first unless marked; a Kobo "lat lon alt acc" geopoint is also accepted there); geopoint;
//   wkt (POINT, LINESTRING or MULTILINESTRING in EPSG:4326).
// Thread-safe when the coordinate parser is (no source CRS, or one RowLocator per thread).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "findings/column_detection.hpp"
#include "findings/coordinate_parser.hpp"
#include "findings/finding_batch.hpp"

namespace peta {

struct RowLocation {
  enum class Kind : std::uint8_t { point, lines, none };
  Kind kind = Kind::none;
  Coord lonlat;
  std::uint32_t flags = 0;          // kFlagLatSignFixed, kFlagSwappedFixed
  std::vector<LineString> lines;    // EPSG:4326
  // When none: why. No reason = the row has no location cell at all (names may still place it).
  std::string field;
  std::optional<RejectionReason> reason;
  std::string detail;
  bool cell_was_empty = true;       // every location cell was empty (coordinate_missing)
};

class RowLocator {
 public:
  RowLocator(const ColumnIndexes& columns, const std::vector<std::string>& header, const CoordinateParser& parser,
             std::string fixed_category);
  // Sets f.id (the id column, or the row number) and f.category, and reads the location.
  void read(Finding& f, RowGeometry* geometry, RowLocation& out) const;

 private:
  bool from_pair(const Finding& f, RowLocation& out) const;
  bool from_single(const Finding& f, RowLocation& out) const;
  bool from_geopoint(const Finding& f, RowLocation& out) const;
  bool from_wkt(const Finding& f, RowLocation& out) const;

  ColumnIndexes c_;
  std::vector<std::string> header_;
  const CoordinateParser& parser_;
  std::string fixed_category_;
};

}  // namespace peta
