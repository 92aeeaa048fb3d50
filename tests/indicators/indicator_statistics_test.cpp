// The indicator statistics through the project file and the pipeline: the "statistik" entries give the desa
// fields, the run summary's and the hotspot report's global results, statistik.json and the Moran scatterplot
// CSVs, equal to the engine's statistics computed directly; desa without a value are left out as libpysal's
// w_subset; bad settings are errors naming the key.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "boundaries/boundary_loader.hpp"
#include "core/error.hpp"
#include "hotspots/contiguity_weights.hpp"
#include "hotspots/geary.hpp"
#include "hotspots/metric_geometry.hpp"
#include "hotspots/moran.hpp"
#include "hotspots/weights_io.hpp"
#include "indicators/indicator_run.hpp"
#include "indicators/indicator_weights.hpp"
#include "project/pipeline.hpp"
#include "sample/sample_generator.hpp"
#include "probolinggo_boundaries.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

using nlohmann::json;

const Boundaries& boundaries() { return test::probolinggo_boundaries(); }

SpatialWeights queen() {
  std::vector<MultiPolygon> g;
  for (const auto& d : boundaries().desa) g.push_back(d.geometry);
  return contiguity_weights(project_to_metric(g));
}

std::vector<double> areas() {
  std::vector<double> a;
  for (const auto& d : boundaries().desa) a.push_back(d.area_km2);
  return a;
}

double real_or_nan(const json& v) { return v.is_null() ? std::nan("") : v.get<double>(); }

