#pragma once
// The hot path: which desa holds a point. A uniform grid over the boundaries' extent keeps, per cell,
// either the one desa that covers the whole cell or the short list of candidates to test exactly.
//
// Rules (documented in the README):
//  - inside exactly one desa: that desa.
//  - inside two or more (the real data's overlaps): the desa the point lies deepest inside
//    (largest distance to its border); ties go to the lower code. Flagged kFlagInOverlap.
//  - inside none, but within `gap_tolerance_m` of a desa (sliver gaps, the coast): the nearest desa,
//    distances in EPSG:32749; ties go to the lower code. Flagged kFlagInGap.
//  - farther than the tolerance from every desa: rejected (desa = -1) with the distance to the nearest.
// A point on a border shared by two desa counts as inside both, so the overlap rule decides it.
#include <memory>
#include <span>

#include "core/admin_unit.hpp"
#include "core/finding.hpp"

namespace peta {

struct LocatorIndex;

struct LocatorOptions {
  double gap_tolerance_m = 50;
};

class PointLocator {
 public:
  PointLocator(const Boundaries& boundaries, LocatorOptions options = {});
  // From an index built before (build_locator_index, or read from the boundary cache) for the same boundaries.
  explicit PointLocator(std::shared_ptr<const LocatorIndex> index, LocatorOptions options = {});
  ~PointLocator();
  PointLocator(const PointLocator&) = delete;
  PointLocator& operator=(const PointLocator&) = delete;

  // Thread-safe: may be called from several threads at once.
  Assignment locate(Coord lonlat) const;
  void locate(std::span<const Coord> lonlat, std::span<Assignment> out) const;

  // Index of the desa nearest to a point and the distance in metres (for rejection messages).
  std::pair<int, double> nearest(Coord lonlat) const;

  // Bytes held by the index (grid cells, candidate entries, edge copies, vertices, nearest-search tree).
  std::size_t memory_bytes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace peta
