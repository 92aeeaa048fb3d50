#include "hotspots/dbscan.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numbers>
#include <numeric>
#include <string>

#include "core/crs.hpp"
#include "core/error.hpp"
#include "core/geos_handle.hpp"
#include "hotspots/permutation.hpp"

namespace peta {

namespace {

// Points bucketed in square cells of side eps / sqrt(2) (a hair less), so any two points of one cell are
// within eps of each other, and every neighbour of a point lies in the 5 x 5 block of cells around its
// own. Only non-empty cells are kept, sorted by (row, column); the cells of one row of the 5 x 5 block
// are then consecutive, so a block is 5 ranges of cells and, since points are stored cell by cell,
// 5 ranges of points.
struct CellGrid {
  double min_x = 0, min_y = 0, side = 1;
  std::vector<std::uint64_t> key;       // per cell: (row << 32) | column
  std::vector<std::size_t> start;       // per cell + 1: its first point (bucket position)
  std::vector<std::uint32_t> order;     // input index of each bucketed point
  std::vector<Coord> xy;                // coordinates in bucket order
  std::vector<std::uint32_t> cell_of;   // cell of each bucketed point
  std::vector<std::array<std::uint32_t, 10>> block;  // per cell: 5 [begin, end) ranges of cells
  std::vector<std::uint32_t> position;  // bucket position of each input index (UINT32_MAX: not finite)

  CellGrid(const std::vector<Coord>& points, double eps, unsigned threads) {
    position.assign(points.size(), UINT32_MAX);
    Box box;
    for (const auto& p : points)
      if (std::isfinite(p.x) && std::isfinite(p.y)) box.expand(p);
    start.assign(1, 0);
    if (box.empty()) return;
    side = eps / std::numbers::sqrt2 * (1 - 1e-9);
    min_x = box.min_x;
    min_y = box.min_y;
    if ((box.max_x - min_x) / side >= 4e9 || (box.max_y - min_y) / side >= 4e9)
      throw Error("dbscan: eps " + std::to_string(eps) + " m is too small for the extent of the points");
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed;
    keyed.reserve(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
      const auto& p = points[i];
      if (!(std::isfinite(p.x) && std::isfinite(p.y))) continue;
      const auto col = std::uint64_t((p.x - min_x) / side), row = std::uint64_t((p.y - min_y) / side);
      keyed.emplace_back((row << 32) | col, std::uint32_t(i));
    }
    std::sort(keyed.begin(), keyed.end());
    order.resize(keyed.size());
    xy.resize(keyed.size());
    cell_of.resize(keyed.size());
    for (std::size_t at = 0; at < keyed.size(); ++at) {
      if (at == 0 || keyed[at].first != keyed[at - 1].first) {
        if (at) start.push_back(at);
        key.push_back(keyed[at].first);
      }
      order[at] = keyed[at].second;
      xy[at] = points[keyed[at].second];
      cell_of[at] = std::uint32_t(key.size() - 1);
      position[keyed[at].second] = std::uint32_t(at);
    }
    start.push_back(keyed.size());
    block.resize(key.size());
    parallel_chunks(key.size(), threads, 4096, [&](std::size_t begin, std::size_t end) {
      for (std::size_t c = begin; c < end; ++c) {
        const std::int64_t row = std::int64_t(key[c] >> 32), col = std::int64_t(key[c] & 0xFFFFFFFFu);
        for (int d = 0; d < 5; ++d) {
          const std::int64_t r = row + d - 2;
          std::uint32_t b = 0, e = 0;
          if (r >= 0) {
            const std::uint64_t lo = (std::uint64_t(r) << 32) | std::uint64_t(std::max<std::int64_t>(0, col - 2));
            const std::uint64_t hi = (std::uint64_t(r) << 32) | std::uint64_t(col + 2);
            b = std::uint32_t(std::lower_bound(key.begin(), key.end(), lo) - key.begin());
            e = std::uint32_t(std::upper_bound(key.begin() + b, key.end(), hi) - key.begin());
          }
          block[c][2 * d] = b;
          block[c][2 * d + 1] = e;
        }
      }
    });
  }

