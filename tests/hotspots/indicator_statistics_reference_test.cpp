// The indicator statistics against PySAL on the real Probolinggo desa: tests/reference/
// indicator_statistics_reference.py (run with Debian's /usr/bin/python3) builds libpysal weights and numpy
// transcriptions of esda's Geary, Moran_BV, Moran_Local_BV, Moran_Rate, G_Local(star=True) with transform "R"
// and "B", and Moran on a w_subset, on the 330 desa and on the 24 kecamatan; run with esda 2.4.3 importable
// (PYTHONPATH=<esda 2.4.3 source tree>: esda is not packaged in Debian 12) it also checked every one of those
// values against esda's own classes (atol 1e-11), G_Local and the kecamatan level included.
// The indicator is the unit's area (km², UTM 49S); the second variable and the counts are seeded synthetic
// values. Deterministic values agree within 1e-9, permutation p-values statistically.
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

#include "core/error.hpp"
#include "hotspots/bivariate_moran.hpp"
#include "hotspots/contiguity_weights.hpp"
#include "hotspots/geary.hpp"
#include "hotspots/getis_ord.hpp"
#include "hotspots/local_moran.hpp"
#include "hotspots/metric_geometry.hpp"
#include "hotspots/moran.hpp"
#include "hotspots/moran_rate.hpp"
#include "hotspots/point_weights.hpp"
#include "hotspots/polygon_layer_reader.hpp"
#include "boundaries/boundary_loader.hpp"
#include "hotspots/weights_io.hpp"
#include "indicators/indicator_run.hpp"
#include "indicators/indicator_statistics.hpp"
#include "indicators/indicator_weights.hpp"
#include "reference_script.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::string kDesa = std::string(PETA_SHARED_DATA) + "/probolinggo/desa.geojson";
const std::string kKecamatan = std::string(PETA_SHARED_DATA) + "/probolinggo/kecamatan.geojson";
struct Fixture {
  json ref;
  std::vector<MultiPolygon> metric;
  SpatialWeights queen;  // 1 m tolerance: equals libpysal fuzzy_contiguity on 0.5 m buffers (HotspotsVsPysal)
  std::vector<double> area, y, events, population;
};

const Fixture& fixture() {
  static const Fixture f = [] {
    Fixture f;
    f.ref = test::run_reference_script("indicator_statistics_reference.py", kDesa, {kKecamatan});
    f.metric = project_to_metric(read_polygon_layer(kDesa, "", "kode").polygons);
    f.queen = contiguity_weights(f.metric);
    f.area = f.ref["area_km2"].get<std::vector<double>>();
    f.y = f.ref["y"].get<std::vector<double>>();
    f.events = f.ref["events"].get<std::vector<double>>();
    f.population = f.ref["population"].get<std::vector<double>>();
    std::cout << "reference checked against esda itself: "
              << (f.ref["esda"].is_null() ? std::string("no (esda not importable)") : f.ref["esda"].get<std::string>())
              << "\n";
    return f;
  }();
  return f;
}

std::vector<double> doubles(const json& j) { return j.get<std::vector<double>>(); }

double max_abs_diff(const std::vector<double>& a, const std::vector<double>& b) {
  EXPECT_EQ(a.size(), b.size());
  double m = 0;
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) m = std::max(m, std::fabs(a[i] - b[i]));
  return m;
}

// Two independent estimates of each pseudo p-value from 999 draws differ with variance ~ 2 p (1 - p) / 1000:
// few beyond 3.29 standard errors, no drift, and mostly the same units significant. Islands: p = 1.
struct PValueAgreement {
  std::size_t compared = 0, beyond = 0, both = 0, either = 0;
  double mean_z = 0;
};

