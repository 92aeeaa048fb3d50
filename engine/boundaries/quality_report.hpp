#pragma once
// The boundary quality report: what the loader repaired and found, plus the topology of the desa layer
// (overlaps between desa, sliver gaps inside their union) and whether each desa lies in the kecamatan
// its code names. Topology is computed on the lon/lat geometry as loaded (the geometry the geocoder
// uses); areas are measured in EPSG:32749 (UTM 49S), in m².
#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "boundaries/boundary_loader.hpp"
#include "core/geometry.hpp"

namespace peta {

struct QualityOptions {
  // A pair of desa counts as overlapping when its intersection has more than this area (m²);
  // pairs that only touch (shared edge or point, or a smaller overlap) are counted as touching.
  // 0 counts every positive-area overlap, which is what the data README reports.
  double min_overlap_m2 = 0;
  // Gap rings of at most this area (m²) are counted as degenerate (collapsed rings the union leaves).
  double min_gap_m2 = 0;
  bool find_overlaps = true;
  bool find_gaps = true;
  bool check_kecamatan = true;   // only done when a kecamatan layer was given (not dissolved from desa)
  std::size_t text_top_n = 20;   // how many overlaps/gaps/mismatches the text report lists
};

struct UnitRef {
  std::string code;  // dotted Kemendagri code
  std::string name;
};

struct OverlapPair {
  UnitRef a;  // a.code < b.code
  UnitRef b;
  double area_m2 = 0;
  Coord point;  // a point inside the overlap, lon/lat
};

struct GapPiece {
  double area_m2 = 0;
  Coord point;                       // a point inside the gap, lon/lat
  std::vector<UnitRef> neighbours;   // desa touching the gap, by code
};

struct KecamatanMismatch {
  UnitRef desa;
  std::string coded_kecamatan;   // the kecamatan the desa code names
  UnitRef located_kecamatan;     // the kecamatan holding most of the desa's area (empty code: none)
  double share = 0;              // fraction of the desa's area inside located_kecamatan
};

struct InvalidGeometry {
  std::string level;
  UnitRef unit;
  std::string reason;  // GEOS isValidReason
};

struct QualityTiming {
  std::string step;
  double seconds = 0;      // wall clock
  double cpu_seconds = 0;  // this process's CPU time (the fairer figure on a shared machine)
};

struct QualityReport {
  // Counts per level.
  std::size_t desa = 0;        // desa proper (code 2xxx)
  std::size_t kelurahan = 0;   // kelurahan (code 1xxx)
  std::size_t kecamatan = 0;
  std::size_t kabupaten = 0;
  double desa_area_km2 = 0;           // sum of desa areas, planar in EPSG:32749
  double desa_area_geodesic_km2 = 0;  // the same on the WGS 84 ellipsoid (cross-check with official figures)

  LoadIssues load;                              // repairs, duplicates, orphans, bad codes, profile
  std::vector<InvalidGeometry> still_invalid;   // geometries GEOS still finds invalid after loading

  bool overlaps_checked = false;
  std::vector<OverlapPair> overlaps;  // sorted by area, largest first
  double overlap_total_m2 = 0;
  std::size_t touching_pairs = 0;     // intersecting pairs with no (or a negligible) overlap
  std::vector<std::string> overlap_errors;  // pairs GEOS could not intersect

  bool gaps_checked = false;
  std::vector<GapPiece> gaps;         // sorted by area, largest first
  double gap_total_m2 = 0;
  std::size_t degenerate_gap_rings = 0;  // interior rings of the union with no area
  std::string gap_error;                 // non-empty when the union failed

  bool kecamatan_checked = false;
  std::vector<KecamatanMismatch> kecamatan_mismatches;

  std::vector<QualityTiming> timings;
  double total_seconds = 0;
  double total_cpu_seconds = 0;

  // Number of problems a user should look at (repairs, duplicates, orphans, bad codes, invalid,
  // overlaps, gaps, mismatches).
  std::size_t problem_count() const;
};

QualityReport check_quality(const LoadedBoundaries& loaded, const QualityOptions& options = {});

// Full lists, snake_case keys.
nlohmann::json to_json(const QualityReport& report);
// Readable report, Indonesian first with English in parentheses; lists the top options.text_top_n items.
std::string to_text(const QualityReport& report, const QualityOptions& options = {});

}  // namespace peta
