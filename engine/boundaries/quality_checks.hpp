#pragma once
// The individual topology checks behind check_quality (one file each). Internal to the boundaries module.
#include <string>
#include <vector>

#include "boundaries/geos_unit_index.hpp"
#include "boundaries/quality_report.hpp"

namespace peta {

struct OverlapResult {
  std::vector<OverlapPair> pairs;  // sorted by area, largest first
  std::size_t touching = 0;
  std::vector<std::string> errors;
};
// Every pair of desa whose intersection has more than min_overlap_m2 of area.
OverlapResult find_overlaps(const std::vector<AdminUnit>& desa, const GeosUnitIndex& index, double min_overlap_m2);

struct GapResult {
  std::vector<GapPiece> gaps;  // sorted by area, largest first
  std::size_t degenerate = 0;
  std::string error;
};
// The interior rings of the union of all desa: holes no desa covers.
GapResult find_gaps(const std::vector<AdminUnit>& desa, const GeosUnitIndex& index, double min_gap_m2);

// Desa that lie mostly in a kecamatan other than the one their code names.
std::vector<KecamatanMismatch> find_kecamatan_mismatches(const Boundaries& boundaries, const GeosUnitIndex& desa_index);

// Area on the WGS 84 ellipsoid (outer rings minus holes) of a lon/lat multipolygon, in km².
double geodesic_area_km2(const MultiPolygon& lonlat);

}  // namespace peta