PValueAgreement compare_p_sim(const std::vector<double>& ours, const std::vector<double>& theirs,
                              const SpatialWeights& w, const char* what) {
  PValueAgreement a;
  EXPECT_EQ(ours.size(), theirs.size());
  double sum_z = 0;
  for (std::size_t i = 0; i < std::min(ours.size(), theirs.size()); ++i) {
    if (w.cardinality(i) == 0) {
      EXPECT_DOUBLE_EQ(ours[i], 1.0) << what << " island " << i;
      continue;
    }
    ++a.compared;
    const double p = (ours[i] + theirs[i]) / 2;
    const double z = (ours[i] - theirs[i]) / std::sqrt(2 * p * (1 - p) / 1000 + 1e-6);
    sum_z += z;
    a.beyond += std::fabs(z) > 3.29;
    a.both += ours[i] <= 0.05 && theirs[i] <= 0.05;
    a.either += ours[i] <= 0.05 || theirs[i] <= 0.05;
  }
  a.mean_z = a.compared ? sum_z / double(a.compared) : 0;
  std::cout << what << " p_sim: " << a.beyond << " of " << a.compared << " beyond 3.29 se, mean z " << a.mean_z
            << ", significant in both " << a.both << " of " << a.either << "\n";
  return a;
}

// NaN where the reference has null (JSON has no NaN).
std::vector<double> doubles_or_nan(const json& j) {
  std::vector<double> v;
  for (const auto& x : j) v.push_back(x.is_null() ? std::nan("") : x.get<double>());
  return v;
}

// Gs, EGs, VGs and Zs within 1e-9 (Zs NaN exactly where the reference's is).
void expect_gi_equals(const GetisOrd& g, const json& ref, const char* what) {
  EXPECT_LT(max_abs_diff(g.G, doubles(ref["Gs"])), 1e-12) << what;
  EXPECT_LT(max_abs_diff(g.expected, doubles(ref["EGs"])), 1e-12) << what;
  EXPECT_LT(max_abs_diff(g.variance, doubles(ref["VGs"])), 1e-12) << what;
  const std::vector<double> zs = doubles_or_nan(ref["Zs"]);
  ASSERT_EQ(g.z.size(), zs.size());
  double worst = 0;
  for (std::size_t i = 0; i < zs.size(); ++i) {
    EXPECT_EQ(std::isnan(g.z[i]), std::isnan(zs[i])) << what << " unit " << i;
    if (!std::isnan(zs[i])) worst = std::max(worst, std::fabs(g.z[i] - zs[i]));
  }
  EXPECT_LT(worst, 1e-9) << what;
  std::cout << what << " max |diff| Zs " << worst << "\n";
}

GlobalMoranSettings no_permutations(WeightsTransform t = WeightsTransform::row_standardised) {
  GlobalMoranSettings s;
  s.transform = t;
  s.permutation.permutations = 0;
  return s;
}

TEST(IndicatorStatisticsVsPysal, AreaMatchesGeopandas) {
  const auto& f = fixture();
  ASSERT_EQ(f.area.size(), 330u);
  double worst = 0;
  for (std::size_t i = 0; i < f.metric.size(); ++i) {
    double a = 0;
    for (const auto& poly : f.metric[i].parts) {
      for (std::size_t r = 0; r < poly.rings.size(); ++r) {
        double s = 0;
        const auto& ring = poly.rings[r];
        for (std::size_t k = 0; k + 1 < ring.size(); ++k) s += ring[k].x * ring[k + 1].y - ring[k + 1].x * ring[k].y;
        a += (r == 0 ? 1 : -1) * std::fabs(s) / 2;
      }
    }
    worst = std::max(worst, std::fabs(a / 1e6 - f.area[i]) / f.area[i]);
  }
  EXPECT_LT(worst, 1e-8);  // the same polygons in the same metres (shoelace here, GEOS in geopandas): 3e-9 relative
}

