#pragma once
// A row that could not be used: kept as it was, with where it came from and why.
#include <cstdint>
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "core/rejection_reason.hpp"

namespace peta {

struct Rejection {
  std::string file;
  std::int64_t row = 0;   // spreadsheet row number (header = row 1)
  std::string field;      // the column at fault, empty when the row as a whole is
  RejectionReason reason = RejectionReason::location_missing;
  std::string detail;     // a human sentence, e.g. "1234 m from the nearest desa (35.13.21.2013 Gili Ketapang)"
  std::vector<std::string> values;  // the row's values as read, in the source's column order
  bool has_point = false;  // true when the row had usable coordinates (e.g. rejected as outside)
  Coord lonlat = {};        // initialised here so that {file, row, ...} may leave it out (-Wmissing-field-initializers)
  double distance_m = -1;  // distance to the nearest desa, when known
  std::string_view code() const { return peta::code(reason); }  // the stable code written to files
};

// A rejection of a row as a whole or of one field, without a point.
inline Rejection make_rejection(std::string file, std::int64_t row, std::string field, RejectionReason reason, std::string detail,
                                std::vector<std::string> values) {
  Rejection r;
  r.file = std::move(file);
  r.row = row;
  r.field = std::move(field);
  r.reason = reason;
  r.detail = std::move(detail);
  r.values = std::move(values);
  return r;
}

}  // namespace peta
