#pragma once
// Where a boundary layer comes from and how its attributes map onto codes and names.
#include <optional>
#include <string>

namespace peta {

// Attribute names of one layer. Empty means "not present".
struct FieldMapping {
  std::string code;         // Kemendagri code of the unit (dotted or not)
  std::string name;
  std::string parent_code;  // e.g. kode_kec on a desa layer
  std::string parent_name;
  std::string kab_code;     // e.g. kode_kab / KDPKAB on a desa layer
  std::string kab_name;
  std::string jenis;        // desa / kelurahan
};

struct BoundarySource {
  std::string path;   // any OGR data source: a file, or "PG:dbname=..." for PostGIS
  std::string layer;  // empty: the first layer
  std::optional<FieldMapping> mapping;  // empty: detect a known schema profile
  std::string crs;    // empty: the layer's own CRS (EPSG:4326 if it has none)
  std::string where;  // optional OGR attribute filter, e.g. "kode_kab = '35.13'"
};

struct BoundarySettings {
  std::optional<BoundarySource> kabupaten;
  std::optional<BoundarySource> kecamatan;  // absent: dissolved from desa
  BoundarySource desa;
  // Two features with the same code: true stops the load with an error naming both (a build must not lose a
  // village); false keeps the first and lists the pair in LoadIssues::duplicate_codes (the quality check).
  bool duplicate_codes_stop = true;
};

}  // namespace peta
