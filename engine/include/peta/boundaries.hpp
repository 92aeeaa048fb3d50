#pragma once
/// @file boundaries.hpp
/// @brief The boundary quality check: overlaps, sliver gaps, invalid geometry, codes.
#include <cstddef>
#include <string>

#include "peta/export.hpp"
#include "peta/project.hpp"

namespace peta::api {

/// The boundary layers to check: any OGR source (GeoJSON, Shapefile, GeoPackage, `PG:...`).
struct BoundaryCheckOptions {
  std::string desa;        ///< the desa layer (required)
  std::string desa_layer;  ///< the layer inside the desa source; empty: the first
  std::string kecamatan;   ///< the kecamatan layer; empty: dissolved from the desa
  std::string kabupaten;   ///< the kabupaten layer; empty: none
  std::string where;       ///< an OGR attribute filter on the desa, e.g. `kode_kab = '35.13'`
  std::string crs;         ///< overrides the layers' CRS, e.g. `EPSG:32749`; empty: theirs
};

/// The boundary quality report. Problems in the data are the report, not an error.
struct BoundaryCheck {
  std::size_t desa = 0;               ///< desa proper (code 2xxx)
  std::size_t kelurahan = 0;          ///< kelurahan (code 1xxx)
  std::size_t kecamatan = 0;          ///< kecamatan
  std::size_t kabupaten = 0;          ///< kabupaten
  std::size_t repaired = 0;           ///< invalid geometries repaired on load (GEOS MakeValid)
  std::size_t still_invalid = 0;      ///< geometries still invalid after the repair
  std::size_t duplicate_codes = 0;    ///< pairs of features with the same code (the first is kept)
  std::size_t bad_codes = 0;          ///< features skipped for a code that is not a Kemendagri code
  std::size_t overlap_pairs = 0;      ///< pairs of desa that overlap (positive area)
  double overlap_km2 = 0;             ///< their overlap area, km² in EPSG:32749
  std::size_t gaps = 0;               ///< sliver gaps inside the union of the desa
  double gap_km2 = 0;                 ///< their area, km²
  std::size_t kecamatan_mismatches = 0;  ///< desa lying mostly outside the kecamatan their code names
  double desa_area_km2 = 0;           ///< the desa area sum, planar in EPSG:32749
  double desa_area_geodesic_km2 = 0;  ///< the same on the WGS 84 ellipsoid
  std::size_t problems = 0;           ///< problems a user should look at, all kinds together
  std::string text;                   ///< the readable report (Indonesian, English in parentheses)
  std::string json;                   ///< the full report as JSON (every overlap, gap and repair listed)
};

/// Loads the boundary layers and checks them. The same as `peta boundaries check`.
/// @throws Error when a layer cannot be read
BoundaryCheck check_boundaries(const BoundaryCheckOptions& options);

/// Checks the boundaries a project file names (its desa, kecamatan and kabupaten sources).
/// @throws Error when a layer cannot be read
BoundaryCheck check_boundaries(const Project& project);

}  // namespace peta::api