  std::size_t cell_count() const { return key.size(); }
  std::size_t size(std::size_t c) const { return start[c + 1] - start[c]; }
};

bool within(const Coord& a, const Coord& b, double eps2) {
  const double dx = a.x - b.x, dy = a.y - b.y;
  return dx * dx + dy * dy <= eps2;
}

std::uint32_t find_root(std::vector<std::uint32_t>& parent, std::uint32_t a) {
  while (parent[a] != a) {
    parent[a] = parent[parent[a]];
    a = parent[a];
  }
  return a;
}

}  // namespace

DbscanLabels dbscan_labels(const std::vector<Coord>& points, double eps, std::size_t min_points, unsigned threads) {
  if (!(eps > 0) || !std::isfinite(eps)) throw Error("dbscan: eps must be a positive number of metres");
  if (min_points == 0) throw Error("dbscan: min_points must be at least 1");
  if (points.size() >= UINT32_MAX) throw Error("dbscan: too many points");
  const std::size_t n = points.size();
  const double eps2 = eps * eps;
  CellGrid grid(points, eps, threads);
  const std::size_t cells = grid.cell_count();

  // Core points. A cell holding min_points points is all core (its points are mutually within eps);
  // otherwise each point counts its neighbours in the 5 x 5 block until min_points.
  std::vector<std::uint8_t> core(grid.xy.size(), 0);
  parallel_chunks(cells, threads, 256, [&](std::size_t begin, std::size_t end) {
    for (std::size_t c = begin; c < end; ++c) {
      const std::size_t own = grid.size(c);
      if (own >= min_points) {
        std::fill(core.begin() + std::ptrdiff_t(grid.start[c]), core.begin() + std::ptrdiff_t(grid.start[c + 1]), 1);
        continue;
      }
      for (std::size_t at = grid.start[c]; at < grid.start[c + 1]; ++at) {
        std::size_t count = own;
        const Coord p = grid.xy[at];
        for (int d = 0; d < 5 && count < min_points; ++d) {
          const std::size_t b = grid.start[grid.block[c][2 * d]], e = grid.start[grid.block[c][2 * d + 1]];
          for (std::size_t q = b; q < e && count < min_points; ++q)
            count += grid.cell_of[q] != c && within(grid.xy[q], p, eps2);
        }
        core[at] = count >= min_points;
      }
    }
  });

  // Within each cell, core points first (so a cell's core points are start[c] .. start[c] + core_count[c]).
  std::vector<std::uint32_t> core_count(cells, 0);
  parallel_chunks(cells, threads, 1024, [&](std::size_t begin, std::size_t end) {
    for (std::size_t c = begin; c < end; ++c) {
      std::size_t write = grid.start[c];
      for (std::size_t at = grid.start[c]; at < grid.start[c + 1]; ++at)
        if (core[at]) {
          std::swap(grid.xy[write], grid.xy[at]);
          std::swap(grid.order[write], grid.order[at]);
          std::swap(core[write], core[at]);
          ++write;
        }
      core_count[c] = std::uint32_t(write - grid.start[c]);
      for (std::size_t at = grid.start[c]; at < grid.start[c + 1]; ++at) grid.position[grid.order[at]] = std::uint32_t(at);
    }
  });

  // Components of cells with core points: the core points of one cell are linked; two cells are linked
  // when some core point of one lies within eps of some core point of the other.
  auto linked = [&](std::size_t a, std::size_t b) {
    for (std::size_t p = grid.start[a]; p < grid.start[a] + core_count[a]; ++p)
      for (std::size_t q = grid.start[b]; q < grid.start[b] + core_count[b]; ++q)
        if (within(grid.xy[p], grid.xy[q], eps2)) return true;
    return false;
  };
  std::vector<std::uint32_t> parent(cells);
  std::iota(parent.begin(), parent.end(), 0u);
  for (std::size_t c = 0; c < cells; ++c) {
    if (!core_count[c]) continue;
    for (int d = 0; d < 5; ++d)
      for (std::size_t o = std::max<std::size_t>(grid.block[c][2 * d], c + 1); o < grid.block[c][2 * d + 1]; ++o) {
        if (!core_count[o]) continue;
        const std::uint32_t a = find_root(parent, std::uint32_t(c)), b = find_root(parent, std::uint32_t(o));
        if (a != b && linked(c, o)) parent[std::max(a, b)] = std::min(a, b);
      }
  }

  // Clusters numbered by their first core point in input order.
  DbscanLabels out;
  out.labels.assign(n, -1);
  out.core.assign(n, 0);
  std::vector<int> cluster_of_cell(cells, -1);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t at = grid.position[i];
    if (at == UINT32_MAX || !core[at]) continue;
    const std::uint32_t root = find_root(parent, grid.cell_of[at]);
    if (cluster_of_cell[root] < 0) cluster_of_cell[root] = out.cluster_count++;
    out.labels[i] = cluster_of_cell[root];
    out.core[i] = 1;
  }
  for (std::size_t c = 0; c < cells; ++c)
    if (core_count[c]) cluster_of_cell[c] = cluster_of_cell[find_root(parent, std::uint32_t(c))];

