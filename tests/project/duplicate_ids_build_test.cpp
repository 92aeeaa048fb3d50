// Duplicate ids in one file are flagged, not dropped: a second row with an id an earlier row of the same file
// has keeps its place and gets id_ganda; the same id in another file is no duplicate; blank ids (made from the
// file and row) never are.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace peta {
namespace {

TEST(DuplicateIdsBuild, SecondRowWithAnIdIsFlaggedInEveryFileApart) {
  const std::string dir = test::temp_dir("duplicate-ids");
  // A point inside a desa (the example's first finding), for every row.
  const std::string point = "113.4718021,-7.9350989";
  test::write_file(dir + "/a.csv", "id,lon,lat,kategori\n"
                                   "A1," + point + ",jalan_rusak\n"
                                   "A2," + point + ",jalan_rusak\n"
                                   "A1," + point + ",kemiskinan\n"   // row 4: duplicate of row 2
                                   "," + point + ",kemiskinan\n"     // blank id: made from file and row
                                   "," + point + ",kemiskinan\n"     // another blank: not a duplicate
                                   "A1," + point + ",jalan_rusak\n");  // row 7: duplicate again
  test::write_file(dir + "/b.csv", "id,lon,lat,kategori\nA1," + point + ",jalan_rusak\n");  // other file: fine
  test::write_file(dir + "/proyek.json", R"({"boundaries": {"desa": {"path": ")" + test::data("probolinggo/desa.geojson") +
                                             R"("}, "kecamatan": {"path": ")" + test::data("probolinggo/kecamatan.geojson") +
                                             R"("}}, "findings": [{"path": "a.csv"}, {"path": "b.csv"}],
    "privacy": {"profile": "internal"}, "output": {"folder": "out", "formats": ["geojson"], "layers": ["temuan"]}})");
  auto r = test::run_cli("build " + dir + "/proyek.json --json", dir);
  ASSERT_EQ(r.code, 0) << r.out << r.err;
  const auto summary = nlohmann::json::parse(r.out);
  EXPECT_EQ(summary["total"]["rows_read"], 7);
  EXPECT_EQ(summary["total"]["rejected"], 0);
  EXPECT_EQ(summary["total"]["flagged_by_flag"]["id_ganda"], 2);
  EXPECT_EQ(summary["total"]["flagged_by_flag"]["id_kosong"], 2);
  EXPECT_EQ(summary["sources"][dir + "/b.csv"]["flagged"], 0);

  const nlohmann::json temuan = nlohmann::json::parse(test::read_file(dir + "/out/temuan.geojson"));
  ASSERT_EQ(temuan["features"].size(), 7u);
  std::vector<std::pair<long long, std::string>> flagged;
  for (const auto& f : temuan["features"]) {
    const auto& p = f["properties"];
    const std::string tanda = p["tanda"].is_null() ? "" : p["tanda"].get<std::string>();
    if (tanda.find("id_ganda") != std::string::npos) flagged.emplace_back(p["baris"].get<long long>(), p["sumber"].get<std::string>());
  }
  const std::vector<std::pair<long long, std::string>> expected = {{4, dir + "/a.csv"}, {7, dir + "/a.csv"}};
  EXPECT_EQ(flagged, expected);
}

}  // namespace
}  // namespace peta
