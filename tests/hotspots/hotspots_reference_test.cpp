// The hotspot engine against PySAL on the real Probolinggo desa: tests/reference/hotspots_reference.py
// (run here with Debian's /usr/bin/python3) builds libpysal weights and numpy versions of the esda
// formulas; this file compares. Deterministic values must agree within 1e-9, permutation p-values
// statistically.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "hotspots/contiguity_weights.hpp"
#include "hotspots/eb_rates.hpp"
#include "hotspots/fdr.hpp"
#include "hotspots/getis_ord.hpp"
#include "hotspots/local_moran.hpp"
#include "hotspots/metric_geometry.hpp"
#include "hotspots/moran.hpp"
#include "hotspots/point_weights.hpp"
#include "hotspots/polygon_layer_reader.hpp"
#include "reference_script.hpp"

namespace peta {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::string kDesa = std::string(PETA_SHARED_DATA) + "/probolinggo/desa.geojson";

struct Fixture {
  json ref;
  PolygonLayer layer;
  std::vector<MultiPolygon> metric;
};

const Fixture& fixture() {
  static const Fixture f = [] {
    Fixture f;
    f.ref = test::run_reference_script("hotspots_reference.py", kDesa);
    f.layer = read_polygon_layer(kDesa, "", "kode");
    f.metric = project_to_metric(f.layer.polygons);
    return f;
  }();
  return f;
}

SpatialWeights weights_from(const json& lists) {
  std::vector<std::vector<SpatialWeights::Index>> rows;
  for (const auto& row : lists) rows.push_back(row.get<std::vector<SpatialWeights::Index>>());
  return SpatialWeights::from_lists(std::move(rows));
}

std::vector<double> doubles(const json& j) { return j.get<std::vector<double>>(); }

// Links (i, j) in a but not in b.
std::size_t links_missing(const SpatialWeights& a, const SpatialWeights& b) {
  std::size_t missing = 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    for (auto j : a.neighbours(i)) missing += b.weight(i, j) == 0;
  return missing;
}

double max_abs_diff(const std::vector<double>& a, const std::vector<double>& b) {
  EXPECT_EQ(a.size(), b.size());
  double m = 0;
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) m = std::max(m, std::fabs(a[i] - b[i]));
  return m;
}

TEST(HotspotsVsPysal, SameUnitsInSameOrder) {
  const auto& f = fixture();
  ASSERT_EQ(f.ref["n"].get<std::size_t>(), 330u);
  EXPECT_EQ(f.layer.ids, f.ref["kode"].get<std::vector<std::string>>());
  // Centroids in EPSG:32749 (GEOS centroid after PROJ) equal geopandas' to_crs(32749).centroid.
  auto ours = centroids(f.metric);
  double worst = 0;
  for (std::size_t i = 0; i < ours.size(); ++i) {
    worst = std::max(worst, std::fabs(ours[i].x - f.ref["centroids"][i][0].get<double>()));
    worst = std::max(worst, std::fabs(ours[i].y - f.ref["centroids"][i][1].get<double>()));
  }
  std::cout << "centroid max abs diff (m): " << worst << "\n";
  EXPECT_LT(worst, 1e-6);
}

TEST(HotspotsVsPysal, QueenWithoutToleranceEqualsFuzzyContiguity) {
  const auto& f = fixture();
  auto ours = contiguity_weights(f.metric, {.rule = ContiguityRule::queen, .tolerance_m = 0.0});
  EXPECT_EQ(ours, weights_from(f.ref["weights"]["fuzzy_intersects"]));
  EXPECT_EQ(ours.link_count(), 1798u);
  // libpysal's Queen needs exactly shared vertices: every one of its links is ours, and the raw data's
  // overlaps and vertex-on-edge touches give 42 more links (21 pairs).
  auto pysal_queen = weights_from(f.ref["weights"]["libpysal_queen"]);
  EXPECT_EQ(pysal_queen.link_count(), 1756u);
  EXPECT_EQ(links_missing(pysal_queen, ours), 0u);
  EXPECT_EQ(links_missing(ours, pysal_queen), 42u);
}

TEST(HotspotsVsPysal, QueenWithOneMetreEqualsFuzzyContiguityOnHalfMetreBuffers) {
  const auto& f = fixture();
  auto ours = contiguity_weights(f.metric);  // queen, 1 m
  auto fuzzy = weights_from(f.ref["weights"]["fuzzy_buffer_0_5m"]);
  EXPECT_EQ(ours, fuzzy);
  EXPECT_EQ(ours.link_count(), 1800u);
  ASSERT_EQ(ours.islands().size(), 1u);
  EXPECT_EQ(f.layer.ids[ours.islands()[0]], "35.13.21.2013");  // Gili Ketapang
  EXPECT_TRUE(ours.is_symmetric());
}

