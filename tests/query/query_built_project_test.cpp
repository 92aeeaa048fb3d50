// Honest numbers end to end: a public-profile project over the real Probolinggo desa is built by the pipeline
// (GeoPackage), read by the query model as `peta query`/`peta serve` read it, and asked. The findings sit at two
// desa: Besuk (Kec. Bantaran) with 6 stunting, 2 damaged roads and 1 flood (no category); Pondok Wuluh (Kec.
// Bantaran's neighbour 35.13.05) with 2 stunting. The build withholds Pondok Wuluh's stunting (2 < k = 5) and
// Besuk's (the only ones of Bantaran: complementary), and publishes Kec. Bantaran's 6.
#include <gtest/gtest.h>

#include "project_run.hpp"
#include "query/map_data.hpp"
#include "query/priority_score.hpp"
#include "query/query_engine.hpp"
#include "query/query_format.hpp"
#include "query/query_model.hpp"

namespace peta::query {
namespace {

using nlohmann::json;

const QueryModel& built() {
  static QueryModel m = [] {
    const std::string dir = test::temp_dir("query-built");
    std::string csv = "id,lon,lat,kategori,tingkat\n";
    for (int i = 0; i < 6; ++i) csv += "s" + std::to_string(i) + ",113.1919,-7.8566,stunting," + (i < 3 ? "berat" : "ringan") + "\n";
    csv += "j1,113.1919,-7.8566,jalan_rusak,berat\n";
    csv += "j2,113.1919,-7.8566,jalan_rusak,ringan\n";
    csv += "b1,113.1919,-7.8566,banjir,ringan\n";
    csv += "q1,113.2050,-7.8566,stunting,berat\n";
    csv += "q2,113.2050,-7.8566,stunting,berat\n";
    test::write_file(dir + "/t.csv", csv);
    test::run_findings(dir, json::array({{{"path", dir + "/t.csv"}, {"publish", {"tingkat"}}}}),
                       {{"privacy", {{"profile", "public"}, {"k", 5}}},
                        {"output", {{"folder", dir + "/out"}, {"formats", {"geopackage"}}}}});
    auto taxonomy = CategoryTaxonomy::defaults();
    LoadLimits limits;
    limits.privacy_k = 5;
    return load_query_model(dir + "/out/peta.gpkg", taxonomy, PrioritySettings{}.weights_for(taxonomy), limits);
  }();
  return m;
}

json ask(const Params& params) {
  return result_json(run_query(built(), parse_query_spec(params)), "id");
}

json row_of(const json& answer, const std::string& kode) {
  for (const auto& r : answer["rows"])
    if (r["kode"] == kode) return r;
  return nullptr;
}

TEST(HonestNumbersBuilt, WithheldDesaAreNullWithTheirReasonAndTheKecamatanCountIsPublished) {
  const json desa = ask({{"category", "stunting"}, {"n", "all"}});
  EXPECT_EQ(desa["withheld"], 330);  // every desa: below k (0 included), or Besuk as the complement
  const json besuk = row_of(desa, "35.13.04.2008");
  EXPECT_TRUE(besuk["n"].is_null());
  EXPECT_EQ(besuk["disembunyikan"], 2);
  const json pondok = row_of(desa, "35.13.05.2004");
  EXPECT_TRUE(pondok["n"].is_null());
  EXPECT_EQ(pondok["disembunyikan"], 1);
  EXPECT_EQ(pondok["n_keterangan"], "< 5");
  EXPECT_EQ(desa.dump().find("-9223372036854775808"), std::string::npos);

  const json kecamatan = ask({{"category", "stunting"}, {"level", "kecamatan"}, {"n", "all"}});
  const json bantaran = row_of(kecamatan, "35.13.04");
  EXPECT_EQ(bantaran["n"], 6);  // from the kecamatan layer; the sum of its (withheld) desa would be 0
  EXPECT_EQ(bantaran["disembunyikan"], 0);
  EXPECT_TRUE(row_of(kecamatan, "35.13.05")["n"].is_null());
  EXPECT_EQ(row_of(kecamatan, "35.13.05")["disembunyikan"], 1);
}

TEST(HonestNumbersBuilt, ASeverityFilterCannotCountStuntingAndCountsTheRest) {
  const json stunting = ask({{"category", "stunting"}, {"severity", "berat"}, {"n", "all"}});
  EXPECT_EQ(stunting["not_countable"], 330);
  EXPECT_TRUE(row_of(stunting, "35.13.04.2008")["n"].is_null());  // not 0: 3 severe ones exist, unpublished
  EXPECT_EQ(row_of(stunting, "35.13.04.2008")["disembunyikan"], 3);

  const json all = ask({{"severity", "berat"}, {"n", "1"}});
  EXPECT_EQ(all["rows"][0]["kode"], "35.13.04.2008");
  EXPECT_EQ(all["rows"][0]["n"], 1);  // the severe damaged road; stunting is not in the temuan layer
  EXPECT_EQ(all["priority_categories"], json::array({"jalan_rusak", "akses_sekolah", "kemiskinan", "layanan_publik"}));
}

TEST(HonestNumbersBuilt, DesaSummaryCountsLainnyaAndLeavesStuntingOutOfTheTotal) {
  const json besuk = desa_summary(built(), "35.13.04.2008", {}, "id");
  EXPECT_EQ(besuk["n_total"], 3);    // 2 roads + 1 flood; stunting left out as in the layers
  EXPECT_EQ(besuk["n_lainnya"], 1);  // the flood (was n_total - all categories = 3 - 8 = -5 before)
  EXPECT_EQ(besuk["total_leaves_out"], json::array({"stunting"}));
  EXPECT_TRUE(besuk["categories"][1]["n"].is_null());
  EXPECT_EQ(besuk["categories"][1]["disembunyikan"], 2);
  EXPECT_EQ(besuk["categories"][0]["n"], 2);

  FindingFilter berat;
  berat.severity = {"berat"};
  const json severe = desa_summary(built(), "35.13.04.2008", berat, "id");
  EXPECT_EQ(severe["n_total"], 1);
  EXPECT_EQ(severe["n_lainnya"], 0);
  EXPECT_EQ(severe["categories"][0]["n"], 1);
  EXPECT_EQ(severe["categories"][1]["disembunyikan"], 3);
}

}  // namespace
}  // namespace peta::query
