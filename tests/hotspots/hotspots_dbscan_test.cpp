// DBSCAN: exact labels on hand-made clusters, the same labels as a brute-force O(n²) DBSCAN (sklearn's
// in-order expansion) and as sklearn.cluster.DBSCAN itself, hulls and counts per category.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <numbers>

#include "core/crs.hpp"
#include "core/error.hpp"
#include "hotspots/dbscan.hpp"
#include "hotspots/permutation.hpp"
#include "reference_script.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

// sklearn's algorithm written plainly: core by counting all points within eps (self included); then in
// input order every unlabelled core point starts a cluster that grows through core points; a point gets
// the label of the first cluster that reaches it (so a border point joins the lowest-numbered cluster).
DbscanLabels brute_force_dbscan(const std::vector<Coord>& p, double eps, std::size_t min_points) {
  const std::size_t n = p.size();
  auto near = [&](std::size_t i, std::size_t j) {
    const double dx = p[i].x - p[j].x, dy = p[i].y - p[j].y;
    return dx * dx + dy * dy <= eps * eps;
  };
  DbscanLabels out;
  out.labels.assign(n, -1);
  out.core.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t count = 0;
    for (std::size_t j = 0; j < n; ++j) count += near(i, j);
    out.core[i] = count >= min_points;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (out.labels[i] != -1 || !out.core[i]) continue;
    const int label = out.cluster_count++;
    std::vector<std::size_t> stack{i};
    out.labels[i] = label;
    while (!stack.empty()) {
      const std::size_t a = stack.back();
      stack.pop_back();
      if (!out.core[a]) continue;
      for (std::size_t b = 0; b < n; ++b)
        if (out.labels[b] == -1 && near(a, b)) {
          out.labels[b] = label;
          stack.push_back(b);
        }
    }
  }
  return out;
}

// 2,000 points over 4 km x 4 km: 12 Gaussian blobs (sd 40-120 m) and a uniform background.
std::vector<Coord> random_points(std::uint64_t seed) {
  RandomStream rng(seed);
  auto uniform = [&] { return double(rng.next() >> 11) * 0x1.0p-53; };
  auto gaussian = [&] {
    const double u = std::max(uniform(), 1e-300), v = uniform();
    return std::sqrt(-2 * std::log(u)) * std::cos(2 * std::numbers::pi * v);
  };
  std::vector<Coord> centres;
  std::vector<double> sd;
  for (int c = 0; c < 12; ++c) centres.push_back({uniform() * 4000, uniform() * 4000}), sd.push_back(40 + 80 * uniform());
  std::vector<Coord> pts;
  for (int k = 0; k < 2000; ++k) {
    if (k % 3 == 0) {
      pts.push_back({uniform() * 4000, uniform() * 4000});
    } else {
      const std::size_t c = rng.below(12);
      pts.push_back({centres[c].x + sd[c] * gaussian(), centres[c].y + sd[c] * gaussian()});
    }
  }
  return pts;
}

TEST(Dbscan, HandMadeClustersHaveExactLabels) {
  const std::vector<Coord> pts{
      {30, 0}, {35, 0}, {30, 5}, {35, 5},  // square S2: every point has 4 neighbours -> core, cluster 0
      {500, 500},                          // noise
      {17.5, -5},                          // within 13.46 m of (5,0) and of (30,0) only: border of both -> 0
      {0, 0}, {5, 0}, {0, 5}, {5, 5},      // square S1: core, cluster 1 (its first core point is index 6)
      {-12, 0},                            // within 12 and 13 m of (0,0) and (0,5): border of S1
      {std::nan(""), 1},                   // not a point: noise
  };
  const auto r = dbscan_labels(pts, 15, 4, 2);
  EXPECT_EQ(r.cluster_count, 2);
  EXPECT_EQ(r.labels, (std::vector<int>{0, 0, 0, 0, -1, 0, 1, 1, 1, 1, 1, -1}));
  EXPECT_EQ(r.core, (std::vector<std::uint8_t>{1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0}));
  const auto brute = brute_force_dbscan({pts.begin(), pts.end() - 1}, 15, 4);
  EXPECT_EQ(std::vector<int>(r.labels.begin(), r.labels.end() - 1), brute.labels);

  // min_points 1: every point is core; eps exactly reached counts as a neighbour.
  const auto all = dbscan_labels({{0, 0}, {10, 0}, {30, 0}}, 10, 1);
  EXPECT_EQ(all.labels, (std::vector<int>{0, 0, 1}));
  EXPECT_EQ(all.core, (std::vector<std::uint8_t>{1, 1, 1}));

  EXPECT_THROW(dbscan_labels(pts, 0, 4), Error);
  EXPECT_THROW(dbscan_labels(pts, 10, 0), Error);
}

TEST(Dbscan, SameLabelsAsBruteForceOn2000RandomPoints) {
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    const auto pts = random_points(seed);
    for (auto [eps, min_points] : {std::pair{40.0, 5u}, std::pair{80.0, 10u}, std::pair{25.0, 3u}}) {
      const auto brute = brute_force_dbscan(pts, eps, min_points);
      const auto fast = dbscan_labels(pts, eps, min_points, 2);
      ASSERT_GT(brute.cluster_count, 3) << "seed " << seed << " eps " << eps;
      EXPECT_EQ(fast.cluster_count, brute.cluster_count) << "seed " << seed << " eps " << eps;
      EXPECT_EQ(fast.core, brute.core) << "seed " << seed << " eps " << eps;
      EXPECT_EQ(fast.labels, brute.labels) << "seed " << seed << " eps " << eps;
      EXPECT_EQ(dbscan_labels(pts, eps, min_points, 1).labels, fast.labels);
    }
  }
}