TEST(IndicatorStatisticsVsPysal, GearyEqualsEsda) {
  const auto& f = fixture();
  const auto& ref = f.ref["geary"];
  GlobalMoranSettings s;
  s.permutation.permutations = 999;
  const GearyC g = geary(f.queen, f.area, s);
  EXPECT_NEAR(g.C, ref["C"].get<double>(), 1e-9);
  EXPECT_DOUBLE_EQ(g.expected, 1.0);
  EXPECT_NEAR(g.variance_normal, ref["VC_norm"].get<double>(), 1e-12);
  EXPECT_NEAR(g.variance_randomisation, ref["VC_rand"].get<double>(), 1e-12);
  EXPECT_NEAR(g.z_normal, ref["z_norm"].get<double>(), 1e-9);
  EXPECT_NEAR(g.z_randomisation, ref["z_rand"].get<double>(), 1e-9);
  EXPECT_NEAR(g.p_normal / ref["p_norm"].get<double>(), 1.0, 1e-6);  // ~1e-35: relative
  EXPECT_NEAR(g.p_randomisation / ref["p_rand"].get<double>(), 1.0, 1e-6);
  // C = 0.55 is below every one of 999 permutations, here and in the reference's own 999.
  EXPECT_DOUBLE_EQ(g.p_sim, 0.001);
  EXPECT_DOUBLE_EQ(ref["p_sim"].get<double>(), 0.001);
  EXPECT_NEAR(geary(f.queen, f.area, no_permutations(WeightsTransform::binary)).C, f.ref["geary_binary"]["C"].get<double>(),
              1e-9);
  std::cout << "Geary C " << g.C << " |diff| " << std::fabs(g.C - ref["C"].get<double>()) << "\n";
}

TEST(IndicatorStatisticsVsPysal, MoranAndScatterplotEqualEsda) {
  const auto& f = fixture();
  const auto& ref = f.ref["moran"];
  const GlobalMoran m = global_moran(f.queen, f.area, no_permutations());
  EXPECT_NEAR(m.I, ref["I"].get<double>(), 1e-9);
  EXPECT_NEAR(m.expected, ref["EI"].get<double>(), 1e-15);
  EXPECT_NEAR(m.variance_normal, ref["VI_norm"].get<double>(), 1e-12);
  EXPECT_NEAR(m.z_normal, ref["z_norm"].get<double>(), 1e-9);
  LocalSettings none;
  none.permutation.permutations = 0;
  const LocalMoran l = local_moran(f.queen, f.area, none);
  EXPECT_LT(max_abs_diff(l.Ii, doubles(f.ref["local_moran"]["Is"])), 1e-9);
  EXPECT_LT(max_abs_diff(l.z, doubles(f.ref["local_moran"]["z"])), 1e-12);
  EXPECT_LT(max_abs_diff(l.lag, doubles(f.ref["local_moran"]["lag"])), 1e-12);
  // The scatterplot's points (z, lag) carry I: its least-squares slope is I * S0 / n (S0 = 329, one island).
  double zz = 0, zl = 0;
  for (std::size_t i = 0; i < l.z.size(); ++i) {
    zz += l.z[i] * l.z[i];
    zl += l.z[i] * l.lag[i];
  }
  const double s0 = f.queen.row_standardised().s0();
  EXPECT_NEAR(s0, 329.0, 1e-9);
  EXPECT_NEAR(zl / zz * 330.0 / s0, m.I, 1e-12);
}

