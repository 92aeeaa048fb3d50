#pragma once
// A layer as the writers take it: a schema, then features streamed one at a time.
// Plain values only; the OGR details stay inside the writers.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/geometry.hpp"

namespace peta {

enum class FieldType { integer, real, text, date };

// The type's name as the data dictionary writes it ("integer", "real", "text", "date").
inline const char* field_type_name(FieldType t) {
  switch (t) {
    case FieldType::integer: return "integer";
    case FieldType::real: return "real";
    case FieldType::text: return "text";
    case FieldType::date: return "date";
  }
  return "text";
}
enum class GeometryKind { none, point, multilinestring, multipolygon };

struct FieldDef {
  std::string name;        // full name, used by GeoJSON and GeoPackage
  FieldType type = FieldType::text;
  std::string short_name;  // <= 10 ASCII characters for the shapefile; empty: same as name (must then fit)
  int width = 0;           // shapefile width; 0: a sensible default for the type
  int precision = 0;       // decimals for reals
  std::string label_id;    // Indonesian description, for the data dictionary
  std::string label_en;    // English description
  std::string unit;        // "km2", "m", "count", ...
};

struct LayerSchema {
  std::string name;  // "desa", "kecamatan", "temuan", "ditolak"
  GeometryKind geometry = GeometryKind::multipolygon;
  std::vector<FieldDef> fields;
};

// std::monostate is a missing value (NULL), never 0. Per FieldType: integer takes std::int64_t, real
// takes double (or std::int64_t), text takes std::string (UTF-8), date takes an ISO std::string
// "YYYY-MM-DD" (a string that is not a date is written as NULL). The shapefile cannot tell an empty
// text from a NULL one (dBase); every other format and type keeps NULL distinct.
using FieldValue = std::variant<std::monostate, std::int64_t, double, std::string>;

using MultiLineString = std::vector<LineString>;
using FeatureGeometry = std::variant<std::monostate, Coord, MultiLineString, MultiPolygon>;

struct Feature {
  FeatureGeometry geometry;         // EPSG:4326
  std::vector<FieldValue> values;   // one per schema field, same order
};

}  // namespace peta
