// Hotspot engine on small fixtures built here, plus the published Columbus pin.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "hotspots/contiguity_weights.hpp"
#include "hotspots/distinct_draws.hpp"
#include "hotspots/eb_rates.hpp"
#include "hotspots/fdr.hpp"
#include "hotspots/getis_ord.hpp"
#include "hotspots/local_hotspots.hpp"
#include "hotspots/local_moran.hpp"
#include "hotspots/moran.hpp"
#include "hotspots/point_weights.hpp"
#include "hotspots/polygon_layer_reader.hpp"
#include "hotspots/weights_io.hpp"

namespace peta {
namespace {

MultiPolygon square(double x0, double y0, double x1, double y1) {
  Polygon p;
  p.rings.push_back({{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}});
  return MultiPolygon{{p}};
}

// 3 x 3 squares of 100 m, numbered row by row from the south-west.
std::vector<MultiPolygon> grid() {
  std::vector<MultiPolygon> out;
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 3; ++c) out.push_back(square(c * 100.0, r * 100.0, c * 100.0 + 100, r * 100.0 + 100));
  return out;
}

std::vector<SpatialWeights::Index> row(const SpatialWeights& w, std::size_t i) {
  auto s = w.neighbours(i);
  return {s.begin(), s.end()};
}

TEST(HotspotsWeights, QueenAndRookOnAGrid) {
  auto queen = contiguity_weights(grid());
  auto rook = contiguity_weights(grid(), {.rule = ContiguityRule::rook});
  EXPECT_EQ(row(queen, 4), (std::vector<SpatialWeights::Index>{0, 1, 2, 3, 5, 6, 7, 8}));
  EXPECT_EQ(row(queen, 0), (std::vector<SpatialWeights::Index>{1, 3, 4}));
  EXPECT_EQ(row(rook, 4), (std::vector<SpatialWeights::Index>{1, 3, 5, 7}));
  EXPECT_EQ(row(rook, 0), (std::vector<SpatialWeights::Index>{1, 3}));  // the corner touch with 4 is not rook
  EXPECT_EQ(queen.link_count(), 40u);
  EXPECT_EQ(rook.link_count(), 24u);
  auto exact_rook = contiguity_weights(grid(), {.rule = ContiguityRule::rook, .tolerance_m = 0, .rook_min_shared_m = 0});
  EXPECT_EQ(exact_rook, rook);
}

TEST(HotspotsWeights, ToleranceBridgesSliversAndOverlaps) {
  std::vector<MultiPolygon> units = {square(0, 0, 100, 100), square(100.5, 0, 200, 100),  // 0.5 m gap
                                     square(0, 99.7, 100, 200),                            // 0.3 m overlap with 0
                                     square(5000, 5000, 5100, 5100)};                      // an island
  auto strict = contiguity_weights(units, {.tolerance_m = 0});
  auto tolerant = contiguity_weights(units, {.tolerance_m = 1});
  EXPECT_EQ(row(strict, 0), (std::vector<SpatialWeights::Index>{2}));
  EXPECT_EQ(row(tolerant, 0), (std::vector<SpatialWeights::Index>{1, 2}));
  EXPECT_EQ(row(tolerant, 1), (std::vector<SpatialWeights::Index>{0, 2}));  // 1 and 2: 0.5 m at the corner
  EXPECT_EQ(tolerant.islands(), (std::vector<std::size_t>{3}));
  auto rook = contiguity_weights(units, {.rule = ContiguityRule::rook, .tolerance_m = 1});
  EXPECT_EQ(row(rook, 0), (std::vector<SpatialWeights::Index>{1, 2}));
  EXPECT_EQ(row(rook, 1), (std::vector<SpatialWeights::Index>{0}));  // only a corner near 2
  EXPECT_THROW(contiguity_weights(units, {.tolerance_m = -1}), Error);
}

TEST(HotspotsWeights, ThreadCountDoesNotChangeWeights) {
  auto one = contiguity_weights(grid(), {.threads = 1});
  auto two = contiguity_weights(grid(), {.threads = 2});
  EXPECT_EQ(one, two);
}

TEST(HotspotsWeights, SumsViewsAndLag) {
  // 0 -> 1 (2), 1 -> 0 (1), 1 -> 2 (3): asymmetric on purpose.
  SpatialWeights w({0, 1, 3, 3}, {1, 0, 2}, {2.0, 1.0, 3.0});
  EXPECT_DOUBLE_EQ(w.s0(), 6.0);
  // s1 = 1/2 * [(2+1)^2 * 2 + (3+0)^2 * 2] = 18
  EXPECT_DOUBLE_EQ(w.s1(), 18.0);
  // row sums 2, 4, 0; column sums 1, 2, 3 -> (3)^2 + (6)^2 + (3)^2 = 54
  EXPECT_DOUBLE_EQ(w.s2(), 54.0);
  EXPECT_FALSE(w.is_symmetric());
  auto r = w.row_standardised();
  EXPECT_DOUBLE_EQ(r.weight(1, 0), 0.25);
  EXPECT_DOUBLE_EQ(r.weight(1, 2), 0.75);
  EXPECT_EQ(r.islands(), (std::vector<std::size_t>{2}));
  auto s = w.binary().with_self();
  EXPECT_EQ(row(s, 1), (std::vector<SpatialWeights::Index>{0, 1, 2}));
  EXPECT_DOUBLE_EQ(s.weight(2, 2), 1.0);
  EXPECT_EQ(s.islands(), (std::vector<std::size_t>{2}));
  EXPECT_EQ(w.lag({1.0, 10.0, 100.0}), (std::vector<double>{20.0, 301.0, 0.0}));
  EXPECT_THROW(SpatialWeights({0, 2}, {0, 0}, {1.0, 1.0}), Error);  // duplicate in a row
}

TEST(HotspotsWeights, KnnBreaksTiesByIndexAndDistanceBandWeighs) {
  std::vector<Coord> pts = {{0, 0}, {1, 0}, {2, 0}, {3, 0}, {10, 0}};
  auto knn = knn_weights(pts, 1);
  EXPECT_EQ(row(knn, 1), (std::vector<SpatialWeights::Index>{0}));  // 0 and 2 tie: the lower index
  EXPECT_EQ(row(knn, 4), (std::vector<SpatialWeights::Index>{3}));
  auto knn2 = knn_weights(pts, 2);
  EXPECT_EQ(row(knn2, 2), (std::vector<SpatialWeights::Index>{1, 3}));
  auto band = distance_band_weights(pts, {.threshold_m = 2.0, .binary = false, .alpha = -1.0});
  EXPECT_EQ(row(band, 0), (std::vector<SpatialWeights::Index>{1, 2}));  // 2 m is inside the band
  EXPECT_DOUBLE_EQ(band.weight(0, 2), 0.5);
  EXPECT_EQ(band.islands(), (std::vector<std::size_t>{4}));
  EXPECT_DOUBLE_EQ(min_threshold_distance(pts), 7.0);
  EXPECT_THROW(knn_weights(pts, 5), Error);
}

TEST(HotspotsWeights, GalAndGwtFilesRoundTrip) {
  auto w = contiguity_weights(grid());
  std::vector<std::string> ids;
  for (int i = 0; i < 9; ++i) ids.push_back("35.13.01.200" + std::to_string(i + 1));
  auto dir = std::filesystem::temp_directory_path() / ("peta_hotspots_io_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  write_gal((dir / "grid.gal").string(), w, ids);
  EXPECT_EQ(read_gal((dir / "grid.gal").string(), ids), w);
  std::ifstream gal(dir / "grid.gal");
  std::string header, first, second;
  std::getline(gal, header);
  std::getline(gal, first);
  std::getline(gal, second);
  EXPECT_EQ(header, "0 9 desa kode");
  EXPECT_EQ(first, "35.13.01.2001 3");
  EXPECT_EQ(second, "35.13.01.2002 35.13.01.2004 35.13.01.2005");
  write_gwt((dir / "grid.gwt").string(), w.row_standardised(), ids);
  std::ifstream gwt(dir / "grid.gwt");
  std::getline(gwt, header);
  std::getline(gwt, first);
  EXPECT_EQ(first, "35.13.01.2001 35.13.01.2002 0.3333333333333333");
  std::size_t lines = 1;
  for (std::string l; std::getline(gwt, l);) ++lines;
  EXPECT_EQ(lines, w.link_count());
  EXPECT_THROW(write_gal((dir / "bad.gal").string(), w, {"a"}), Error);
  EXPECT_THROW(read_gal((dir / "missing.gal").string(), ids), Error);
  std::filesystem::remove_all(dir);
}

TEST(HotspotsStatistics, FdrAndBins) {
  // esda.fdr: sorted descending p against k * alpha / n; 0.01 < 2 * 0.05 / 5 = 0.02 is the first pass.
  EXPECT_DOUBLE_EQ(fdr_threshold({0.5, 0.01, 0.3, 0.04, 0.001}, 0.05), 0.02);
  EXPECT_DOUBLE_EQ(fdr_threshold({0.5, 0.6}, 0.05), 0.00005);
  const double levels[3] = {0.01, 0.05, 0.10};
  EXPECT_EQ(confidence_bin(2.7, normal_p_two_sided(2.7), levels, false), 3);
  EXPECT_EQ(confidence_bin(-2.0, normal_p_two_sided(-2.0), levels, false), -2);
  EXPECT_EQ(confidence_bin(1.7, normal_p_two_sided(1.7), levels, false), 1);
  EXPECT_EQ(confidence_bin(1.6, normal_p_two_sided(1.6), levels, false), 0);
  EXPECT_NEAR(normal_p_two_sided(1.959963984540054), 0.05, 1e-12);
}

TEST(HotspotsStatistics, PermutationsAreReproducibleAcrossThreadCounts) {
  std::vector<MultiPolygon> units;
  for (int r = 0; r < 12; ++r)
    for (int c = 0; c < 12; ++c) units.push_back(square(c * 10.0, r * 10.0, c * 10.0 + 10, r * 10.0 + 10));
  auto w = contiguity_weights(units, {.tolerance_m = 0});
  std::vector<double> y;
  for (std::size_t i = 0; i < units.size(); ++i) y.push_back(double((i * 7919) % 101) + (i % 12 < 4 ? 60.0 : 0.0));
  LocalSettings one, two, other_seed;
  one.permutation.threads = 1;
  two.permutation.threads = 2;
  other_seed.permutation.seed = 99;
  auto a = local_moran(w, y, one), b = local_moran(w, y, two), c = local_moran(w, y, other_seed);
  EXPECT_EQ(a.p_sim, b.p_sim);
  EXPECT_EQ(a.z_sim, b.z_sim);
  EXPECT_NE(a.p_sim, c.p_sim);
  GetisOrdSettings g1, g2;
  g1.permutation.threads = 1;
  g2.permutation.threads = 2;
  EXPECT_EQ(getis_ord_star(w, y, g1).p_sim, getis_ord_star(w, y, g2).p_sim);
  GlobalMoranSettings m1, m2;
  m1.permutation.threads = 1;
  m2.permutation.threads = 2;
  EXPECT_EQ(global_moran(w, y, m1).p_sim, global_moran(w, y, m2).p_sim);
  // One pass for both statistics gives exactly what each gives alone.
  auto both = local_hotspots(w, y, one, g1);
  EXPECT_EQ(both.moran.p_sim, a.p_sim);
  EXPECT_EQ(both.moran.Ii, a.Ii);
  EXPECT_EQ(both.moran.cluster, a.cluster);
  auto gi_alone = getis_ord_star(w, y, g1);
  EXPECT_EQ(both.gi_star.p_sim, gi_alone.p_sim);
  EXPECT_EQ(both.gi_star.z, gi_alone.z);
  EXPECT_EQ(both.gi_star.bin, gi_alone.bin);
  // The west third is high: it is significant High-High, and FDR keeps no more than alpha does.
  EXPECT_EQ(a.cluster[12 * 6 + 1], kHighHigh);
  LocalSettings fdr = one;
  fdr.fdr = true;
  auto f = local_moran(w, y, fdr);
  EXPECT_LE(std::count(f.significant.begin(), f.significant.end(), 1),
            std::count(a.significant.begin(), a.significant.end(), 1));
}

// The register-resident duplicate check draws exactly what the scan draws, for every slot count it serves,
// and each round holds k distinct observations other than self. With n = 20 and k = 19 every round is a
// whole permutation of the others, so repeats are drawn (and must be discarded) in nearly every round.
TEST(HotspotsStatistics, RoundDrawsEqualTheScanForEverySlotCount) {
  for (std::uint32_t n : {20u, 40u, 8494u}) {
    for (std::uint32_t k = 1; k <= 19; ++k) {
      const std::uint32_t self = 7 % n;
      RandomStream fast(stream_seed(1, k * 1000 + n)), scan(stream_seed(1, k * 1000 + n));
      std::vector<std::uint32_t> a(k), b(k);
      for (int round = 0; round < 200; ++round) {
        draw_round(fast, n - 1, self, k, a.data());
        draw_round_by_scan(scan, n - 1, self, k, b.data());
        ASSERT_EQ(a, b) << "n " << n << " k " << k << " round " << round;
        std::vector<std::uint32_t> sorted = a;
        std::sort(sorted.begin(), sorted.end());
        ASSERT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end());
        ASSERT_EQ(std::count(a.begin(), a.end(), self), 0);
        ASSERT_LT(sorted.back(), n);
      }
      // Both streams stand at the same place: the same number of draws was taken, repeats included.
      EXPECT_EQ(fast.next(), scan.next());
    }
  }
}

TEST(HotspotsStatistics, EmpiricalBayesShrinksSmallBases) {
  std::vector<double> e = {0, 5, 50, 2}, b = {10, 1000, 10000, 100};
  auto eb = empirical_bayes_rates(e, b);
  const double prior = 57.0 / 11110.0;
  EXPECT_GT(eb[0], 0.0);                                     // 0/10 pulled towards the prior
  // Shrinkage grows as the base shrinks: the 10-person unit lands almost on the prior, the 10,000 one
  // moves much less in proportion to its distance from the prior.
  EXPECT_LT(std::fabs(eb[0] - prior) / prior, 0.01);
  EXPECT_LT(std::fabs(eb[2] - 0.005) / std::fabs(0.005 - prior), std::fabs(eb[0] - 0.0) / prior);
  auto crude = crude_rates({1, 2}, {1000, 0}, 1000);
  EXPECT_DOUBLE_EQ(crude[0], 1.0);
  EXPECT_TRUE(std::isnan(crude[1]));
  EXPECT_THROW(empirical_bayes_rates({1}, {1, 2}), Error);
}

// Published reference: Columbus crime (Anselin 1988), queen contiguity, row-standardised:
// Moran's I of CRIME = 0.500188557 (PySAL esda docs; R spdep moran.test gives the same).
TEST(HotspotsColumbus, QueenEqualsColumbusGalAndMoranPin) {
  const std::string dir = "/usr/lib/python3/dist-packages/libpysal/examples/columbus/";
  auto layer = read_polygon_layer(dir + "columbus.shp", "", "POLYID", {"CRIME"});
  ASSERT_EQ(layer.polygons.size(), 49u);
  auto queen = contiguity_weights(layer.polygons, {.tolerance_m = 0});  // planar coordinates as shipped
  EXPECT_EQ(queen, read_gal(dir + "columbus.gal", layer.ids));
  EXPECT_EQ(queen.link_count(), 236u);
  std::vector<double> crime;
  for (const auto& a : layer.attributes) crime.push_back(std::stod(a[0]));
  auto m = global_moran(queen, crime);
  EXPECT_NEAR(m.I, 0.500188557, 1e-9);
  EXPECT_NEAR(m.I, 0.5001885571828611, 1e-12);  // libpysal 4.7 + numpy on columbus.gal, this machine
  EXPECT_NEAR(m.expected, -1.0 / 48, 1e-15);
  EXPECT_LT(m.p_sim, 0.01);
}

}  // namespace
}  // namespace peta
