#include "sample/polygon_raster.hpp"

#include <algorithm>
#include <cmath>

namespace peta {
namespace {
bool prepared_contains(const GEOSPreparedGeometry* prepared, const Coord& c) {
  auto h = geos_context().get();
  GeosGeom point(GEOSGeom_createPointFromXY_r(h, c.x, c.y));
  return GEOSPreparedContains_r(h, prepared, point.get()) == 1;
}
}  // namespace

PolygonRaster::PolygonRaster(const MultiPolygon& shape, const GEOSPreparedGeometry* prepared, int cells_per_axis)
    : box_(shape.bounds()), prepared_(prepared), n_(std::max(1, cells_per_axis)) {
  cell_w_ = box_.empty() ? 1 : std::max(box_.max_x - box_.min_x, 1e-300) / n_;
  cell_h_ = box_.empty() ? 1 : std::max(box_.max_y - box_.min_y, 1e-300) / n_;
  cells_.assign(static_cast<std::size_t>(n_) * n_, kOutside);
  if (box_.empty()) return;
  // Every cell that a ring segment's bounding box touches (a superset of the cells the segment crosses)
  // holds boundary; any other cell is wholly inside or wholly outside.
  for (const auto& part : shape.parts)
    for (const auto& ring : part.rings)
      for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const Coord& a = ring[i];
        const Coord& b = ring[i + 1];
        // Widened by a millionth of a cell so that a segment on a grid line marks the cells on both sides.
        const double ex = cell_w_ * 1e-6, ey = cell_h_ * 1e-6;
        const int c0 = column(std::min(a.x, b.x) - ex), c1 = column(std::max(a.x, b.x) + ex);
        const int r0 = row(std::min(a.y, b.y) - ey), r1 = row(std::max(a.y, b.y) + ey);
        for (int r = r0; r <= r1; ++r)
          for (int c = c0; c <= c1; ++c) cells_[index(c, r)] = kBoundary;
      }
  // Along a row, free cells between two boundary cells share one answer: one test per run.
  for (int r = 0; r < n_; ++r) {
    int c = 0;
    while (c < n_) {
      if (cells_[index(c, r)] == kBoundary) { ++c; continue; }
      const Coord centre{box_.min_x + (c + 0.5) * cell_w_, box_.min_y + (r + 0.5) * cell_h_};
      const Cell value = prepared_contains(prepared_, centre) ? kInside : kOutside;
      for (; c < n_ && cells_[index(c, r)] != kBoundary; ++c) cells_[index(c, r)] = value;
    }
  }
}

int PolygonRaster::column(double x) const {
  return std::clamp(static_cast<int>(std::floor((x - box_.min_x) / cell_w_)), 0, n_ - 1);
}
int PolygonRaster::row(double y) const {
  return std::clamp(static_cast<int>(std::floor((y - box_.min_y) / cell_h_)), 0, n_ - 1);
}

bool PolygonRaster::contains(const Coord& c) const {
  switch (cell_at(c)) {
    case kInside: return true;
    case kOutside: return false;
    default: return prepared_contains(prepared_, c);
  }
}

double PolygonRaster::boundary_share() const {
  return static_cast<double>(std::count(cells_.begin(), cells_.end(), kBoundary)) / static_cast<double>(cells_.size());
}

}  // namespace peta
