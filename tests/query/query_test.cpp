// peta query's engine over the hand-made fixture GeoPackage (tests/query_fixture.hpp): counts, filters, rates,
// the priority score, Gi*/LISA fields, per-kecamatan ranking, formats and validation errors.
#include <gtest/gtest.h>

#include <cmath>

#include "project/project_settings.hpp"
#include "core/date_text.hpp"
#include "query/map_data.hpp"
#include "query/priority_score.hpp"
#include "query/query_engine.hpp"
#include "query/query_format.hpp"
#include "query/query_model.hpp"
#include "query_fixture.hpp"
#include "test_support.hpp"

namespace peta::query {
namespace {

const QueryModel& model() {
  static QueryModel m = [] {
    std::string dir = test::temp_dir("query-model");
    test::write_query_fixture(dir + "/peta.gpkg");
    auto taxonomy = CategoryTaxonomy::defaults();
    return load_query_model(dir + "/peta.gpkg", taxonomy, PrioritySettings{}.weights_for(taxonomy));
  }();
  return m;
}

QueryResult ask(const Params& params, const QueryModel& m = model()) { return run_query(m, parse_query_spec(params)); }

std::vector<std::string> names(const QueryResult& r) {
  std::vector<std::string> out;
  for (const auto& row : r.rows) out.push_back(std::get<std::string>(row[r.column("nama")]));
  return out;
}

std::vector<double> column(const QueryResult& r, const std::string& name) {
  std::vector<double> out;
  const auto c = r.column(name);
  EXPECT_LT(c, r.columns.size()) << name;
  for (const auto& row : r.rows) out.push_back(std::holds_alternative<double>(row[c]) ? std::get<double>(row[c]) : NAN);
  return out;
}

using Names = std::vector<std::string>;

TEST(QueryModel, LoadsUnitsFindingsAndDictionaries) {
  const QueryModel& m = model();
  EXPECT_EQ(m.desa.size(), 5u);
  EXPECT_EQ(m.kecamatan.size(), 2u);
  EXPECT_EQ(m.categories.size(), 6u);
  EXPECT_EQ(m.findings.size(), 26u);
  EXPECT_EQ(m.findings.severity_values, (Names{"", "berat", "ringan", "sedang"}));
  EXPECT_EQ(m.findings.status_values, (Names{"", "baru", "selesai"}));
  EXPECT_EQ(m.findings.severity_column, "tingkat");
  EXPECT_EQ(m.date_min, 20231231);
  EXPECT_EQ(m.date_max, 20240601);
  EXPECT_EQ(m.desa_kecamatan, (std::vector<std::int32_t>{0, 0, 0, 1, 1}));
  EXPECT_TRUE(m.desa.field("gi_z_stunting").has_value());
  EXPECT_EQ(m.desa.unit("3513012003"), std::optional<std::size_t>(2));
  EXPECT_EQ(m.weights, (std::vector<double>{1, 1, 1, 1, 1, 0}));
  // A label point lies inside its desa (Charlie: x in [113.02, 113.03]).
  EXPECT_GT(m.desa.label_lon[2], 113.02);
  EXPECT_LT(m.desa.label_lon[2], 113.03);
  EXPECT_NE(m.desa.geometry_json[0].find("\"MultiPolygon\""), std::string::npos);
}

TEST(QueryTop, DesaByCountOfOneCategory) {
  auto r = ask({{"category", "jalan_rusak"}});
  EXPECT_EQ(names(r), (Names{"Bravo", "Alpha", "Delta", "Charlie", "Echo"}));
  EXPECT_EQ(column(r, "n"), (std::vector<double>{6, 4, 2, 1, 0}));
  EXPECT_EQ(column(r, "peringkat"), (std::vector<double>{1, 2, 3, 4, 5}));
  EXPECT_EQ(r.matched, 5u);
}

TEST(QueryTop, AllCategoriesUseTheTotalIncludingUnknown) {
  auto r = ask({{"n", "2"}});
  EXPECT_EQ(names(r), (Names{"Bravo", "Charlie"}));
  EXPECT_EQ(column(r, "n"), (std::vector<double>{9, 7}));
}

TEST(QueryTop, KecamatanByNameOrCodeAndTopN) {
  EXPECT_EQ(names(ask({{"category", "jalan_rusak"}, {"kecamatan", "Sumber"}, {"n", "2"}})), (Names{"Bravo", "Alpha"}));
  EXPECT_EQ(names(ask({{"category", "jalan_rusak"}, {"kecamatan", "kec. sumber"}, {"n", "2"}})), (Names{"Bravo", "Alpha"}));
  EXPECT_EQ(names(ask({{"category", "jalan_rusak"}, {"kecamatan", "3513.02"}})), (Names{"Delta", "Echo"}));
  EXPECT_EQ(ask({{"kecamatan", "Sumber,Lumbang"}}).matched, 5u);
}

TEST(QueryTop, SeverityFilterRecountsFromFindings) {
  auto r = ask({{"category", "jalan_rusak"}, {"severity", "BERAT"}});
  // Alpha and Delta tie at 2: the lower code first.
  EXPECT_EQ(names(r), (Names{"Alpha", "Delta", "Charlie", "Bravo", "Echo"}));
  EXPECT_EQ(column(r, "n"), (std::vector<double>{2, 2, 1, 0, 0}));
}

TEST(QueryTop, DateRangeIsInclusiveAndStatusFilters) {
  auto r = ask({{"category", "jalan_rusak"}, {"from", "2024-01-01"}, {"to", "2024-03-05"}, {"n", "3"}});
  EXPECT_EQ(names(r), (Names{"Alpha", "Delta", "Bravo"}));
  EXPECT_EQ(column(r, "n"), (std::vector<double>{3, 2, 0}));
  auto done = ask({{"status", "selesai"}, {"n", "2"}});
  EXPECT_EQ(names(done), (Names{"Alpha", "Charlie"}));
  EXPECT_EQ(column(done, "n"), (std::vector<double>{1, 1}));
}

TEST(QueryTop, RatePerKm2WithoutARateField) {
  auto r = ask({{"category", "jalan_rusak"}, {"sort", "rate"}});
  EXPECT_EQ(r.rate_basis, "per_km2");
  EXPECT_EQ(names(r), (Names{"Alpha", "Bravo", "Charlie", "Delta", "Echo"}));  // 2, 2, 1, 0.5, 0
  EXPECT_EQ(column(r, "laju"), (std::vector<double>{2, 2, 1, 0.5, 0}));
}

TEST(QueryTop, PriorityScoreWithDefaultAndProjectWeights) {
  auto r = ask({{"sort", "priority"}});
  EXPECT_EQ(names(r), (Names{"Bravo", "Charlie", "Alpha", "Delta", "Echo"}));
  auto score = column(r, "prioritas");
  // 100 * sum_c w_c n/max_c / sum w, weights 1 for the five problem categories (max: jalan 6, stunting 5).
  EXPECT_NEAR(score[0], 100 * (6.0 / 6 + 3.0 / 5) / 5, 1e-9);
  EXPECT_NEAR(score[1], 100 * (1.0 / 6 + 5.0 / 5) / 5, 1e-9);
  EXPECT_NEAR(score[2], 100 * (4.0 / 6 + 1.0 / 5) / 5, 1e-9);
  EXPECT_NEAR(score[3], 100 * (2.0 / 6) / 5, 1e-9);  // potensi weighs 0
  EXPECT_EQ(score[4], 0);

  QueryModel weighted = model();
  weighted.weights = {2, 1, 0, 0, 0, 0};
  auto w = column(ask({{"sort", "priority"}, {"n", "1"}}, weighted), "prioritas");
  EXPECT_NEAR(w[0], 100 * (2 * 6.0 / 6 + 3.0 / 5) / 3, 1e-9);
  weighted.weights.assign(6, 0);
  EXPECT_THROW(ask({{"sort", "priority"}}, weighted), QueryError);
}

TEST(QueryTop, RankedWithinEachKecamatan) {
  auto r = ask({{"sort", "priority"}, {"per_kecamatan", "1"}, {"n", "2"}});
  EXPECT_EQ(names(r), (Names{"Bravo", "Charlie", "Delta", "Echo"}));
  EXPECT_EQ(column(r, "peringkat"), (std::vector<double>{1, 2, 1, 2}));
  EXPECT_EQ(column(r, "peringkat_kab"), (std::vector<double>{1, 2, 4, 5}));
}

TEST(QueryTop, KecamatanLevelSumsDesa) {
  auto r = ask({{"level", "kecamatan"}, {"category", "jalan_rusak"}});
  EXPECT_EQ(names(r), (Names{"Sumber", "Lumbang"}));
  EXPECT_EQ(column(r, "n"), (std::vector<double>{11, 2}));
  EXPECT_EQ(column(r, "laju"), (std::vector<double>{11.0 / 6, 2.0 / 9}));
  EXPECT_THROW(ask({{"level", "kecamatan"}, {"per_kecamatan", "true"}}), QueryError);
}

TEST(QueryHotspots, GiSortAndSignificanceFilters) {
  auto z = ask({{"category", "stunting"}, {"sort", "gi_z"}});
  EXPECT_EQ(names(z), (Names{"Charlie", "Bravo", "Alpha", "Delta", "Echo"}));
  EXPECT_EQ(column(z, "gi_z"), (std::vector<double>{2.8, 2.1, 0.5, -1.2, -2.0}));
  EXPECT_EQ(column(z, "gi_bin"), (std::vector<double>{3, 2, 0, 0, -2}));
  // "The stunting hot spots at 95 %": gi_bin >= 2, ranked by count.
  EXPECT_EQ(names(ask({{"category", "stunting"}, {"significance", "95"}})), (Names{"Charlie", "Bravo"}));
  EXPECT_EQ(names(ask({{"category", "stunting"}, {"significance", "99%"}})), (Names{"Charlie"}));
  EXPECT_EQ(names(ask({{"category", "stunting"}, {"significance", "95"}, {"spot", "dingin"}})), (Names{"Echo"}));
  EXPECT_EQ(names(ask({{"category", "stunting"}, {"significance", "95"}, {"statistic", "lisa"}})), (Names{"Charlie", "Bravo"}));
  EXPECT_EQ(names(ask({{"category", "stunting"}, {"significance", "99"}, {"statistic", "lisa"}})), (Names{"Charlie"}));
  EXPECT_EQ(names(ask({{"category", "stunting"}, {"significance", "95"}, {"statistic", "lisa"}, {"spot", "cold"}})), (Names{"Echo"}));
  // Any numeric layer field sorts.
  auto p = ask({{"category", "stunting"}, {"sort", "lisa_p_stunting"}, {"order", "asc"}, {"n", "2"}});
  EXPECT_EQ(names(p), (Names{"Charlie", "Bravo"}));
  EXPECT_EQ(column(p, "lisa_p_stunting"), (std::vector<double>{0.004, 0.03}));
}

TEST(QueryHotspots, MissingFieldsAreClearErrors) {
  try {
    ask({{"category", "jalan_rusak"}, {"sort", "gi_z"}});
    FAIL();
  } catch (const QueryError& e) {
    EXPECT_NE(std::string(e.what()).find("gi_z_jalan_rusak"), std::string::npos) << e.what();
  }
  EXPECT_THROW(ask({{"category", "jalan_rusak"}, {"significance", "95"}}), QueryError);
  EXPECT_THROW(ask({{"sort", "no_such_field"}}), QueryError);
}

TEST(QuerySpec, RejectsBadParameters) {
  auto message = [](const Params& p) {
    try {
      ask(p);
    } catch (const QueryError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message({{"category", "banjir"}}),
            "category: unknown 'banjir' (codes: jalan_rusak, stunting, akses_sekolah, kemiskinan, layanan_publik, potensi, or all)");
  EXPECT_EQ(message({{"severity", "parah"}}), "severity: no finding has the value 'parah' (values: berat, ringan, sedang)");
  EXPECT_EQ(message({{"kecamatan", "Nowhere"}}), "kecamatan: no kecamatan 'Nowhere' (give a code such as 35.13.01 or a name)");
  EXPECT_EQ(message({{"n", "abc"}}), "n: expected a positive whole number or 'all', got 'abc'");
  EXPECT_EQ(message({{"n", "10001"}}), "n: at most 10000 rows, got 10001");
  EXPECT_EQ(message({{"from", "2024-02-30"}}), "from: expected a date like 2024-03-31, got '2024-02-30'");
  EXPECT_EQ(message({{"from", "2024-03-01"}, {"to", "2024-01-01"}}), "from: 2024-03-01 is after to: 2024-01-01");
  EXPECT_EQ(message({{"sort", "n_total; DROP TABLE desa"}}),
            "sort: expected count, rate, gi_z, priority or a numeric field name, got 'n_total; DROP TABLE desa'");
  EXPECT_NE(message({{"path", "/etc/passwd"}}).find("unknown parameter 'path'"), std::string::npos);
  EXPECT_NE(message({{"category", std::string(300, 'x')}}).find("value longer than 256"), std::string::npos);
  Params many(40, {"kecamatan", "Sumber"});
  EXPECT_NE(message(many).find("too many parameters"), std::string::npos);
}

TEST(QueryFormat, CsvJsonGeoJsonAndTable) {
  auto spec = parse_query_spec({{"category", "jalan_rusak"}, {"n", "2"}, {"format", "csv"}});
  auto r = run_query(model(), spec);
  EXPECT_EQ(format_csv(r),
            "peringkat,kode,nama,kode_kec,nama_kec,n,laju,prioritas\n"
            "1,35.13.01.2002,Bravo,35.13.01,Sumber,6,2.0,32.0\n"
            "2,35.13.01.2001,Alpha,35.13.01,Sumber,4,2.0,17.333333333333336\n");
  auto j = result_json(r, "en");
  EXPECT_EQ(j["rows"][0]["nama"], "Bravo");
  EXPECT_EQ(j["rows"][0]["n"], 6);
  EXPECT_EQ(j["matched"], 5);
  EXPECT_EQ(j["title"], "2 villages with the highest count: Damaged road");
  auto g = nlohmann::json::parse(format_geojson(r, model()));
  EXPECT_EQ(g["features"].size(), 2u);
  EXPECT_EQ(g["features"][1]["properties"]["kode"], "35.13.01.2001");
  EXPECT_EQ(g["features"][1]["geometry"]["type"], "MultiPolygon");
  std::string table = format_table(r, "id");
  EXPECT_EQ(table.substr(0, table.find('\n')), "2 desa teratas menurut jumlah: Jalan rusak");
  EXPECT_NE(table.find("2 dari 5 desa yang cocok"), std::string::npos);
  EXPECT_NE(table.find("Bravo"), std::string::npos);
}

TEST(MapData, DesaSummaryHidesSensitiveNotesAndFollowsFilters) {
  auto s = desa_summary(model(), "3513012003", {}, "id");
  EXPECT_EQ(s["nama"], "Charlie");
  EXPECT_EQ(s["n_total"], 7);
  EXPECT_EQ(s["n_lainnya"], 1);
  EXPECT_EQ(s["categories"][1]["code"], "stunting");
  EXPECT_EQ(s["categories"][1]["n"], 5);
  EXPECT_EQ(s["categories"][1]["gi_bin"], 3.0);
  EXPECT_EQ(s["severity"], nlohmann::json::parse(R"([{"value":"berat","n":6},{"value":"ringan","n":1}])"));
  ASSERT_EQ(s["latest"].size(), 5u);
  EXPECT_EQ(s["latest"][0]["tanggal"], "2024-02-02");
  EXPECT_EQ(s["latest"][0]["kategori"], "stunting");
  EXPECT_TRUE(s["latest"][0]["keterangan"].is_null());  // stunting is sensitive

  FindingFilter berat;
  berat.severity = {"berat"};
  berat.date_to = 20231231;
  auto f = desa_summary(model(), "35.13.01.2003", berat, "en");
  EXPECT_EQ(f["n_total"], 1);
  EXPECT_EQ(f["latest"][0]["keterangan"], "Jalan desa belum diaspal");
  EXPECT_EQ(f["latest"][0]["label"], "Damaged road");
  EXPECT_THROW(desa_summary(model(), "99.99", {}, "id"), QueryError);
}

TEST(MapData, MetaAndLayers) {
  auto meta = model_meta(model());
  EXPECT_EQ(meta["n_desa"], 5);
  EXPECT_EQ(meta["categories"][1]["gi"], true);
  EXPECT_EQ(meta["categories"][0]["gi"], false);
  EXPECT_EQ(meta["kecamatan"][0]["nama"], "Lumbang");  // by name
  EXPECT_EQ(meta["severity"], nlohmann::json::parse(R"(["berat","ringan","sedang"])"));
  EXPECT_EQ(meta["date_min"], "2023-12-31");
  auto layer = nlohmann::json::parse(layer_geojson(model(), Level::desa));
  EXPECT_EQ(layer["features"].size(), 5u);
  EXPECT_EQ(layer["features"][1]["properties"]["n_jalan_rusak"], 6.0);
  EXPECT_EQ(layer["features"][1]["properties"]["gi_bin_stunting"], 2.0);
}

TEST(QueryModel, WorksWithoutTemuanAndHotspotFields) {
  std::string dir = test::temp_dir("query-bare");
  test::write_query_fixture(dir + "/bare.gpkg", false, false);
  auto taxonomy = CategoryTaxonomy::defaults();
  auto m = load_query_model(dir + "/bare.gpkg", taxonomy, PrioritySettings{}.weights_for(taxonomy));
  EXPECT_FALSE(m.has_findings);
  EXPECT_EQ(names(ask({{"category", "stunting"}, {"n", "1"}}, m)), (Names{"Charlie"}));
  EXPECT_THROW(ask({{"severity", "berat"}}, m), QueryError);
  EXPECT_THROW(ask({{"category", "stunting"}, {"significance", "95"}}, m), QueryError);
  EXPECT_THROW(load_query_model(dir + "/missing.gpkg", taxonomy, {}), Error);
}

TEST(DateText, ParsesCommonFormsAndRejectsImpossibleDates) {
  EXPECT_EQ(parse_date("2024-03-07"), 20240307);
  EXPECT_EQ(parse_date("2024/03/07"), 20240307);
  EXPECT_EQ(parse_date("2024-03-07T10:00:00"), 20240307);
  EXPECT_EQ(parse_date("07/03/2024"), 20240307);
  EXPECT_EQ(parse_date("29-02-2024"), 20240229);
  EXPECT_EQ(parse_date("2023-02-29"), std::nullopt);
  EXPECT_EQ(parse_date("2024-13-01"), std::nullopt);
  EXPECT_EQ(parse_date("2024-03-07x"), std::nullopt);
  EXPECT_EQ(parse_date(""), std::nullopt);
  EXPECT_EQ(format_date(20240307), "2024-03-07");
}

TEST(ProjectPriority, WeightsFromTheProjectFile) {
  std::string dir = test::temp_dir("query-project");
  auto write = [&](const std::string& priority) {
    test::write_file(dir + "/p.json", R"({"boundaries": {"desa": {"path": "d.geojson"}}, "priority": )" + priority + "}");
    return dir + "/p.json";
  };
  auto s = load_project(write(R"({"weights": {"jalan_rusak": 2.5, "potensi": 0.5}})"));
  EXPECT_EQ(s.priority.weights_for(s.categories), (std::vector<double>{2.5, 1, 1, 1, 1, 0.5}));
  auto error = [&](const std::string& priority) {
    try {
      load_project(write(priority));
    } catch (const Error& e) {
      std::string m = e.what();
      return m.substr(m.find(": ") + 2);
    }
    return std::string("no error");
  };
  EXPECT_EQ(error(R"({"weights": {"banjir": 1}})"),
            "priority.weights.banjir: unknown category (expected one of: jalan_rusak, stunting, akses_sekolah, "
            "kemiskinan, layanan_publik, potensi)");
  EXPECT_EQ(error(R"({"weights": {"stunting": -1}})"), "priority.weights.stunting: must be a number >= 0");
  EXPECT_NE(error(R"({"wieghts": {}})").find("priority.wieghts: unknown key"), std::string::npos);
}

}  // namespace
}  // namespace peta::query
