#pragma once
// A coarse raster of "is this cell's centre inside some desa?" over the boundaries' extent, so the
// sample generator can redraw a clustered point that fell into the sea with one array lookup instead
// of a point-in-polygon test. Cells are about 250 m wide; only cells on a coastline or border can err.
#include <cstdint>
#include <vector>

#include "core/geometry.hpp"
#include "core/geos_handle.hpp"

namespace peta {

class LandMask {
 public:
  struct Shape {
    const GEOSPreparedGeometry* prepared;  // a desa, prepared
    Box box;                               // its bounding box
  };
  // `extent` is the union of the shapes' boxes; `cell_m` the wanted cell size in metres.
  LandMask(const std::vector<Shape>& shapes, const Box& extent, double cell_m = 250);

  bool on_land(const Coord& c) const {
    if (!extent_.contains(c)) return false;
    int col = static_cast<int>((c.x - extent_.min_x) / cell_w_);
    int row = static_cast<int>((c.y - extent_.min_y) / cell_h_);
    if (col >= cols_) col = cols_ - 1;
    if (row >= rows_) row = rows_ - 1;
    return land_[static_cast<std::size_t>(row) * cols_ + col] != 0;
  }
  int cols() const { return cols_; }
  int rows() const { return rows_; }
  std::size_t land_cells() const;

 private:
  Box extent_;
  double cell_w_ = 0, cell_h_ = 0;
  int cols_ = 1, rows_ = 1;
  std::vector<std::uint8_t> land_;
};

}  // namespace peta
