#include "geocode/nearest_desa.hpp"

#include <boost/container/small_vector.hpp>
#include <cmath>
#include <limits>
#include <numbers>

namespace peta {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Beyond this many visited cells the grid search hands over to a scan of every desa.
constexpr std::size_t kMaxVisitedCells = 1u << 16;

double box_distance(const Box& b, const Coord& p) {
  double dx = std::max({b.min_x - p.x, 0.0, p.x - b.max_x});
  double dy = std::max({b.min_y - p.y, 0.0, p.y - b.max_y});
  return std::hypot(dx, dy);
}

void keep_nearer(std::pair<int, double>& best, int desa, double d) {
  if (d < best.second || (d == best.second && desa < best.first)) best = {desa, d};
}

}  // namespace

NearestDesa::NearestDesa(const FlatDesa& flat, const CellIndex& index) : flat_(flat), index_(index) {
  // Any path that changes latitude by 1 degree is at least 110,574 m long on the ellipsoid, one that changes
  // longitude by 1 degree at least 111,320 m x cos(latitude) there; UTM scales lengths by >= 0.9996.
  // A 0.9 safety factor keeps these lower bounds for the search's stop test.
  const CellGrid& g = index.grid;
  double max_abs_lat = std::min(89.0, std::max(std::abs(g.y0), std::abs(g.y0 + g.ny * g.dy)));
  metres_per_dy_ = 0.9 * 110574.0;
  metres_per_dx_ = 0.9 * 111320.0 * std::cos(max_abs_lat * std::numbers::pi / 180);
}

std::pair<int, double> NearestDesa::find(const Coord& lonlat, const Coord& metres) const {
  if (flat_.desa_count() == 0) return {-1, kInf};
  if (index_.grid.contains(lonlat)) {
    bool gave_up = false;
    auto found = ring_search(lonlat, metres, gave_up);
    if (!gave_up) return found;
  }
  return scan_all(metres);
}

// Visits square rings of cells around the point's cell, from the first ring that can hold an edge, and stops
// once the nearest desa found is nearer than anything in the cells not yet visited.
std::pair<int, double> NearestDesa::ring_search(const Coord& p, const Coord& metres, bool& gave_up) const {
  const CellGrid& g = index_.grid;
  int col = g.column(p.x), row = g.row(p.y);
  std::pair<int, double> best{-1, kInf};
  boost::container::small_vector<int, 16> seen;
  std::size_t visited = 0;
  auto visit = [&](int c, int r) {
    if (c < 0 || r < 0 || c >= g.nx || r >= g.ny) return;
    ++visited;
    std::size_t cell = g.cell(c, r);
    for (std::uint32_t e = index_.cell_start[cell]; e < index_.cell_start[cell + 1]; ++e) {
      const CellEntry& entry = index_.entries[e];
      if (entry.detail == kCoversCell) continue;  // its boundary lies in other cells
      if (std::find(seen.begin(), seen.end(), entry.desa) != seen.end()) continue;
      seen.push_back(entry.desa);
      keep_nearer(best, entry.desa, boundary_distance_m(flat_, static_cast<std::size_t>(entry.desa), metres));
    }
  };
  for (int k = index_.edge_ring[g.cell(col, row)];; ++k) {
    if (k == 0) {
      visit(col, row);
    } else {
      for (int c = col - k; c <= col + k; ++c) {
        visit(c, row - k);
        visit(c, row + k);
      }
      for (int r = row - k + 1; r <= row + k - 1; ++r) {
        visit(col - k, r);
        visit(col + k, r);
      }
    }
    // The nearest a cell outside this square can be.
    double bound = kInf;
    if (col - k > 0) bound = std::min(bound, (p.x - (g.x0 + (col - k) * g.dx)) * metres_per_dx_);
    if (col + k < g.nx - 1) bound = std::min(bound, (g.x0 + (col + k + 1) * g.dx - p.x) * metres_per_dx_);
    if (row - k > 0) bound = std::min(bound, (p.y - (g.y0 + (row - k) * g.dy)) * metres_per_dy_);
    if (row + k < g.ny - 1) bound = std::min(bound, (g.y0 + (row + k + 1) * g.dy - p.y) * metres_per_dy_);
    if (bound == kInf || best.second < bound) return best;
    if (visited > kMaxVisitedCells) {
      gave_up = true;
      return best;
    }
  }
}

std::pair<int, double> NearestDesa::scan_all(const Coord& metres) const {
  std::size_t n = flat_.desa_count();
  std::size_t seed = 0;
  double seed_box = kInf;
  for (std::size_t d = 0; d < n; ++d) {
    double b = box_distance(flat_.bounds_metres[d], metres);
    if (b < seed_box) seed_box = b, seed = d;
  }
  std::pair<int, double> best{static_cast<int>(seed), boundary_distance_m(flat_, seed, metres)};
  for (std::size_t d = 0; d < n; ++d)
    if (d != seed && box_distance(flat_.bounds_metres[d], metres) <= best.second)
      keep_nearer(best, static_cast<int>(d), boundary_distance_m(flat_, d, metres));
  if (best.second == kInf) best.first = -1;  // no desa has a ring
  return best;
}

}  // namespace peta
