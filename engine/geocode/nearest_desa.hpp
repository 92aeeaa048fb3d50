#pragma once
// The desa nearest to a point that no desa contains, in EPSG:32749 metres (ties: lower index).
#include <utility>

#include "geocode/cell_index.hpp"
#include "geocode/flat_desa.hpp"

namespace peta {

class NearestDesa {
 public:
  NearestDesa(const FlatDesa& flat, const CellIndex& index);
  // `lonlat` and the same point in metres. Returns (-1, inf) when there is no desa at all.
  std::pair<int, double> find(const Coord& lonlat, const Coord& metres) const;

 private:
  std::pair<int, double> ring_search(const Coord& lonlat, const Coord& metres, bool& gave_up) const;
  std::pair<int, double> scan_all(const Coord& metres) const;

  const FlatDesa& flat_;
  const CellIndex& index_;
  double metres_per_dx_;  // lower bounds of the metres in a degree of longitude / latitude over the grid
  double metres_per_dy_;
};

}  // namespace peta
