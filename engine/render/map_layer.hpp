#pragma once
// A polygon layer of a built project (desa, kecamatan or kabupaten, from any OGR source peta writes) read for
// drawing: shapes in EPSG:32749 (metres, so the scale bar is exact), a label point inside each unit, the text
// fields the maps and tables need, and every numeric field by name (a NULL is absent, never 0).
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/geometry.hpp"

namespace peta::render {

struct MapUnit {
  std::string kode, nama, kode_kec, nama_kec;  // kode_kec, nama_kec: desa only
  MultiPolygon shape;                          // EPSG:32749
  Coord label_at;                              // a point on the surface (GEOS), EPSG:32749
  double area_m2 = 0;                          // planar, EPSG:32749
  std::unordered_map<std::string, double> numbers;

  std::optional<double> number(const std::string& field) const {
    auto it = numbers.find(field);
    if (it == numbers.end()) return std::nullopt;
    return it->second;
  }
};

struct MapLayer {
  std::string name;
  std::vector<std::string> numeric_fields;  // in layer order
  std::vector<MapUnit> units;                // sorted by kode

  bool has_field(const std::string& f) const;
  Box bounds() const;
};

// Reads `layer` of `source` (empty: its first layer). Throws peta::Error naming the file when it cannot be read.
MapLayer read_map_layer(const std::string& source, const std::string& layer);

}  // namespace peta::render
