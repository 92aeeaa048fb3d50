// Honest numbers (issue 17) over the fixture written as the public profile writes it (tests/query_fixture.hpp,
// public_profile): a withheld count is null with its reason, never 0 and never a NULL read as an integer; a
// category whose findings are not points is "not available" under a filter, not 0; Lainnya is counted, never a
// negative difference; the rate is rescaled under a filter over all categories; classes are Jenks classes.
#include <gtest/gtest.h>

#include <cmath>

#include "query/map_data.hpp"
#include "query/priority_score.hpp"
#include "query/query_engine.hpp"
#include "query/query_format.hpp"
#include "query/query_model.hpp"
#include "query_fixture.hpp"
#include "test_support.hpp"

namespace peta::query {
namespace {

const QueryModel& public_model() {
  static QueryModel m = [] {
    std::string dir = test::temp_dir("query-public");
    test::write_query_fixture(dir + "/peta.gpkg", true, true, true);
    auto taxonomy = CategoryTaxonomy::defaults();
    return load_query_model(dir + "/peta.gpkg", taxonomy, PrioritySettings{}.weights_for(taxonomy));
  }();
  return m;
}

QueryResult ask(const Params& params) { return run_query(public_model(), parse_query_spec(params)); }

const Cell& cell(const QueryResult& r, std::size_t row, const std::string& name) {
  const auto c = r.column(name);
  EXPECT_LT(c, r.columns.size()) << name;
  return r.rows.at(row).at(c);
}

TEST(HonestNumbers, TheModelKnowsWhatCannotBeRecounted) {
  const QueryModel& m = public_model();
  EXPECT_EQ(m.findings.size(), 17u);  // 26 findings less the 9 stunting ones, which are counts only
  ASSERT_EQ(m.recountable.size(), 6u);
  EXPECT_EQ(m.recountable, (std::vector<bool>{true, false, true, true, true, true}));  // stunting is not
  EXPECT_EQ(m.privacy_k, 5);
}

TEST(HonestNumbers, WithheldCountsAreNullWithTheirReasonInEveryFormat) {
  QueryResult r = ask({{"category", "stunting"}, {"n", "all"}});
  ASSERT_EQ(r.rows.size(), 5u);
  EXPECT_EQ(r.withheld, 5u);
  for (std::size_t i = 0; i < r.rows.size(); ++i) {
    EXPECT_TRUE(std::holds_alternative<std::monostate>(cell(r, i, "n"))) << i;
    EXPECT_TRUE(std::holds_alternative<std::monostate>(cell(r, i, "laju"))) << i;
  }
  // Rows in code order (every count is missing); Charlie (5) is withheld as the complement of Alpha and Bravo.
  EXPECT_EQ(std::get<double>(cell(r, 0, "disembunyikan")), 1);
  EXPECT_EQ(std::get<std::string>(cell(r, 0, "n_keterangan")), "< 5");
  EXPECT_EQ(std::get<double>(cell(r, 2, "disembunyikan")), 2);
  EXPECT_EQ(std::get<std::string>(cell(r, 2, "n_keterangan")), "disembunyikan");

  const std::string csv = format_csv(r);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "peringkat,kode,nama,kode_kec,nama_kec,n,disembunyikan,n_keterangan,laju,prioritas,gi_z,gi_bin");
  EXPECT_NE(csv.find("\n1,35.13.01.2001,Alpha,35.13.01,Sumber,,1,< 5,,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\n3,35.13.01.2003,Charlie,35.13.01,Sumber,,2,disembunyikan,,"), std::string::npos) << csv;

  const nlohmann::json j = result_json(r, "id");
  EXPECT_TRUE(j["rows"][0]["n"].is_null());
  EXPECT_EQ(j["rows"][0]["disembunyikan"], 1);
  EXPECT_EQ(j["withheld"], 5);
  EXPECT_EQ(j["privacy_k"], 5);

  const std::string table = format_table(r, "id");
  EXPECT_NE(table.find("Alpha"), std::string::npos);
  EXPECT_NE(table.find("< 5"), std::string::npos) << table;
  EXPECT_NE(table.find("5 jumlah disembunyikan (privasi: di bawah k = 5"), std::string::npos) << table;

