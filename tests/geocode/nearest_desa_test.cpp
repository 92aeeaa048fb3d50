// NearestDesa (geocode/nearest_desa.hpp) against every edge of every desa: for points inside Kabupaten
// Probolinggo, just outside it, and far off (at sea, up to 60 km), the desa and distance it finds are those of
// a brute-force scan of all 32,000 boundary edges, ties going to the lower desa index.
#include "geocode/nearest_desa.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "boundaries/boundary_loader.hpp"
#include "geocode/flat_desa.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

std::pair<int, double> brute_force(const FlatDesa& flat, const Coord& p) {
  std::pair<int, double> best{-1, std::numeric_limits<double>::infinity()};
  double best2 = best.second;
  for (std::size_t d = 0; d < flat.desa_count(); ++d)
    for (std::uint32_t r = flat.desa_rings[d]; r < flat.desa_rings[d + 1]; ++r)
      for (std::uint32_t k = flat.rings[r].begin; k + 1 < flat.rings[r].end; ++k) {
        const double d2 = segment_distance2(flat.metres[k], flat.metres[k + 1], p);
        if (d2 < best2) best2 = d2, best.first = static_cast<int>(d);
      }
  best.second = std::sqrt(best2);
  return best;
}

TEST(NearestDesa, EqualsABruteForceScanNearAndFar) {
  BoundarySettings s;
  s.desa = BoundarySource{test::data("probolinggo/desa.geojson")};
  const Boundaries b = load_boundaries(s).boundaries;
  const FlatDesa flat = flatten_desa(b);
  const NearestDesa nearest(flat);
  Box all = flat.bounds_metres[0];
  for (std::size_t d = 0; d < flat.desa_count(); ++d) all.expand(flat.bounds_metres[d]);
  std::mt19937_64 rng(20261206);
  int far = 0;
  for (int i = 0; i < 600; ++i) {
    // A third inside the kabupaten's box, the rest up to 60 km around it.
    const double margin = i % 3 == 0 ? 0.0 : 60000.0;
    std::uniform_real_distribution<double> x(all.min_x - margin, all.max_x + margin), y(all.min_y - margin, all.max_y + margin);
    const Coord p{x(rng), y(rng)};
    const auto expected = brute_force(flat, p);
    Coord on_boundary;
    const auto got = nearest.find(p, on_boundary);
    ASSERT_EQ(got.first, expected.first) << "point " << i << " at " << p.x << ", " << p.y;
    ASSERT_NEAR(got.second, expected.second, 1e-6) << "point " << i;
    EXPECT_NEAR(std::hypot(on_boundary.x - p.x, on_boundary.y - p.y), got.second, 1e-6) << "point " << i;
    far += expected.second > 20000;
  }
  EXPECT_GT(far, 100);  // the far points (where a window query used to hold hundreds of chains) are covered
}

}  // namespace
}  // namespace peta
