#pragma once
// A uniform grid of lon/lat cells over an extent: the locator's spatial index frame.
#include <algorithm>
#include <cmath>
#include <cstddef>

#include "core/geometry.hpp"

namespace peta {

struct CellGrid {
  double x0 = 0, y0 = 0;  // south-west corner
  double dx = 1, dy = 1;  // cell size in degrees
  double inv_dx = 1, inv_dy = 1;
  double x1 = 1, y1 = 1;  // north-east corner
  int nx = 1, ny = 1;

  // Cells about square on the ground (dx = dy / cos(latitude)), `target_cells` of them over `extent`
  // grown by `margin_cells` on every side.
  static CellGrid covering(const Box& extent, std::size_t target_cells, int margin_cells);

  std::size_t cell_count() const { return static_cast<std::size_t>(nx) * static_cast<std::size_t>(ny); }
  bool contains(const Coord& p) const {
    return p.x >= x0 && p.y >= y0 && p.x <= x1 && p.y <= y1;
  }
  // Column and row of a point, clamped into the grid (so points outside map to the nearest edge cell).
  // (Multiplying by the inverse may file a point lying within an ulp of a cell side in the neighbour cell;
  // cell_box() is grown to cover that.)
  int column(double x) const { return std::clamp(static_cast<int>(std::floor((x - x0) * inv_dx)), 0, nx - 1); }
  int row(double y) const { return std::clamp(static_cast<int>(std::floor((y - y0) * inv_dy)), 0, ny - 1); }
  std::size_t cell(int col, int row) const {
    return static_cast<std::size_t>(row) * static_cast<std::size_t>(nx) + static_cast<std::size_t>(col);
  }
  std::size_t cell_of(const Coord& p) const { return cell(column(p.x), row(p.y)); }
  // The closed box of a cell grown by a millionth of a cell, so rounding in column()/row() never lets a
  // point fall outside the box of the cell it is filed in.
  Box cell_box(int col, int row) const {
    double ex = dx * 1e-6, ey = dy * 1e-6;
    return {x0 + col * dx - ex, y0 + row * dy - ey, x0 + (col + 1) * dx + ex, y0 + (row + 1) * dy + ey};
  }
};

}  // namespace peta