  const nlohmann::json g = nlohmann::json::parse(format_geojson(r, public_model()));
  EXPECT_TRUE(g["features"][0]["properties"]["n"].is_null());
  EXPECT_EQ(g["features"][0]["properties"]["n_keterangan"], "< 5");
}

TEST(HonestNumbers, KecamatanCountsComeFromTheKecamatanLayerNotFromWithheldDesa) {
  QueryResult r = ask({{"category", "stunting"}, {"level", "kecamatan"}});
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(std::get<std::string>(cell(r, 0, "nama")), "Sumber");
  EXPECT_EQ(std::get<double>(cell(r, 0, "n")), 9);  // summing the desa would give 0: all five are withheld
  EXPECT_EQ(std::get<double>(cell(r, 0, "disembunyikan")), 0);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(cell(r, 1, "n")));
  EXPECT_EQ(std::get<std::string>(cell(r, 1, "n_keterangan")), "< 5");
}

TEST(HonestNumbers, AFilterMakesAnUncountableCategoryUnknownNotZero) {
  QueryResult r = ask({{"category", "stunting"}, {"severity", "berat"}, {"n", "all"}});
  EXPECT_EQ(r.not_countable, 5u);
  EXPECT_EQ(r.withheld, 0u);
  for (std::size_t i = 0; i < r.rows.size(); ++i) {
    EXPECT_TRUE(std::holds_alternative<std::monostate>(cell(r, i, "n"))) << i;
    EXPECT_EQ(std::get<double>(cell(r, i, "disembunyikan")), 3);
    EXPECT_EQ(std::get<std::string>(cell(r, i, "n_keterangan")), "tidak tersedia dengan saringan");
  }
  // Categories that are points are recounted as before: Alpha has 2 severe damaged-road findings.
  QueryResult roads = ask({{"category", "jalan_rusak"}, {"severity", "berat"}, {"n", "1"}});
  EXPECT_EQ(std::get<std::string>(cell(roads, 0, "nama")), "Alpha");
  EXPECT_EQ(std::get<double>(cell(roads, 0, "n")), 2);
  EXPECT_EQ(roads.column("disembunyikan"), roads.columns.size());  // nothing hidden: no extra columns
}

TEST(HonestNumbers, RateUnderAFilterOverAllCategoriesIsRescaled) {
  // Alpha: rate_semua = 4 / 2 km² * 10 = 20; 2 of its 4 published findings are severe: 20 * 2 / 4 = 10.
  QueryResult r = ask({{"severity", "berat"}, {"n", "all"}});
  EXPECT_EQ(r.rate_basis, "rate_semua");
  ASSERT_EQ(std::get<std::string>(cell(r, 0, "nama")), "Alpha");
  EXPECT_EQ(std::get<double>(cell(r, 0, "n")), 2);
  EXPECT_NEAR(std::get<double>(cell(r, 0, "laju")), 10.0, 1e-9);
  // Bravo: 6 findings, none severe: rate 0. Delta: 2 severe of 5 over 4 km²: 5 / 4 * 10 * 2 / 5 = 5.
  for (std::size_t i = 0; i < r.rows.size(); ++i) {
    const auto name = std::get<std::string>(cell(r, i, "nama"));
    if (name == "Bravo") {
      EXPECT_EQ(std::get<double>(cell(r, i, "laju")), 0.0);
    }
    if (name == "Delta") {
      EXPECT_NEAR(std::get<double>(cell(r, i, "laju")), 5.0, 1e-9);
    }
  }
}

TEST(HonestNumbers, PriorityDependsOnlyOnWhatItCanCount) {
  QueryResult plain = ask({{"sort", "priority"}});
  EXPECT_EQ(plain.priority_categories,
            (std::vector<std::string>{"jalan_rusak", "stunting", "akses_sekolah", "kemiskinan", "layanan_publik"}));
  QueryResult filtered = ask({{"sort", "priority"}, {"severity", "berat"}});
  EXPECT_EQ(filtered.priority_categories,
            (std::vector<std::string>{"jalan_rusak", "akses_sekolah", "kemiskinan", "layanan_publik"}));
  // Unfiltered, every withheld stunting count reads (k - 1) / 2 = 2 and the maximum is 2: each desa gets
  // 1 * 2 / 2 of stunting; Bravo has the most roads (6): (6/6 + 1) / 5 weights * 100 = 40.
  EXPECT_EQ(std::get<std::string>(cell(plain, 0, "nama")), "Bravo");
  EXPECT_NEAR(std::get<double>(cell(plain, 0, "prioritas")), 40.0, 1e-9);
}