TEST(IndicatorStatistics, ProjectStatistikGivesFieldsFilesAndSummary) {
  const auto dir = test::temp_dir("indicator-run");
  const Boundaries& b = boundaries();
  SampleOptions so;
  so.count = 3000;
  so.seed = 11;
  write_sample_csv(b, so, dir + "/temuan.csv");
  std::vector<std::string> ids;
  for (const auto& d : b.desa) ids.push_back(d.code.dotted());
  write_gal(dir + "/w.gal", queen(), ids);
  json p = {{"boundaries", {{"desa", {{"path", test::data("probolinggo/desa.geojson")}}}}},
            {"findings", {{{"path", dir + "/temuan.csv"}}}},
            {"privacy", {{"profile", "internal"}}},
            {"hotspots", {{"permutations", 99}}},
            {"statistik",
             {{{"indikator", "luas_km2"}, {"kunci", "luas"}},
              {{"indikator", "eb_total"}, {"kunci", "ebt"}, {"bobot", {{"jenis", "knn"}, {"k", 6}}},
               {"metode", {"moran", "lisa"}}},
              {{"bivariat", {{"x", "rate_total"}, {"y", "luas_km2"}}}, {"kunci", "bv"},
               {"bobot", {{"jenis", "file"}, {"path", "w.gal"}}}}}},
            {"output", {{"folder", dir + "/out"}, {"formats", {"geojson"}}}}};
  test::write_file(dir + "/p.json", p.dump());
  const ProjectSettings settings = load_project(dir + "/p.json");
  ASSERT_EQ(settings.indicator_statistics.size(), 3u);
  const RunSummary summary = run_project(settings);

  const SpatialWeights w = queen();
  const std::vector<double> area = areas();
  GlobalMoranSettings gm;
  gm.permutation.permutations = 99;
  gm.permutation.seed = settings.hotspots.seed;
  const GlobalMoran moran = global_moran(w, area, gm);
  const GearyC c = geary(w, area, gm);

  // The run summary (--json) and statistik.json carry the same global results.
  const json s = summary.to_json()["statistik"];
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0]["indikator"], "luas_km2");
  EXPECT_EQ(s[0]["bobot"], "queen, baris");
  EXPECT_EQ(s[0]["n"], 330);
  EXPECT_EQ(s[0]["pulau"], json::array({"35.13.21.2013 Gili Ketapang"}));
  EXPECT_NEAR(s[0]["moran"]["I"].get<double>(), moran.I, 1e-12);
  EXPECT_DOUBLE_EQ(s[0]["moran"]["p_sim"].get<double>(), moran.p_sim);
  EXPECT_NEAR(s[0]["geary"]["C"].get<double>(), c.C, 1e-12);
  EXPECT_FALSE(s[0].contains("moran_laju_eb"));  // area is no rate
  EXPECT_EQ(s[1]["bobot"], "knn k=6, baris");
  EXPECT_TRUE(s[1].contains("moran_laju_eb"));
  EXPECT_FALSE(s[1].contains("geary"));
  EXPECT_EQ(s[2]["bivariat"]["x"], "rate_total");
  EXPECT_EQ(s[2]["bobot"], "file w.gal, baris");
  EXPECT_TRUE(s[2]["moran_bivariat"]["I"].is_number());
  EXPECT_EQ(json::parse(test::read_file(dir + "/out/statistik.json")), s);
  EXPECT_EQ(json::parse(test::read_file(dir + "/out/titik_panas.json"))["statistik"], s);
  EXPECT_NE(test::read_file(dir + "/out/titik_panas.txt").find("Geary C = "), std::string::npos);

  // The desa fields: the value, the scatterplot coordinates, LISA with its significance class, Gi*.
  LocalSettings ls;
  ls.permutation.permutations = 99;
  ls.permutation.seed = settings.hotspots.seed;
  const LocalMoran lisa = local_moran(w, area, ls);
  const json desa = json::parse(test::read_file(dir + "/out/desa.geojson"));
  ASSERT_EQ(desa["features"].size(), 330u);
  int significant = 0, classes[4] = {0, 0, 0, 0};
  for (std::size_t d = 0; d < 330; ++d) {
    const json& f = desa["features"][d]["properties"];
    ASSERT_EQ(f["kode"], b.desa[d].code.dotted());
    EXPECT_DOUBLE_EQ(f["nilai_luas"].get<double>(), area[d]);
    EXPECT_NEAR(f["mz_luas"].get<double>(), lisa.z[d], 1e-12);
    EXPECT_NEAR(f["mlag_luas"].get<double>(), lisa.lag[d], 1e-12);
    EXPECT_NEAR(f["lisa_i_luas"].get<double>(), lisa.Ii[d], 1e-12);
    EXPECT_DOUBLE_EQ(f["lisa_p_luas"].get<double>(), lisa.p_sim[d]);
    EXPECT_EQ(f["lisa_q_luas"].get<int>(), lisa.cluster[d]);
    const int cls = f["lisa_s_luas"].get<int>();
    EXPECT_EQ(cls, lisa_significance_class(lisa.p_sim[d]));
    ++classes[cls];
    significant += lisa.cluster[d] != 0;
    const double gp = f["gi_p_luas"].get<double>();
    EXPECT_TRUE(gp >= 0.01 && gp <= 1.0) << gp;  // 99 permutations: p in [1/100, 1]
    EXPECT_TRUE(f.contains("seb_ebt"));
    EXPECT_FALSE(f.contains("seb_luas"));
    EXPECT_FALSE(f.contains("gi_z_ebt"));  // methods moran, lisa only
    EXPECT_TRUE(std::isfinite(real_or_nan(f["lisa_i_bv"])));
  }
  // With 99 permutations the smallest p is 0.01: no class 3; the classes count the significant desa.
  EXPECT_EQ(classes[3], 0);
  EXPECT_EQ(classes[1] + classes[2], significant);
  EXPECT_GT(significant, 20);

  // The Moran scatterplot as data: a header and one row per analysed desa.
  std::istringstream csv(test::read_file(dir + "/out/moran_luas.csv"));
  std::string line;
  std::getline(csv, line);
  EXPECT_EQ(line, "kode,nama,nilai,z,lag_z,kuadran,ii,p_sim,kelas_sig");
  int rows = 0;
  while (std::getline(csv, line)) ++rows;
  EXPECT_EQ(rows, 330);
  EXPECT_TRUE(std::filesystem::exists(dir + "/out/moran_bv.csv"));
}

