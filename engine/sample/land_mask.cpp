#include "sample/land_mask.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace peta {
namespace {
constexpr double kMetresPerDegreeLat = 110574.0;
constexpr double kMetresPerDegreeLonAtEquator = 111320.0;
constexpr int kMaxCellsPerAxis = 2048;

int cells_along(double span_deg, double cell_deg) {
  if (!(span_deg > 0)) return 1;
  return std::clamp(static_cast<int>(std::ceil(span_deg / cell_deg)), 1, kMaxCellsPerAxis);
}
}  // namespace

LandMask::LandMask(const std::vector<Shape>& shapes, const Box& extent, double cell_m) : extent_(extent) {
  if (extent_.empty()) {
    land_.assign(1, 0);
    cell_w_ = cell_h_ = 1;
    return;
  }
  const double mid_lat = (extent.min_y + extent.max_y) / 2 * std::numbers::pi / 180;
  const double span_x = extent.max_x - extent.min_x, span_y = extent.max_y - extent.min_y;
  cols_ = cells_along(span_x, cell_m / (kMetresPerDegreeLonAtEquator * std::cos(mid_lat)));
  rows_ = cells_along(span_y, cell_m / kMetresPerDegreeLat);
  cell_w_ = span_x > 0 ? span_x / cols_ : 1;
  cell_h_ = span_y > 0 ? span_y / rows_ : 1;
  land_.assign(static_cast<std::size_t>(cols_) * rows_, 0);

  auto h = geos_context().get();
  for (const auto& shape : shapes) {
    // Only the cells whose centres fall in this shape's box can be inside it.
    const int c0 = std::max(0, static_cast<int>(std::floor((shape.box.min_x - extent_.min_x) / cell_w_ - 0.5)));
    const int c1 = std::min(cols_ - 1, static_cast<int>(std::ceil((shape.box.max_x - extent_.min_x) / cell_w_ - 0.5)));
    const int r0 = std::max(0, static_cast<int>(std::floor((shape.box.min_y - extent_.min_y) / cell_h_ - 0.5)));
    const int r1 = std::min(rows_ - 1, static_cast<int>(std::ceil((shape.box.max_y - extent_.min_y) / cell_h_ - 0.5)));
    for (int row = r0; row <= r1; ++row) {
      for (int col = c0; col <= c1; ++col) {
        auto& cell = land_[static_cast<std::size_t>(row) * cols_ + col];
        if (cell) continue;
        const Coord centre{extent_.min_x + (col + 0.5) * cell_w_, extent_.min_y + (row + 0.5) * cell_h_};
        if (!shape.box.contains(centre)) continue;
        GeosGeom point(GEOSGeom_createPointFromXY_r(h, centre.x, centre.y));
        if (GEOSPreparedContains_r(h, shape.prepared, point.get()) == 1) cell = 1;
      }
    }
  }
}

std::size_t LandMask::land_cells() const { return static_cast<std::size_t>(std::count(land_.begin(), land_.end(), 1)); }

}  // namespace peta
