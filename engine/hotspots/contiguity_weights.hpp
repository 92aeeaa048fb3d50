#pragma once
// Queen and rook contiguity that tolerate the slivers and tiny overlaps of real, independently simplified
// boundaries. Coordinates must be planar metres (see project_to_metric).
//
//  queen: i and j are neighbours when their distance is <= tolerance_m (0 = they intersect: share a point,
//         an edge or some area). Candidate pairs come from a sweep over the envelopes grown by the
//         tolerance; GEOS answers each candidate with a prepared DistanceWithin (Intersects for 0).
//  rook:  a queen pair whose shared border is long enough: the length of i's boundary that lies within
//         tolerance_m of j (boundary(i) ∩ buffer(j, tolerance_m)) exceeds rook_min_shared_m. With both at
//         0 this is "boundary of i has a stretch of positive length on j", i.e. a shared edge; a corner
//         touch has length 0. With a tolerance, a corner touch shows about 2 x tolerance of boundary near j
//         (more at sharp angles), hence the default minimum of 4 m over the default 1 m tolerance.
//         (The pair i < j is measured from the lower index, so the result is symmetric by construction.)
//
// libpysal's Queen/Rook instead require exactly shared vertices/edges and find far fewer neighbours on raw
// data; libpysal.weights.fuzzy_contiguity (intersects, optionally on buffers) is the equivalent of queen here.
#include <cstdint>
#include <utility>
#include <vector>

#include "core/geometry.hpp"
#include "hotspots/spatial_weights.hpp"

namespace peta {

enum class ContiguityRule { queen, rook };

struct ContiguitySettings {
  ContiguityRule rule = ContiguityRule::queen;
  double tolerance_m = 1.0;       // gap bridged between two units, in metres
  double rook_min_shared_m = 4.0; // rook only: shared border needed, in metres
  unsigned threads = 0;           // 0 = all cores
};

SpatialWeights contiguity_weights(const std::vector<MultiPolygon>& metric_polygons,
                                  const ContiguitySettings& settings = {});

// All pairs (i < j) whose boxes lie within `margin` of each other (one box grown by margin intersects the
// other), found by a sweep along x. Sorted. Empty boxes take part in no pair.
std::vector<std::pair<std::uint32_t, std::uint32_t>> envelope_pairs(const std::vector<Box>& boxes, double margin);

}  // namespace peta