TEST(HotspotsVsPysal, RookContainsLibpysalRook) {
  const auto& f = fixture();
  auto pysal_rook = weights_from(f.ref["weights"]["libpysal_rook"]);
  auto exact = contiguity_weights(f.metric, {.rule = ContiguityRule::rook, .tolerance_m = 0.0, .rook_min_shared_m = 0.0});
  auto tolerant = contiguity_weights(f.metric, {.rule = ContiguityRule::rook});
  std::cout << "rook links: libpysal " << pysal_rook.link_count() << ", tolerance 0: " << exact.link_count()
            << ", tolerance 1 m / 4 m shared: " << tolerant.link_count() << "\n";
  EXPECT_EQ(pysal_rook.link_count(), 1616u);
  EXPECT_EQ(links_missing(pysal_rook, exact), 0u);
  EXPECT_EQ(links_missing(pysal_rook, tolerant), 0u);
  EXPECT_EQ(links_missing(tolerant, contiguity_weights(f.metric)), 0u);  // rook within queen
}

TEST(HotspotsVsPysal, KnnAndDistanceBandEqualLibpysal) {
  const auto& f = fixture();
  auto points = centroids(f.metric);
  EXPECT_EQ(knn_weights(points, 6), weights_from(f.ref["weights"]["knn6"]));
  auto band = distance_band_weights(points, {.threshold_m = 3000.0});
  EXPECT_EQ(band, weights_from(f.ref["weights"]["band3000"]));
  EXPECT_EQ(band.islands().size(), 9u);
}

TEST(HotspotsVsPysal, GlobalMoranEqualsTextbook) {
  const auto& f = fixture();
  const auto& ref = f.ref["global_moran"];
  auto w = weights_from(f.ref["weights"]["fuzzy_intersects"]);
  auto rate = doubles(f.ref["rate_per_1000"]);
  GlobalMoranSettings settings;
  settings.permutation.permutations = 99;
  auto m = global_moran(w, rate, settings);
  auto rw = w.row_standardised();
  EXPECT_NEAR(rw.s0(), ref["s0"].get<double>(), 1e-9);
  EXPECT_NEAR(rw.s1(), ref["s1"].get<double>(), 1e-9);
  EXPECT_NEAR(rw.s2(), ref["s2"].get<double>(), 1e-9);
  EXPECT_NEAR(m.I, ref["I"].get<double>(), 1e-9);
  EXPECT_NEAR(m.expected, ref["EI"].get<double>(), 1e-15);
  EXPECT_NEAR(m.variance_normal, ref["VI_norm"].get<double>(), 1e-12);
  EXPECT_NEAR(m.variance_randomisation, ref["VI_rand"].get<double>(), 1e-12);
  EXPECT_NEAR(m.z_normal, ref["z_norm"].get<double>(), 1e-9);
  EXPECT_NEAR(m.z_randomisation, ref["z_rand"].get<double>(), 1e-9);
  EXPECT_NEAR(m.p_normal / ref["p_norm"].get<double>(), 1.0, 1e-6);  // ~1e-88: compare relatively
  EXPECT_NEAR(m.p_randomisation / ref["p_rand"].get<double>(), 1.0, 1e-6);
  EXPECT_DOUBLE_EQ(m.p_sim, 0.01);  // I = 0.674 is beyond every one of 99 permutations
  std::cout << "global Moran I " << m.I << " |diff| " << std::fabs(m.I - ref["I"].get<double>()) << "\n";
}

TEST(HotspotsVsPysal, LocalMoranAndGiStarEqualTextbook) {
  const auto& f = fixture();
  auto w = weights_from(f.ref["weights"]["fuzzy_intersects"]);
  auto rate = doubles(f.ref["rate_per_1000"]);
  LocalSettings settings;
  auto lm = local_moran(w, rate, settings);
  const auto& rl = f.ref["local_moran"];
  const double d_is = max_abs_diff(lm.Ii, doubles(rl["Is"]));
  EXPECT_LT(d_is, 1e-9);
  EXPECT_LT(max_abs_diff(lm.z, doubles(rl["z"])), 1e-9);
  EXPECT_LT(max_abs_diff(lm.lag, doubles(rl["lag"])), 1e-9);
  EXPECT_EQ(lm.quadrant, rl["q"].get<std::vector<int>>());

  auto gi = getis_ord_star(w, rate, {});
  const auto& rg = f.ref["g_star"];
  const double d_g = max_abs_diff(gi.G, doubles(rg["Gs"]));
  const double d_z = max_abs_diff(gi.z, doubles(rg["Zs"]));
  EXPECT_LT(d_g, 1e-12);
  EXPECT_LT(max_abs_diff(gi.expected, doubles(rg["EGs"])), 1e-15);
  EXPECT_LT(max_abs_diff(gi.variance, doubles(rg["VGs"])), 1e-15);
  EXPECT_LT(d_z, 1e-9);
  EXPECT_LT(max_abs_diff(gi.p_norm, doubles(rg["p_norm2"])), 1e-9);
  // Gili Ketapang has no neighbour: no bin, no cluster.
  const std::size_t island = w.islands().at(0);
  EXPECT_EQ(gi.bin[island], 0);
  EXPECT_EQ(lm.cluster[island], 0);
  EXPECT_DOUBLE_EQ(lm.p_sim[island], 1.0);
  std::cout << "max |diff| Ii " << d_is << ", Gi* G " << d_g << ", Gi* z " << d_z << "\n";
}