TEST(IndicatorStatistics, RegisteredVectorWithGapsLeavesThoseDesaOut) {
  const Boundaries& b = boundaries();
  const std::vector<double> area = areas();
  IndicatorVector v(area.begin(), area.end());
  std::vector<long> keep(330, -1);
  std::vector<double> kept;
  for (std::size_t d = 0; d < 330; ++d) {
    if (d % 5 == 2) {
      v[d] = std::nullopt;
      continue;
    }
    keep[d] = static_cast<long>(kept.size());
    kept.push_back(area[d]);
  }
  IndicatorRegistry registry;
  registry.add("profil_uji", v);
  IndicatorAnalysisSettings a;
  a.key = "pu";
  a.indicator = "profil_uji";
  IndicatorStatisticsOptions o;
  o.permutations = 0;
  const IndicatorResult r = analyse_indicator(a, {b.desa, nullptr, &registry}, queen(), o);
  EXPECT_EQ(r.n(), 264u);
  EXPECT_EQ(r.missing.size(), 66u);
  EXPECT_EQ(r.missing[0], b.desa[2].code.dotted() + " " + b.desa[2].name);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].find("66 desa without a value"), std::string::npos);
  const SpatialWeights sub = subset_weights(queen(), keep, kept.size());
  GlobalMoranSettings none;
  none.permutation.permutations = 0;
  EXPECT_DOUBLE_EQ(r.moran->I, global_moran(sub, kept, none).I);
  EXPECT_EQ(r.position[2], -1);
  EXPECT_EQ(r.position[3], 2);

  // Indicator names: counts and rates need the hotspot statistics; an unknown one lists what there is.
  a.indicator = "tidak_ada";
  try {
    analyse_indicator(a, {b.desa, nullptr, &registry}, queen(), o);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "unknown indicator 'tidak_ada' (available: luas_km2, profil_uji)");
  }
  a.indicator = "eb_total";
  EXPECT_THROW(analyse_indicator(a, {b.desa, nullptr, &registry}, queen(), o), Error);
}

TEST(IndicatorStatistics, BadSettingsNameTheKey) {
  auto error_of = [](const json& j) {
    try {
      read_indicator_settings(j, "/tmp");
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(error_of(json::array({{{"indikator", "n_total"}, {"bobot", {{"jenis", "segi"}}}}})),
            "statistik[0].bobot.jenis: 'segi' is not one of queen, rook, knn, jarak, file");
  EXPECT_EQ(error_of(json::array({{{"indikator", "n_total"}, {"metode", {"moran", "ripley"}}}})),
            "statistik[0].metode: 'ripley' is not one of moran, lisa, gi, geary");
  EXPECT_EQ(error_of(json::array({{{"indikator", "n_total"}}, {{"indikator", "luas_km2"}, {"kunci", "s1"}}})),
            "statistik[1].kunci: 's1' is used twice");
  EXPECT_EQ(error_of(json::array({{{"indikator", "n_total"}, {"bivariat", {{"x", "a"}, {"y", "b"}}}}})),
            "statistik[0]: give either \"indikator\" or \"bivariat\" (exactly one)");
  EXPECT_EQ(error_of(json::array({{{"bivariat", {{"x", "a"}, {"y", "b"}}}, {"metode", {"gi"}}}})),
            "statistik[0].metode: a bivariate analysis has moran and lisa only");
  EXPECT_EQ(error_of(json::array({{{"indikator", "n_total"}, {"bobot", {{"jenis", "file"}, {"path", "w.txt"}}}}})),
            "statistik[0].bobot.path: must be a GeoDa .gal or .gwt file");
  EXPECT_EQ(error_of(json::array({{{"indikator", "n_total"}, {"kunci", "Terlalu"}}})),
            "statistik[0].kunci: 'Terlalu' must be 1 to 5 lower-case letters or digits, starting with a letter");
  const auto ok = read_indicator_settings(
      json::array({{{"indikator", "n_total"}, {"bobot", {{"jenis", "rook"}, {"standar", "biner"}}}}}), "/p");
  ASSERT_EQ(ok.size(), 1u);
  EXPECT_EQ(ok[0].key, "s1");
  EXPECT_EQ(ok[0].weights.describe(), "rook, biner");
  EXPECT_EQ(ok[0].methods.size(), 4u);
}

TEST(IndicatorStatistics, GwtRoundTripKeepsWeights) {
  const auto dir = test::temp_dir("indicator-gwt");
  const SpatialWeights w = queen().row_standardised();
  std::vector<std::string> ids;
  for (const auto& d : boundaries().desa) ids.push_back(d.code.dotted());
  write_gwt(dir + "/w.gwt", w, ids);
  EXPECT_EQ(read_gwt(dir + "/w.gwt", ids), w);
  test::write_file(dir + "/bad.gwt", "0 2 desa kode\n" + ids[0] + " 99.99.99.9999 1\n");
  try {
    read_gwt(dir + "/bad.gwt", ids);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "GWT file " + dir + "/bad.gwt line 2: unknown id '99.99.99.9999'");
  }
}

}  // namespace
}  // namespace peta
