#include "geocode/cell_grid.hpp"

#include <numbers>

namespace peta {

CellGrid CellGrid::covering(const Box& extent, std::size_t target_cells, int margin_cells) {
  CellGrid g;
  if (extent.empty()) return g;
  double mid_lat = std::clamp((extent.min_y + extent.max_y) / 2, -80.0, 80.0);
  double aspect = std::cos(mid_lat * std::numbers::pi / 180);  // ground metres of a degree of lon / of lat
  double width = std::max(extent.max_x - extent.min_x, 1e-9);
  double height = std::max(extent.max_y - extent.min_y, 1e-9);
  // Square cells of side s (degrees of latitude): (width * aspect / s) * (height / s) = target.
  double s = std::sqrt(width * aspect * height / static_cast<double>(std::max<std::size_t>(target_cells, 1)));
  g.dy = s;
  g.dx = s / aspect;
  g.nx = static_cast<int>(std::ceil(width / g.dx)) + 2 * margin_cells;
  g.ny = static_cast<int>(std::ceil(height / g.dy)) + 2 * margin_cells;
  g.nx = std::max(g.nx, 1);
  g.ny = std::max(g.ny, 1);
  g.x0 = extent.min_x - margin_cells * g.dx;
  g.y0 = extent.min_y - margin_cells * g.dy;
  g.x1 = g.x0 + g.nx * g.dx;
  g.y1 = g.y0 + g.ny * g.dy;
  g.inv_dx = 1 / g.dx;
  g.inv_dy = 1 / g.dy;
  return g;
}

}  // namespace peta
