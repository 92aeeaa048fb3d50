#pragma once
// The desa nearest to a point that no desa contains, in EPSG:32749 metres (ties: lower index).
// An R-tree (Boost.Geometry, packed at construction, read-only afterwards so safe to query from many threads)
// holds short chains of consecutive boundary edges in metres; an incremental nearest query visits chains by
// box distance and stops once the next box is farther than the nearest edge found.
#include <memory>
#include <utility>

#include "geocode/flat_desa.hpp"

namespace peta {

class NearestDesa {
 public:
  explicit NearestDesa(const FlatDesa& flat);
  ~NearestDesa();
  // The point in EPSG:32749. Returns (-1, inf) when there is no desa at all.
  std::pair<int, double> find(const Coord& metres) const;
  // The same, and the nearest point of that desa's boundary (EPSG:32749) in `nearest_point`.
  std::pair<int, double> find(const Coord& metres, Coord& nearest_point) const;
  std::size_t memory_bytes() const;

 private:
  struct Tree;
  const FlatDesa& flat_;
  std::unique_ptr<Tree> tree_;
};

}  // namespace peta