TEST(HonestNumbers, DesaSummaryNeverShowsAWithheldCountAsANumber) {
  const QueryModel& m = public_model();
  nlohmann::json alpha = desa_summary(m, "35.13.01.2001", {}, "id");
  const auto& stunting = alpha["categories"][1];
  EXPECT_EQ(stunting["code"], "stunting");
  EXPECT_TRUE(stunting["n"].is_null());
  EXPECT_EQ(stunting["disembunyikan"], 1);
  EXPECT_EQ(stunting["n_keterangan"], "< 5");
  EXPECT_EQ(alpha["n_total"], 4);
  EXPECT_EQ(alpha["n_lainnya"], 0);
  EXPECT_EQ(alpha["total_leaves_out"], nlohmann::json::array({"stunting"}));
  EXPECT_EQ(alpha.dump().find("-9223372036854775808"), std::string::npos);

  nlohmann::json charlie = desa_summary(m, "35.13.01.2003", {}, "en");
  EXPECT_EQ(charlie["categories"][1]["n_keterangan"], "withheld");
  EXPECT_EQ(charlie["n_total"], 2);    // 1 damaged road + 1 banjir (Lainnya); stunting left out
  EXPECT_EQ(charlie["n_lainnya"], 1);  // counted, not n_total minus the categories (which was 2 - 6 = -4)

  FindingFilter berat;
  berat.severity = {"berat"};
  nlohmann::json filtered = desa_summary(m, "35.13.01.2003", berat, "id");
  EXPECT_TRUE(filtered["categories"][1]["n"].is_null());
  EXPECT_EQ(filtered["categories"][1]["disembunyikan"], 3);
  EXPECT_EQ(filtered["categories"][0]["n"], 1);
  EXPECT_EQ(filtered["n_total"], 1);
  EXPECT_EQ(filtered["n_lainnya"], 0);
}

TEST(HonestNumbers, ClassesAreJenksClassesAsTheQgisStyles) {
  // jalan_rusak counts 4, 6, 1, 2, 0: a class for 0, then the positive counts 1, 2, 4, 6 in Jenks classes that
  // cover the integers between them (engine/output/class_breaks.hpp, as in the QGIS styles).
  QueryResult r = ask({{"category", "jalan_rusak"}, {"n", "all"}});
  ASSERT_EQ(r.classes.size(), 5u);
  EXPECT_EQ(r.classes[0].label, "0");
  EXPECT_EQ(r.classes[1].label, "1");
  EXPECT_EQ(r.classes[2].label, "2");
  EXPECT_EQ(r.classes[3].label, "3\u20134");
  EXPECT_EQ(r.classes[4].label, "5\u20136");
  const nlohmann::json j = result_json(r, "id");
  EXPECT_EQ(j["classes"][3]["upper"], 4.0);
  // Gi* has its own fixed bins: no classes.
  EXPECT_TRUE(ask({{"category", "stunting"}, {"sort", "gi_z"}, {"n", "all"}}).classes.empty());
  EXPECT_TRUE(ask({{"category", "jalan_rusak"}, {"n", "3"}}).classes.empty());  // only a map asks for classes
}

TEST(HonestNumbers, MetaSaysWhichCategoriesAreWithheldOrNotFilterable) {
  nlohmann::json meta = model_meta(public_model());
  EXPECT_EQ(meta["privacy_k"], 5);
  EXPECT_EQ(meta["categories"][1]["code"], "stunting");
  EXPECT_EQ(meta["categories"][1]["withheld"], true);
  EXPECT_EQ(meta["categories"][1]["filterable"], false);
  EXPECT_EQ(meta["categories"][0]["filterable"], true);
}

TEST(HonestNumbers, ZeroRowsIsAnErrorNotEveryRow) {
  EXPECT_THROW(parse_query_spec({{"n", "0"}}), QueryError);
  EXPECT_EQ(parse_query_spec({{"n", "all"}}).top, 0u);
}

}  // namespace
}  // namespace peta::query