TEST(HotspotsVsPysal, PermutationPValuesAgreeStatistically) {
  const auto& f = fixture();
  auto w = weights_from(f.ref["weights"]["fuzzy_intersects"]);
  auto rate = doubles(f.ref["rate_per_1000"]);
  auto lm = local_moran(w, rate, {});
  auto gi = getis_ord_star(w, rate, {});
  auto check = [&](const std::vector<double>& ours, const std::vector<double>& ref, const char* what) {
    // Each pseudo p is an estimate from 999 draws; two independent ones differ with variance about
    // 2 p (1 - p) / 1000. Count the observations beyond 3.29 standard errors (0.1 % two-sided). The
    // island is left out: esda's folding gives its constant statistic p = 0.001, this engine reports 1.
    std::size_t beyond = 0, both_significant = 0, either_significant = 0, compared = 0;
    double sum_z = 0;
    for (std::size_t i = 0; i < ours.size(); ++i) {
      if (w.cardinality(i) == 0) {
        EXPECT_DOUBLE_EQ(ref[i], 0.001);
        EXPECT_DOUBLE_EQ(ours[i], 1.0);
        continue;
      }
      ++compared;
      const double p = (ours[i] + ref[i]) / 2;
      const double se = std::sqrt(2 * p * (1 - p) / 1000 + 1e-6);
      const double z = (ours[i] - ref[i]) / se;
      sum_z += z;
      beyond += std::fabs(z) > 3.29;
      both_significant += ours[i] <= 0.05 && ref[i] <= 0.05;
      either_significant += ours[i] <= 0.05 || ref[i] <= 0.05;
    }
    std::cout << what << ": " << beyond << " of " << compared << " beyond 3.29 se, mean z "
              << sum_z / double(compared) << ", significant in both " << both_significant << " of "
              << either_significant << "\n";
    EXPECT_EQ(compared, 329u);
    EXPECT_LE(beyond, 3u) << what;
    EXPECT_LT(std::fabs(sum_z / double(compared)), 0.15) << what;
    EXPECT_GE(double(both_significant), 0.85 * double(either_significant)) << what;
  };
  check(lm.p_sim, doubles(f.ref["local_moran"]["p_sim"]), "local Moran p_sim");
  check(gi.p_sim, doubles(f.ref["g_star"]["p_sim"]), "Gi* p_sim");
}

TEST(HotspotsVsPysal, EmpiricalBayesEqualsEsdaFormulas) {
  const auto& f = fixture();
  auto w = weights_from(f.ref["weights"]["fuzzy_intersects"]);
  auto events = doubles(f.ref["events"]);
  auto population = doubles(f.ref["population"]);
  ASSERT_GT(f.ref["eb_prior_variance"].get<double>(), 0);  // esda's unclipped formula applies as is
  const double d_eb = max_abs_diff(empirical_bayes_rates(events, population), doubles(f.ref["eb"]));
  const double d_sr = max_abs_diff(spatial_rates(events, population, w), doubles(f.ref["spatial_rate"]));
  const double d_seb = max_abs_diff(spatial_empirical_bayes_rates(events, population, w), doubles(f.ref["spatial_eb"]));
  std::cout << "max |diff| EB " << d_eb << ", spatial rate " << d_sr << ", spatial EB " << d_seb << "\n";
  EXPECT_LT(d_eb, 1e-15);
  EXPECT_LT(d_sr, 1e-15);
  EXPECT_LT(d_seb, 1e-15);
  EXPECT_LT(max_abs_diff(crude_rates(events, population, 1000.0), doubles(f.ref["rate_per_1000"])), 1e-12);
}

TEST(HotspotsVsPysal, FdrThresholdEqualsEsda) {
  const auto& f = fixture();
  auto p = doubles(f.ref["fdr"]["p"]);
  EXPECT_DOUBLE_EQ(fdr_threshold(p, 0.05), f.ref["fdr"]["alpha_0_05"].get<double>());
  EXPECT_DOUBLE_EQ(fdr_threshold(p, 0.10), f.ref["fdr"]["alpha_0_10"].get<double>());
  EXPECT_DOUBLE_EQ(fdr_threshold(p, 0.01), f.ref["fdr"]["alpha_0_01"].get<double>());
}

}  // namespace
}  // namespace peta