  // Border points: the lowest-numbered cluster among their core neighbours.
  parallel_chunks(cells, threads, 256, [&](std::size_t begin, std::size_t end) {
    for (std::size_t c = begin; c < end; ++c) {
      for (std::size_t at = grid.start[c] + core_count[c]; at < grid.start[c + 1]; ++at) {
        const Coord p = grid.xy[at];
        int best = -1;
        for (int d = 0; d < 5; ++d)
          for (std::size_t o = grid.block[c][2 * d]; o < grid.block[c][2 * d + 1]; ++o) {
            const int label = cluster_of_cell[o];
            if (!core_count[o] || (best >= 0 && label >= best)) continue;
            for (std::size_t q = grid.start[o]; q < grid.start[o] + core_count[o]; ++q)
              if (within(grid.xy[q], p, eps2)) {
                best = label;
                break;
              }
          }
        out.labels[grid.order[at]] = best;
      }
    }
  });
  return out;
}

namespace {

// Convex hull of points (metres) as a polygon; buffered when it has no area.
MultiPolygon cluster_hull(const std::vector<Coord>& pts, double buffer_m) {
  GEOSContextHandle_t h = geos_context().get();
  std::vector<GEOSGeometry*> parts;
  parts.reserve(pts.size());
  for (const auto& p : pts) parts.push_back(GEOSGeom_createPointFromXY_r(h, p.x, p.y));
  GeosGeom multipoint(GEOSGeom_createCollection_r(h, GEOS_MULTIPOINT, parts.data(), unsigned(parts.size())));
  GeosGeom hull(GEOSConvexHull_r(h, multipoint.get()));
  if (!hull) throw Error("dbscan: GEOS could not build a cluster hull");
  double area = 0;
  GEOSArea_r(h, hull.get(), &area);
  if (!(area > 0)) hull.reset(GEOSBuffer_r(h, hull.get(), buffer_m, 8));
  if (!hull) throw Error("dbscan: GEOS could not buffer a cluster hull");
  return multipolygon_from_geos(hull.get());
}

}  // namespace

DbscanResult dbscan(const std::vector<Coord>& lonlat, const std::vector<std::string>& categories,
                    const DbscanSettings& settings) {
  if (!categories.empty() && categories.size() != lonlat.size())
    throw Error("dbscan: " + std::to_string(categories.size()) + " categories for " + std::to_string(lonlat.size()) +
                " points");
  Ring metric(lonlat.begin(), lonlat.end());
  CrsTransform(kExchangeCrs, kMetricCrs).apply(metric);
  DbscanLabels labels = dbscan_labels(metric, settings.eps_m, settings.min_points, settings.threads);

  DbscanResult r;
  r.labels = std::move(labels.labels);
  r.core = std::move(labels.core);
  std::vector<int> category_index;
  if (!categories.empty()) {
    std::map<std::string, int> distinct;
    for (const auto& c : categories) distinct.emplace(c, 0);
    for (auto& [name, index] : distinct) index = int(r.categories.size()), r.categories.push_back(name);
    category_index.reserve(categories.size());
    for (const auto& c : categories) category_index.push_back(distinct[c]);
  }

  const std::size_t k = std::size_t(labels.cluster_count);
  r.clusters.resize(k);
  std::vector<std::vector<Coord>> members(k);
  std::vector<Coord> sum(k);
  for (std::size_t c = 0; c < k; ++c) {
    r.clusters[c].id = int(c);
    r.clusters[c].category_counts.assign(r.categories.size(), 0);
  }
  std::vector<std::uint8_t> started(k, 0);
  for (std::size_t i = 0; i < r.labels.size(); ++i) {
    const int label = r.labels[i];
    if (label < 0) {
      ++r.noise_count;
      continue;
    }
    auto& cl = r.clusters[std::size_t(label)];
    if (r.core[i] && !started[std::size_t(label)]) started[std::size_t(label)] = 1, cl.first_point = i;
    ++cl.size;
    cl.core_count += r.core[i];
    if (!category_index.empty()) ++cl.category_counts[std::size_t(category_index[i])];
    members[std::size_t(label)].push_back(metric[i]);
    sum[std::size_t(label)].x += metric[i].x;
    sum[std::size_t(label)].y += metric[i].y;
  }

  const double buffer = settings.hull_buffer_m > 0 ? settings.hull_buffer_m : settings.eps_m / 10;
  CrsTransform to_lonlat(kMetricCrs, kExchangeCrs);
  for (std::size_t c = 0; c < k; ++c) {
    auto& cl = r.clusters[c];
    cl.hull = cluster_hull(members[c], buffer);
    cl.hull_area_km2 = planar_area(cl.hull) / 1e6;
    to_lonlat.apply(cl.hull);
    cl.centre = to_lonlat.apply(Coord{sum[c].x / double(cl.size), sum[c].y / double(cl.size)});
  }
  return r;
}

}  // namespace peta