TEST(IndicatorStatisticsVsPysal, BivariateMoranEqualsEsda) {
  const auto& f = fixture();
  const BivariateMoran g = bivariate_moran(f.queen, f.area, f.y, no_permutations());
  EXPECT_NEAR(g.I, f.ref["moran_bv_I"].get<double>(), 1e-9);
  const LocalMoran l = bivariate_local_moran(f.queen, f.area, f.y, {});
  const auto& ref = f.ref["moran_local_bv"];
  const double d = max_abs_diff(l.Ii, doubles(ref["Is"]));
  EXPECT_LT(d, 1e-9);
  EXPECT_LT(max_abs_diff(l.z, doubles(ref["zx"])), 1e-12);
  EXPECT_LT(max_abs_diff(l.lag, doubles(ref["lag"])), 1e-12);
  EXPECT_EQ(l.quadrant, ref["q"].get<std::vector<int>>());
  std::cout << "bivariate I " << g.I << ", max |diff| local Ii " << d << "\n";

  for (std::size_t i = 0; i < l.cluster.size(); ++i)
    if (f.queen.cardinality(i) == 0) EXPECT_EQ(l.cluster[i], 0);
  const PValueAgreement a = compare_p_sim(l.p_sim, doubles(ref["p_sim"]), f.queen, "bivariate local");
  EXPECT_EQ(a.compared, 329u);
  EXPECT_LE(a.beyond, 3u);
  EXPECT_LT(std::fabs(a.mean_z), 0.15);
  EXPECT_GE(double(a.both), 0.85 * double(a.either));
  EXPECT_GT(a.either, 10u);  // the comparison has significant desa to agree on
}

// Gi* as esda.G_Local(star=True) with either transform, on the desa; the one island (Gili Ketapang) has no z
// under "R" (no weight at all) and its own value as its only neighbour under "B".
TEST(IndicatorStatisticsVsPysal, GiStarBothTransformsEqualEsda) {
  const auto& f = fixture();
  for (const char* transform : {"R", "B"}) {
    GetisOrdSettings s;
    s.row_standardised = std::string(transform) == "R";
    const GetisOrd g = getis_ord_star(f.queen, f.area, s);
    const json& ref = f.ref["g_local"][transform];
    expect_gi_equals(g, ref, (std::string("desa Gi* ") + transform).c_str());
    const PValueAgreement a = compare_p_sim(g.p_sim, doubles(ref["p_sim"]), f.queen, transform);
    EXPECT_EQ(a.compared, 329u);
    EXPECT_LE(a.beyond, 3u);
    EXPECT_LT(std::fabs(a.mean_z), 0.15);
    EXPECT_GE(double(a.both), 0.85 * double(a.either));
    EXPECT_GT(a.either, 10u);
  }
  const std::size_t island = f.queen.islands().at(0);
  EXPECT_TRUE(std::isnan(getis_ord_star(f.queen, f.area, {.row_standardised = true}).z[island]));
  EXPECT_TRUE(std::isfinite(getis_ord_star(f.queen, f.area, {}).z[island]));
}

// The "standar" of a "statistik" entry reaches Gi*: baris is esda's "R", biner its "B".
TEST(IndicatorStatisticsVsPysal, StandarChoosesTheGiStarTransform) {
  const auto& f = fixture();
  const std::vector<AdminUnit> units(f.area.size(), AdminUnit{AdminCode::none(), "", "", {}, 0.0});
  IndicatorRegistry registry;
  IndicatorVector x;
  for (double v : f.area) x.emplace_back(v);
  registry.add("x", x);
  const IndicatorSources sources{units, nullptr, &registry};
  IndicatorStatisticsOptions options;
  options.permutations = 0;
  for (const char* transform : {"R", "B"}) {
    IndicatorAnalysisSettings a;
    a.key = "x";
    a.indicator = "x";
    a.weights.row_standardised = std::string(transform) == "R";
    const IndicatorResult r = analyse_indicator(a, sources, f.queen, options);
    ASSERT_TRUE(r.gi.has_value());
    expect_gi_equals(*r.gi, f.ref["g_local"][transform], (std::string("statistik Gi* ") + transform).c_str());
  }
}

