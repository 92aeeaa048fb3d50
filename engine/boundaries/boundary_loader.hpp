#pragma once
// Loads kabupaten, kecamatan and desa layers from any OGR source into plain Boundaries,
// builds the desa -> kecamatan -> kabupaten hierarchy from the codes, repairs invalid geometries
// with GEOS MakeValid, and records every repair and anomaly for the quality report.
#include <string>
#include <vector>

#include "boundaries/boundary_source.hpp"
#include "core/admin_unit.hpp"

namespace peta {

struct GeometryRepair {
  std::string level;    // "desa", "kecamatan", "kabupaten"
  std::string code;
  std::string name;
  std::string reason;   // GEOS isValidReason before the repair
  double area_change_km2 = 0;
};

struct LoadIssues {
  std::vector<GeometryRepair> repairs;
  std::vector<std::string> duplicate_codes;     // "35.13.01.2001 (desa, features 3 and 17)"
  std::vector<std::string> orphan_desa;         // desa whose kecamatan is in no kecamatan layer
  std::vector<std::string> bad_codes;           // features skipped: "desa.shp feature 12: kode '3x.1' is not a Kemendagri code"
  bool kecamatan_dissolved = false;
  std::string desa_profile;                     // the schema profile that matched ("peta", "big", "explicit")
};

struct LoadedBoundaries {
  Boundaries boundaries;
  LoadIssues issues;
};

LoadedBoundaries load_boundaries(const BoundarySettings& settings);

}  // namespace peta
