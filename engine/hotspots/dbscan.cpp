#include "hotspots/dbscan.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <string>

#include "core/crs.hpp"
#include "core/error.hpp"
#include "core/geos_handle.hpp"
#include "hotspots/permutation.hpp"

namespace peta {

namespace {

// Points bucketed by grid cell (compressed rows over the cells), in cell order; within a cell in input order.
struct PointGrid {
  double min_x = 0, min_y = 0, cell = 1;
  long cols = 1, rows = 1;
  std::vector<std::size_t> cell_start;  // size cols * rows + 1
  std::vector<std::uint32_t> order;     // input index of each bucketed point
  std::vector<Coord> xy;                // coordinates in bucket order
  std::vector<std::uint32_t> position;  // bucket position of each input index (UINT32_MAX: not finite)

  PointGrid(const std::vector<Coord>& points, double eps) {
    Box box;
    std::size_t finite = 0;
    for (const auto& p : points)
      if (std::isfinite(p.x) && std::isfinite(p.y)) box.expand(p), ++finite;
    position.assign(points.size(), UINT32_MAX);
    if (finite == 0) {
      cell_start.assign(2, 0);
      return;
    }
    const double width = box.max_x - box.min_x, height = box.max_y - box.min_y;
    const double cap = double(std::max<std::size_t>(2 * finite, 1 << 16));
    cell = std::max(eps, std::sqrt(width * height / cap));
    auto dims = [&] { cols = long(width / cell) + 1, rows = long(height / cell) + 1; };
    dims();
    while (double(cols) * double(rows) > cap) cell *= 1.5, dims();
    min_x = box.min_x;
    min_y = box.min_y;
    std::vector<std::uint32_t> cell_of(points.size());
    cell_start.assign(std::size_t(cols * rows) + 1, 0);
    for (std::size_t i = 0; i < points.size(); ++i) {
      const auto& p = points[i];
      if (!(std::isfinite(p.x) && std::isfinite(p.y))) continue;
      cell_of[i] = std::uint32_t(cell_index(p));
      ++cell_start[cell_of[i] + 1];
    }
    std::partial_sum(cell_start.begin(), cell_start.end(), cell_start.begin());
    std::vector<std::size_t> fill(cell_start.begin(), cell_start.end() - 1);
    order.resize(finite);
    xy.resize(finite);
    for (std::size_t i = 0; i < points.size(); ++i) {
      const auto& p = points[i];
      if (!(std::isfinite(p.x) && std::isfinite(p.y))) continue;
      const std::size_t at = fill[cell_of[i]]++;
      order[at] = std::uint32_t(i);
      xy[at] = p;
      position[i] = std::uint32_t(at);
    }
  }

  long col_of(double x) const { return std::min(cols - 1, long((x - min_x) / cell)); }
  long row_of(double y) const { return std::min(rows - 1, long((y - min_y) / cell)); }
  std::size_t cell_index(const Coord& p) const { return std::size_t(row_of(p.y) * cols + col_of(p.x)); }

  // visit(bucket position q) for every point within eps of bucket position `at` (itself included);
  // stops early when visit returns false.
  template <class Visit>
  void neighbours(std::size_t at, double eps2, Visit&& visit) const {
    const Coord p = xy[at];
    const long c = col_of(p.x), r = row_of(p.y);
    for (long rr = std::max(0L, r - 1); rr <= std::min(rows - 1, r + 1); ++rr) {
      const std::size_t row_base = std::size_t(rr * cols);
      const std::size_t begin = cell_start[row_base + std::size_t(std::max(0L, c - 1))];
      const std::size_t end = cell_start[row_base + std::size_t(std::min(cols - 1, c + 1)) + 1];
      for (std::size_t q = begin; q < end; ++q) {
        const double dx = xy[q].x - p.x, dy = xy[q].y - p.y;
        if (dx * dx + dy * dy <= eps2 && !visit(q)) return;
      }
    }
  }
};

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
  const PointGrid grid(points, eps);
  const std::size_t m = grid.order.size();  // finite points, in bucket order

  // Core points (bucket order), counting neighbours until min_points.
  std::vector<std::uint8_t> core(m, 0);
  parallel_chunks(m, threads, 1024, [&](std::size_t begin, std::size_t end) {
    for (std::size_t at = begin; at < end; ++at) {
      std::size_t count = 0;
      grid.neighbours(at, eps2, [&](std::size_t) { return ++count < min_points; });
      core[at] = count >= min_points;
    }
  });

  // Components of core points (union-find over bucket positions).
  std::vector<std::uint32_t> parent(m);
  std::iota(parent.begin(), parent.end(), 0u);
  for (std::size_t at = 0; at < m; ++at) {
    if (!core[at]) continue;
    grid.neighbours(at, eps2, [&](std::size_t q) {
      if (q > at && core[q]) {
        const std::uint32_t a = find_root(parent, std::uint32_t(at)), b = find_root(parent, std::uint32_t(q));
        if (a != b) parent[std::max(a, b)] = std::min(a, b);
      }
      return true;
    });
  }

  // Clusters numbered by their first core point in input order.
  DbscanLabels out;
  out.labels.assign(n, -1);
  out.core.assign(n, 0);
  std::vector<int> cluster_of_root(m, -1);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t at = grid.position[i];
    if (at == UINT32_MAX || !core[at]) continue;
    const std::uint32_t root = find_root(parent, at);
    if (cluster_of_root[root] < 0) cluster_of_root[root] = out.cluster_count++;
    out.labels[i] = cluster_of_root[root];
    out.core[i] = 1;
  }

  // Border points: the lowest-numbered cluster among their core neighbours.
  parallel_chunks(m, threads, 1024, [&](std::size_t begin, std::size_t end) {
    for (std::size_t at = begin; at < end; ++at) {
      if (core[at]) continue;
      int best = -1;
      grid.neighbours(at, eps2, [&](std::size_t q) {
        if (core[q]) {
          const int label = out.labels[grid.order[q]];
          if (best < 0 || label < best) best = label;
        }
        return true;
      });
      out.labels[grid.order[at]] = best;
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