TEST(IndicatorStatisticsVsPysal, MoranRateEqualsEsda) {
  const auto& f = fixture();
  const std::vector<double> z = assuncao_rates(f.events, f.population);
  EXPECT_LT(max_abs_diff(z, doubles(f.ref["assuncao"])), 1e-12);
  const GlobalMoran m = moran_rate(f.queen, f.events, f.population, no_permutations());
  EXPECT_NEAR(m.I, f.ref["moran_rate"]["I"].get<double>(), 1e-9);
  EXPECT_NEAR(m.z_normal, f.ref["moran_rate"]["z_norm"].get<double>(), 1e-9);
  // Rates that vary less than Poisson noise (here not at all) over unequal bases: a + m / b_i < 0 for the large
  // bases, the EB-standardised rates are undefined (NaN in esda), and said so.
  std::vector<double> flat_events(f.population.size()), pop(f.population.size());
  for (std::size_t i = 0; i < pop.size(); ++i) {
    pop[i] = i % 2 ? 100000.0 : 100.0;
    flat_events[i] = 0.005 * pop[i];
  }
  EXPECT_THROW(moran_rate(f.queen, flat_events, pop, no_permutations()), Error);
}

TEST(IndicatorStatisticsVsPysal, KnnWeightsEqualLibpysal) {
  const auto& f = fixture();
  const auto& ref = f.ref["knn6"];
  std::vector<std::vector<SpatialWeights::Index>> rows;
  for (const auto& row : ref["lists"]) rows.push_back(row.get<std::vector<SpatialWeights::Index>>());
  const SpatialWeights knn = knn_weights(centroids(f.metric), 6);
  ASSERT_EQ(knn, SpatialWeights::from_lists(rows));
  EXPECT_NEAR(global_moran(knn, f.area, no_permutations()).I, ref["moran_I"].get<double>(), 1e-9);
  EXPECT_NEAR(geary(knn, f.area, no_permutations()).C, ref["geary_C"].get<double>(), 1e-9);
  EXPECT_NEAR(bivariate_moran(knn, f.area, f.y, no_permutations()).I, ref["moran_bv_I"].get<double>(), 1e-9);
}

TEST(IndicatorStatisticsVsPysal, MissingValuesAsWSubset) {
  const auto& f = fixture();
  const auto& ref = f.ref["subset"];
  const auto keep = ref["keep"].get<std::vector<std::size_t>>();
  std::vector<long> position(330, -1);
  std::vector<double> values;
  for (std::size_t k = 0; k < keep.size(); ++k) {
    position[keep[k]] = static_cast<long>(k);
    values.push_back(f.area[keep[k]]);
  }
  const SpatialWeights sub = subset_weights(f.queen, position, keep.size());
  ASSERT_EQ(sub.size(), 283u);
  std::vector<std::size_t> islands;
  for (auto i : sub.islands()) islands.push_back(keep[i]);
  EXPECT_EQ(islands, ref["islands"].get<std::vector<std::size_t>>());
  EXPECT_NEAR(global_moran(sub, values, no_permutations()).I, ref["moran"]["I"].get<double>(), 1e-9);
  LocalSettings none;
  none.permutation.permutations = 0;
  EXPECT_LT(max_abs_diff(local_moran(sub, values, none).Ii, doubles(ref["local_Is"])), 1e-9);
}

