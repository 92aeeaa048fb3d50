#pragma once
// A small grid over one polygon's bounding box telling, per cell, whether the cell lies wholly inside,
// wholly outside, or on the boundary. The sample generator's "uniform point in the box, kept if inside"
// then asks GEOS (the prepared polygon) only about points in boundary cells: exact, and several times faster.
#include <cstdint>
#include <vector>

#include "core/geometry.hpp"
#include "core/geos_handle.hpp"

namespace peta {

class PolygonRaster {
 public:
  enum Cell : std::uint8_t { kOutside = 0, kInside = 1, kBoundary = 2 };

  // `prepared` must be `shape` prepared; it answers one point-in-polygon test per run of free cells.
  PolygonRaster(const MultiPolygon& shape, const GEOSPreparedGeometry* prepared, int cells_per_axis = 32);

  Cell cell_at(const Coord& c) const {
    if (!box_.contains(c)) return kOutside;
    return cells_[index(column(c.x), row(c.y))];
  }
  // Exact: the raster for whole cells, GEOS for points in boundary cells.
  bool contains(const Coord& c) const;
  const Box& box() const { return box_; }
  double boundary_share() const;  // share of cells on the boundary

 private:
  int column(double x) const;
  int row(double y) const;
  std::size_t index(int col, int row) const { return static_cast<std::size_t>(row) * n_ + col; }

  Box box_;
  const GEOSPreparedGeometry* prepared_;
  int n_;
  double cell_w_, cell_h_;
  std::vector<Cell> cells_;
};

}  // namespace peta