TEST(Dbscan, SameLabelsAsScikitLearn) {
  const auto pts = random_points(7);
  const std::string dir = test::temp_dir("dbscan-sklearn");
  {
    std::ofstream csv(dir + "/points.csv");
    char line[96];
    for (const auto& p : pts) std::snprintf(line, sizeof line, "%.17g,%.17g\n", p.x, p.y), csv << line;
  }
  // One Python run answers both settings (importing sklearn takes most of the time).
  const std::vector<std::pair<double, std::size_t>> runs{{40.0, 5}, {80.0, 10}};
  std::vector<std::string> arguments;
  for (auto [eps, min_points] : runs) arguments.push_back(std::to_string(eps) + ":" + std::to_string(min_points));
  // scripts/setup.sh installs python3-sklearn.
  const auto ref = test::run_reference_script("dbscan_reference.py", dir + "/points.csv", arguments);
  ASSERT_EQ(ref.size(), runs.size());
  for (std::size_t k = 0; k < runs.size(); ++k) {
    const auto [eps, min_points] = runs[k];
    const auto fast = dbscan_labels(pts, eps, min_points);
    std::vector<int> core_indices;
    for (std::size_t i = 0; i < pts.size(); ++i)
      if (fast.core[i]) core_indices.push_back(int(i));
    EXPECT_GT(fast.cluster_count, 3);
    EXPECT_EQ(core_indices, ref[k]["core"].get<std::vector<int>>()) << "eps " << eps;
    EXPECT_EQ(fast.labels, ref[k]["labels"].get<std::vector<int>>()) << "eps " << eps;
  }
}

TEST(Dbscan, HullsAndCountsPerCategoryInLonLat) {
  // Built in metres around a point of Probolinggo, handed over in lon/lat.
  const Coord base = CrsTransform(kExchangeCrs, kMetricCrs).apply({113.2, -7.8});
  CrsTransform to_lonlat(kMetricCrs, kExchangeCrs);
  std::vector<Coord> lonlat;
  std::vector<std::string> category;
  auto add = [&](double dx, double dy, const std::string& c) {
    lonlat.push_back(to_lonlat.apply({base.x + dx, base.y + dy}));
    category.push_back(c);
  };
  // Cluster 0: a 100 m x 100 m grid of 5 x 5 points, 25 m apart: hull area 0.01 km².
  for (int i = 0; i < 5; ++i)
    for (int j = 0; j < 5; ++j) add(i * 25.0, j * 25.0, (i + j) % 3 == 0 ? "stunting" : "jalan_rusak");
  add(5000, 5000, "kemiskinan");  // noise
  // Cluster 1: two points 20 m apart (min_points 2): a buffered segment.
  add(2000, 0, "kemiskinan");
  add(2020, 0, "stunting");

  DbscanSettings settings;
  settings.eps_m = 30;
  settings.min_points = 2;
  settings.hull_buffer_m = 5;
  const auto r = dbscan(lonlat, category, settings);
  EXPECT_EQ(r.categories, (std::vector<std::string>{"jalan_rusak", "kemiskinan", "stunting"}));
  ASSERT_EQ(r.clusters.size(), 2u);
  EXPECT_EQ(r.noise_count, 1u);
  EXPECT_EQ(r.labels[25], -1);

  const auto& grid = r.clusters[0];
  EXPECT_EQ(grid.size, 25u);
  EXPECT_EQ(grid.core_count, 25u);
  EXPECT_EQ(grid.first_point, 0u);
  // (i + j) % 3 == 0 for 8 of the 25 (i, j) pairs: i + j = 0 (1 pair), 3 (4 pairs), 6 (3 pairs).
  EXPECT_EQ(grid.category_counts, (std::vector<std::size_t>{17, 0, 8}));
  EXPECT_NEAR(grid.hull_area_km2, 0.01, 1e-9);
  ASSERT_EQ(grid.hull.parts.size(), 1u);
  EXPECT_GE(grid.hull.parts[0].rings[0].size(), 5u);  // a square, closed
  const Box b = grid.hull.bounds();
  EXPECT_NEAR(b.min_x, 113.2, 2e-5);  // lon/lat, the first point is a corner
  EXPECT_NEAR(b.max_y, -7.8 + 100 / 110574.0, 2e-5);
  const Coord centre_m = CrsTransform(kExchangeCrs, kMetricCrs).apply(grid.centre);
  EXPECT_NEAR(centre_m.x - base.x, 50, 1e-6);
  EXPECT_NEAR(centre_m.y - base.y, 50, 1e-6);

  const auto& pair = r.clusters[1];
  EXPECT_EQ(pair.size, 2u);
  EXPECT_EQ(pair.first_point, 26u);
  EXPECT_EQ(pair.category_counts, (std::vector<std::size_t>{0, 1, 1}));
  // A 20 m segment buffered by 5 m: 2 x 5 x 20 + pi 5² = 278.5 m² (a little less with 8 segments a quadrant).
  EXPECT_NEAR(pair.hull_area_km2 * 1e6, 200 + std::numbers::pi * 25, 1.0);

  EXPECT_THROW(dbscan(lonlat, {"a"}, settings), Error);
}

}  // namespace
}  // namespace peta
