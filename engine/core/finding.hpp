#pragma once
// A field finding as the readers hand it on, and what the geocoder decides for it.
#include <cstdint>
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "core/row_cells.hpp"

namespace peta {

// Flags come on top of a finding's state; they never decide whether it is kept.
enum Flag : std::uint32_t {
  kFlagNone = 0,
  kFlagInGap = 1u << 0,      // in a sliver gap: given to the nearest desa within the tolerance
  kFlagInOverlap = 1u << 1,  // inside two or more desa: given to one by the overlap rule
  kFlagLatSignFixed = 1u << 2,  // latitude typed without its minus sign (region south of the equator): fixed
  kFlagSwappedFixed = 1u << 3,  // latitude and longitude given the other way round: swapped back
  kFlagByName = 1u << 4,        // no coordinate: placed by the desa name (gazetteer)
  kFlagByCode = 1u << 5,        // no coordinate: placed by the Kemendagri desa code
  kFlagNameMismatch = 1u << 6,  // coordinates and the desa named in the row disagree: the coordinates win
  kFlagInvalidDate = 1u << 7,   // the date cell is no real date (2025-02-30, "kemarin"): kept out of time statistics
  kFlagIdMissing = 1u << 8,     // the id cell is blank: an id was made from the file and row ("temuan.csv:12")
  kFlagNeedsCheck = 1u << 9,    // placed by a name the gazetteer is not sure of: for a person to confirm
  kFlagIdDuplicate = 1u << 10,  // an earlier row of the same file has this id: kept, flagged for a person to check
};

// Short flag names, as written to the `flags` field ("celah;tumpang_tindih").
std::string flag_names(std::uint32_t flags);

struct Finding {
  std::int64_t row = 0;  // the spreadsheet row number in its source (header = row 1)
  std::string id;
  Coord lonlat;          // EPSG:4326
  std::string category;
  RowCells attributes;   // every cell of the row, in the source's column order
};

// What the geocoder decided for one finding.
struct Assignment {
  int desa = -1;              // index in Boundaries::desa, or -1 when rejected
  std::uint32_t flags = kFlagNone;
  double distance_m = 0;      // distance to the assigned (or, if rejected, the nearest) desa; 0 inside
  int nearest = -1;           // when rejected: index of the nearest desa (for the rejection's reason)
};

}  // namespace peta