// The kecamatan level ("tingkat": "kecamatan") on the 24 kecamatan of the regency, through the project file's
// settings and run_indicator_statistics: weights built on the kecamatan polygons (queen, knn, a GAL keyed by
// kecamatan code), Moran, Geary, Local Moran, Gi* (both transforms) and bivariate Moran as esda computes them.
TEST(IndicatorStatisticsVsPysal, KecamatanLevelEqualsEsda) {
  const auto& f = fixture();
  const json& ref = f.ref["kecamatan"];
  BoundarySettings bs;
  bs.desa.path = kDesa;
  bs.kecamatan = BoundarySource{};
  bs.kecamatan->path = kKecamatan;
  const Boundaries b = load_boundaries(bs).boundaries;
  ASSERT_EQ(b.kecamatan.size(), 24u);
  // The reference's order is the file's; peta's is by code: map through the codes.
  const auto codes = ref["kode"].get<std::vector<std::string>>();
  std::vector<std::size_t> to_ref(24);
  for (std::size_t k = 0; k < 24; ++k)
    to_ref[k] = std::size_t(std::find(codes.begin(), codes.end(), b.kecamatan[k].code.dotted()) - codes.begin());
  auto ours = [&](const std::vector<double>& v) {  // a reference vector in peta's order
    std::vector<double> out;
    for (std::size_t k = 0; k < 24; ++k) out.push_back(v.at(to_ref[k]));
    return out;
  };
  auto theirs_json = [&](const json& j) {
    json out = json::array();
    for (std::size_t k = 0; k < 24; ++k) out.push_back(j.at(to_ref[k]));
    return out;
  };
  IndicatorRegistry registry;
  IndicatorVector x, y;
  for (double v : ours(doubles(ref["area_km2"]))) x.emplace_back(v);
  for (double v : ours(doubles(ref["y"]))) y.emplace_back(v);
  registry.add("x", x);
  registry.add("y", y);
  const IndicatorSources desa{b.desa, nullptr, nullptr};
  const IndicatorSources kecamatan{b.kecamatan, nullptr, &registry, AnalysisLevel::kecamatan};

  // libpysal's fuzzy queen on 0.5 m buffers = peta's contiguity (1 m tolerance) on the kecamatan polygons.
  std::vector<MultiPolygon> lonlat;
  for (const auto& k : b.kecamatan) lonlat.push_back(k.geometry);
  const SpatialWeights queen = unit_weights({}, b.kecamatan, project_to_metric(lonlat), {});
  std::vector<std::vector<SpatialWeights::Index>> ref_rows(24);
  for (std::size_t k = 0; k < 24; ++k)
    for (auto j : ref["queen"][to_ref[k]].get<std::vector<std::size_t>>())
      ref_rows[k].push_back(SpatialWeights::Index(std::find(to_ref.begin(), to_ref.end(), j) - to_ref.begin()));
  ASSERT_EQ(queen, SpatialWeights::from_lists(ref_rows));
  EXPECT_TRUE(queen.islands().empty());

  const std::string dir = test::temp_dir("kecamatan-reference");
  std::vector<std::string> ids;
  for (const auto& k : b.kecamatan) ids.push_back(k.code.dotted());
  write_gal(dir + "/kecamatan.gal", queen, ids, {"kecamatan", "kode"});
  const json entries = {
      {{"indikator", "x"}, {"kunci", "q"}, {"tingkat", "kecamatan"}},
      {{"indikator", "x"}, {"kunci", "qb"}, {"tingkat", "kecamatan"}, {"bobot", {{"standar", "biner"}}}},
      {{"indikator", "x"}, {"kunci", "k4"}, {"tingkat", "kecamatan"}, {"bobot", {{"jenis", "knn"}, {"k", 4}}},
       {"metode", {"moran", "geary"}}},
      {{"indikator", "x"}, {"kunci", "gal"}, {"tingkat", "kecamatan"},
       {"bobot", {{"jenis", "file"}, {"path", "kecamatan.gal"}}}, {"metode", {"moran"}}},
      {{"bivariat", {{"x", "x"}, {"y", "y"}}}, {"kunci", "bv"}, {"tingkat", "kecamatan"}}};
  const auto analyses = read_indicator_settings(entries, dir);
  IndicatorStatisticsOptions options;
  options.permutations = 999;
  const IndicatorStatistics s = run_indicator_statistics(analyses, desa, &kecamatan, {}, options);
  ASSERT_EQ(s.results.size(), 5u);
  const IndicatorResult& q = s.results[0];
  EXPECT_EQ(q.n(), 24u);
  EXPECT_EQ(q.links, queen.link_count());
  EXPECT_NEAR(q.moran->I, ref["moran"]["I"].get<double>(), 1e-9);
  EXPECT_NEAR(q.moran->z_normal, ref["moran"]["z_norm"].get<double>(), 1e-9);
  EXPECT_NEAR(q.moran->variance_normal, ref["moran"]["VI_norm"].get<double>(), 1e-12);
  EXPECT_NEAR(q.geary->C, ref["geary"]["C"].get<double>(), 1e-9);
  EXPECT_NEAR(q.geary->z_randomisation, ref["geary"]["z_rand"].get<double>(), 1e-9);
  EXPECT_LT(max_abs_diff(q.local.Ii, ours(doubles(ref["local_moran"]["Is"]))), 1e-9);
  EXPECT_LT(max_abs_diff(q.local.z, ours(doubles(ref["local_moran"]["z"]))), 1e-12);
  EXPECT_LT(max_abs_diff(q.local.lag, ours(doubles(ref["local_moran"]["lag"]))), 1e-12);
  json gi_r = ref["g_local"]["R"], gi_b = ref["g_local"]["B"];
  for (json* g : {&gi_r, &gi_b})
    for (const char* key : {"Gs", "EGs", "VGs", "Zs", "p_sim"}) (*g)[key] = theirs_json((*g)[key]);
  expect_gi_equals(*q.gi, gi_r, "kecamatan Gi* R");
  const IndicatorResult& qb = s.results[1];
  EXPECT_EQ(qb.weights, "queen, biner");
  EXPECT_NEAR(qb.moran->I, ref["moran_binary"]["I"].get<double>(), 1e-9);
  expect_gi_equals(*qb.gi, gi_b, "kecamatan Gi* B");
  // 24 units: each p from 999 draws, so the two estimates agree within sampling error unit by unit.
  for (const auto& [ours_p, theirs_p] : {std::pair{&q.gi->p_sim, &gi_r["p_sim"]}, std::pair{&qb.gi->p_sim, &gi_b["p_sim"]}}) {
    const PValueAgreement a = compare_p_sim(*ours_p, doubles(*theirs_p), queen, "kecamatan Gi*");
    EXPECT_EQ(a.compared, 24u);
    EXPECT_LE(a.beyond, 1u);
  }
  EXPECT_NEAR(s.results[2].moran->I, ref["knn4"]["moran_I"].get<double>(), 1e-9);
  EXPECT_NEAR(s.results[2].geary->C, ref["knn4"]["geary_C"].get<double>(), 1e-9);
  EXPECT_EQ(s.results[3].weights, "file kecamatan.gal, baris");
  EXPECT_DOUBLE_EQ(s.results[3].moran->I, q.moran->I);
  const IndicatorResult& bv = s.results[4];
  EXPECT_NEAR(bv.moran_bv->I, ref["moran_bv_I"].get<double>(), 1e-9);
  EXPECT_LT(max_abs_diff(bv.local.Ii, ours(doubles(ref["moran_local_bv"]["Is"]))), 1e-9);
  EXPECT_EQ(bv.local.quadrant, theirs_json(ref["moran_local_bv"]["q"]).get<std::vector<int>>());

  // The scatterplot data names the kecamatan.
  const std::string csv = moran_scatter_csv(b.kecamatan, q);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 25);
  EXPECT_NE(csv.find("\n35.13.01,Sukapura,"), std::string::npos);
  std::cout << "kecamatan Moran I " << q.moran->I << " (p_sim " << q.moran->p_sim << "), Geary C " << q.geary->C << "\n";
}

TEST(IndicatorStatistics, LisaSignificanceClassesAsGeoDa) {
  EXPECT_EQ(lisa_significance_class(1.0), 0);
  EXPECT_EQ(lisa_significance_class(0.0501), 0);
  EXPECT_EQ(lisa_significance_class(0.05), 1);
  EXPECT_EQ(lisa_significance_class(0.0101), 1);
  EXPECT_EQ(lisa_significance_class(0.01), 2);
  EXPECT_EQ(lisa_significance_class(0.002), 2);
  EXPECT_EQ(lisa_significance_class(0.001), 3);
  EXPECT_EQ(lisa_significance_class(std::nan("")), 0);
}

}  // namespace
}  // namespace peta
