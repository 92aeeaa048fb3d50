// The kecamatan level of the indicator statistics ("tingkat": "kecamatan") through the project file and the
// pipeline: the indicator is taken from the kecamatan layer's own counts and the population summed over the
// kecamatan's desa, the weights are built on the kecamatan polygons, and the results are fields of the kecamatan
// layer (none on the desa layer), an entry of the run summary and moran_<kunci>.csv with one row per kecamatan,
// all equal to the engine's statistics computed directly on those values. (KecamatanLevelEqualsEsda in
// tests/hotspots checks the statistics themselves against esda on the 24 kecamatan.)
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "boundaries/boundary_loader.hpp"
#include "core/error.hpp"
#include "hotspots/contiguity_weights.hpp"
#include "hotspots/eb_rates.hpp"
#include "hotspots/metric_geometry.hpp"
#include "hotspots/moran.hpp"
#include "indicators/indicator_run.hpp"
#include "indicators/kecamatan_indicators.hpp"
#include "project/pipeline.hpp"
#include "sample/sample_generator.hpp"
#include "probolinggo_boundaries.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

using nlohmann::json;

const Boundaries& boundaries() { return test::probolinggo_boundaries(); }

TEST(KecamatanStatistics, ProjectEntryGivesKecamatanFieldsFilesAndSummary) {
  const auto dir = test::temp_dir("kecamatan-statistics");
  const Boundaries& b = boundaries();
  ASSERT_EQ(b.kecamatan.size(), 24u);
  SampleOptions so;
  so.count = 4000;
  so.seed = 23;
  write_sample_csv(b, so, dir + "/temuan.csv");
  std::string population = "kode,penduduk\n";
  std::vector<double> desa_population;
  for (std::size_t d = 0; d < b.desa.size(); ++d) {
    desa_population.push_back(double(1500 + (d * 37) % 9000));
    population += b.desa[d].code.dotted() + "," + std::to_string(static_cast<long>(desa_population.back())) + "\n";
  }
  test::write_file(dir + "/penduduk.csv", population);
  json p = {{"boundaries", {{"desa", {{"path", test::data("probolinggo/desa.geojson")}}}}},
            {"findings", {{{"path", dir + "/temuan.csv"}}}},
            {"privacy", {{"profile", "internal"}}},
            {"hotspots", {{"permutations", 99}, {"population", {{"path", dir + "/penduduk.csv"}}}}},
            {"statistik",
             {{{"indikator", "rate_total"}, {"kunci", "kr"}, {"tingkat", "kecamatan"}},
              {{"indikator", "luas_km2"}, {"kunci", "dl"}, {"metode", {"moran"}}}}},
            {"output", {{"folder", dir + "/out"}, {"formats", {"geojson"}}}}};
  test::write_file(dir + "/p.json", p.dump());
  const ProjectSettings settings = load_project(dir + "/p.json");
  ASSERT_EQ(settings.indicator_statistics.size(), 2u);
  EXPECT_EQ(settings.indicator_statistics[0].level, AnalysisLevel::kecamatan);
  const RunSummary summary = run_project(settings);

  // The kecamatan layer: its own n_total over the population of its desa, per 1,000.
  const json kec = json::parse(test::read_file(dir + "/out/kecamatan.geojson"));
  ASSERT_EQ(kec["features"].size(), 24u);
  std::vector<double> events(24), base(24, 0.0), rate(24);
  for (std::size_t d = 0; d < b.desa.size(); ++d) base[std::size_t(b.desa_kecamatan[d])] += desa_population[d];
  for (std::size_t k = 0; k < 24; ++k) {
    const json& f = kec["features"][k]["properties"];
    ASSERT_EQ(f["kode"], b.kecamatan[k].code.dotted());
    events[k] = f["n_total"].get<double>();
    rate[k] = events[k] / base[k] * 1000.0;
    EXPECT_NEAR(f["nilai_kr"].get<double>(), rate[k], 1e-12 * rate[k]) << f["nama"];
  }
  std::vector<MultiPolygon> lonlat;
  for (const auto& k : b.kecamatan) lonlat.push_back(k.geometry);
  const SpatialWeights w = contiguity_weights(project_to_metric(lonlat));
  GlobalMoranSettings gm;
  gm.permutation.permutations = 99;
  gm.permutation.seed = settings.hotspots.seed;
  const GlobalMoran moran = global_moran(w, rate, gm);
  LocalSettings ls;
  ls.permutation = gm.permutation;
  const LocalMoran lisa = local_moran(w, rate, ls);
  GetisOrdSettings gs;
  gs.permutation = gm.permutation;
  gs.row_standardised = true;  // "standar" baris by default: esda's G_Local transform "R"
  const GetisOrd gi = getis_ord_star(w, rate, gs);
  std::vector<double> seb = spatial_empirical_bayes_rates(events, base, w);
  for (std::size_t k = 0; k < 24; ++k) {
    const json& f = kec["features"][k]["properties"];
    EXPECT_NEAR(f["mz_kr"].get<double>(), lisa.z[k], 1e-12);
    EXPECT_NEAR(f["mlag_kr"].get<double>(), lisa.lag[k], 1e-12);
    EXPECT_NEAR(f["lisa_i_kr"].get<double>(), lisa.Ii[k], 1e-12);
    EXPECT_DOUBLE_EQ(f["lisa_p_kr"].get<double>(), lisa.p_sim[k]);
    EXPECT_EQ(f["lisa_q_kr"].get<int>(), lisa.cluster[k]);
    EXPECT_NEAR(f["gi_z_kr"].get<double>(), gi.z[k], 1e-12);
    EXPECT_DOUBLE_EQ(f["gi_p_kr"].get<double>(), gi.p_sim[k]);
    EXPECT_NEAR(f["seb_kr"].get<double>(), seb[k] * 1000.0, 1e-9);
    EXPECT_FALSE(f.contains("nilai_dl"));  // the desa entry stays on the desa layer
  }
  const json desa = json::parse(test::read_file(dir + "/out/desa.geojson"));
  EXPECT_TRUE(desa["features"][0]["properties"].contains("nilai_dl"));
  EXPECT_FALSE(desa["features"][0]["properties"].contains("nilai_kr"));

  // The run summary and statistik.json: the kecamatan entry says its level.
  const json s = summary.to_json()["statistik"];
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0]["tingkat"], "kecamatan");
  EXPECT_EQ(s[0]["n"], 24);
  EXPECT_EQ(s[0]["bobot"], "queen, baris");
  EXPECT_EQ(s[0]["pulau"], json::array());
  EXPECT_NEAR(s[0]["moran"]["I"].get<double>(), moran.I, 1e-12);
  EXPECT_DOUBLE_EQ(s[0]["moran"]["p_sim"].get<double>(), moran.p_sim);
  EXPECT_TRUE(s[0].contains("moran_laju_eb"));
  EXPECT_FALSE(s[1].contains("tingkat"));
  EXPECT_EQ(s[1]["n"], 330);
  EXPECT_EQ(json::parse(test::read_file(dir + "/out/statistik.json")), s);
  EXPECT_NE(test::read_file(dir + "/out/titik_panas.txt").find("n = 24 kecamatan"), std::string::npos);

  // The Moran scatterplot as data, one row per kecamatan.
  std::istringstream csv(test::read_file(dir + "/out/moran_kr.csv"));
  std::string line;
  std::getline(csv, line);
  EXPECT_EQ(line, "kode,nama,nilai,z,lag_z,kuadran,ii,p_sim,kelas_sig");
  std::vector<std::string> codes;
  while (std::getline(csv, line)) codes.push_back(line.substr(0, line.find(',')));
  ASSERT_EQ(codes.size(), 24u);
  EXPECT_EQ(codes.front(), b.kecamatan.front().code.dotted());
  EXPECT_EQ(codes.back(), b.kecamatan.back().code.dotted());
}

