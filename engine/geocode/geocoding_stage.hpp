#pragma once
// The geocoding stage: the rows of one unit, as a reader hands them on, become placed findings, whole line
// findings and rejections. Every placement rule and the precedence of rejection reasons live here:
//   1. a row's own location decides: its layer geometry or coordinate cells (findings/row_location.hpp);
//   2. a row without a usable location is placed by the desa it names, by code or by name
//      (geocode/name_placer.hpp), at the desa's point on surface;
//   3. a row with neither is rejected: with the name's reason when the row named a desa and its location cells
//      were empty (or it has none); else with the location's reason (and what the name said); else
//      location_missing;
//   4. a point goes to the desa that holds it (geocode/point_locator.hpp: the overlap, gap and outside rules);
//      a point farther than the tolerance from every desa is rejected as outside_boundaries, with the distance
//      to the nearest desa;
//   5. a point whose row names another desa stays where its coordinates are, flagged nama_beda, with the named
//      desa and the distance to it.
// Lines are handed on whole: the findings stage cuts them at desa borders in read order.
#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/admin_unit.hpp"
#include "findings/finding_batch.hpp"
#include "findings/row_location.hpp"
#include "geocode/desa_distance.hpp"
#include "geocode/name_placer.hpp"
#include "geocode/point_locator.hpp"

namespace peta {

// A line finding before it is cut.
struct LineRow {
  Finding finding;
  std::vector<LineString> lines;  // EPSG:4326
};

// What the stage made of one unit; storage is reused from one unit to the next. The placed findings are
// unit.rows.findings[0 .. unit.rows.size); the rejections were appended to unit.rows.rejections.
struct GeocodedUnit {
  std::size_t rows = 0;                  // rows in the unit: placed + lines + rejected
  std::vector<Assignment> assigned;      // per placed finding
  std::vector<int> named;                // the desa the row names when it disagrees with the coordinates, else -1
  std::vector<double> named_distance_m;  // the distance to that desa (EPSG:32749), else -1
  std::vector<char> by_name;             // 1: placed by desa name or code (precision "desa")
  // The gazetteer's confidence in [0, 1] for a finding placed by name (1 by code), -1 when placed by coordinates:
  // the temuan layer's `keyakinan`. Below GazetteerOptions::accept_confidence the finding is flagged perlu_cek.
  std::vector<float> confidence;
  std::vector<LineRow> lines;
};

// What every worker shares, read-only.
struct GeocodingContext {
  const Boundaries& boundaries;
  const PointLocator& locator;
  const NamePlacer* placer = nullptr;  // null: no source names a desa
};

// One worker's geocoder for one source. Not thread-safe: one per worker.
class Geocoder {
 public:
  Geocoder(const GeocodingContext& context, const FindingReader& reader, const CoordinateParserOptions& parser,
           const std::string& fixed_category);
  // Splits a text unit into rows, then places every row.
  void geocode(RawFindingUnit& unit, GeocodedUnit& out);

  double parse_seconds = 0;   // of the last unit: splitting and reading locations
  double locate_seconds = 0;  // of the last unit: locating points

 private:
  const NamePlacement& place_by_name(const Finding& f);
  Rejection unplaced(const Finding& f, const RowLocation& loc, const NamePlacement& np) const;

  const GeocodingContext& context_;
  const FindingReader& reader_;
  bool names_ = false;  // the source has a desa name or code column
  std::unique_ptr<CoordinateParser> parser_;  // a parser with a source CRS is not thread-safe
  std::unique_ptr<RowLocator> row_locator_;
  std::unordered_map<std::string, NamePlacement> name_cache_;
  DesaDistance named_distance_;
  RowLocation location_;
  std::vector<Coord> coords_;
  std::vector<int> placed_;               // >= 0: placed by desa name or code
  std::vector<float> placed_confidence_;
  std::vector<std::uint32_t> parse_flags_;
};

}  // namespace peta