// The kecamatan registry: counts summed, rates over the summed base (or the kecamatan area), Marshall EB among the
// kecamatan, and the profile's kecamatan fields as they are.
TEST(KecamatanStatistics, IndicatorsFromTheKecamatanFields) {
  const Boundaries& b = boundaries();
  DesaHotspots h;
  h.base = "km2";
  h.per = 1;
  for (const auto& d : b.desa) h.base_values.push_back(d.area_km2);
  CategoryHotspots c;
  c.code = "semua";
  for (std::size_t d = 0; d < b.desa.size(); ++d) c.count.push_back(std::int64_t(d % 4));
  h.categories.push_back(c);
  profile::KecamatanField skor;
  skor.name = "skor_idm";
  skor.kind = profile::FieldKind::real;
  for (std::size_t k = 0; k < 24; ++k) skor.numbers.emplace_back(k == 3 ? std::nullopt : std::optional<double>(0.5 + 0.01 * double(k)));
  profile::KecamatanField status;
  status.name = "status_idm";
  status.kind = profile::FieldKind::text;
  const std::vector<profile::KecamatanField> fields{skor, status};
  const IndicatorRegistry r = kecamatan_indicators(b, &h, &fields);
  EXPECT_EQ(r.names(), (std::vector<std::string>{"eb_total", "n_total", "rate_total", "skor_idm"}));
  std::vector<double> events(24, 0.0);
  for (std::size_t d = 0; d < b.desa.size(); ++d) events[std::size_t(b.desa_kecamatan[d])] += double(d % 4);
  const IndicatorVector& n = *r.find("n_total");
  const IndicatorVector& rate = *r.find("rate_total");
  const IndicatorVector& eb = *r.find("eb_total");
  std::vector<double> area;
  for (const auto& k : b.kecamatan) area.push_back(k.area_km2);
  const std::vector<double> expected_eb = empirical_bayes_rates(events, area);
  for (std::size_t k = 0; k < 24; ++k) {
    EXPECT_DOUBLE_EQ(*n[k], events[k]);
    EXPECT_DOUBLE_EQ(*rate[k], events[k] / b.kecamatan[k].area_km2);  // the kecamatan layer's luas_km2
    EXPECT_DOUBLE_EQ(*eb[k], expected_eb[k]);
  }
  ASSERT_NE(r.rate("eb_total"), nullptr);
  EXPECT_EQ(r.rate("eb_total")->events, events);
  EXPECT_EQ(r.rate("skor_idm"), nullptr);
  EXPECT_EQ(*r.find("skor_idm"), skor.numbers);

  // An entry at kecamatan level without kecamatan boundaries is an error naming it; a bad level too.
  IndicatorAnalysisSettings a;
  a.key = "k";
  a.indicator = "n_total";
  a.level = AnalysisLevel::kecamatan;
  const IndicatorSources desa{b.desa, nullptr, nullptr};
  try {
    run_indicator_statistics({a}, desa, nullptr, {}, {});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "statistik k: \"tingkat\": \"kecamatan\" needs the kecamatan boundaries");
  }
  try {
    read_indicator_settings(json::array({{{"indikator", "n_total"}, {"tingkat", "kabupaten"}}}), "/p");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "statistik[0].tingkat: 'kabupaten' is not one of desa, kecamatan");
  }
}

}  // namespace
}  // namespace peta
