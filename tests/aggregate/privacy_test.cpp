// UU 27/2022: children's health data (stunting) is specific personal data. Unpublished columns never reach
// any output; the public profile publishes sensitive categories only as suppressed desa aggregates.
// P = (113.1919, -7.8566) is in Besuk 35.13.04.2008 (Kec. Bantaran 35.13.04); Q = (113.2050, -7.8566) in
// Pondok Wuluh 35.13.05.2004.
#include <gtest/gtest.h>

#include <filesystem>

#include "project_run.hpp"

namespace peta {
namespace {

using nlohmann::json;

std::string fixture(const std::string& dir) {
  std::string csv = "id,lon,lat,kategori,nama_balita,nik,catatan\n";
  for (int i = 0; i < 6; ++i)
    csv += "s" + std::to_string(i) + ",113.1919,-7.8566,stunting,Siti Rahmawati,3513044101200001,posyandu mawar\n";
  csv += "q1,113.2050,-7.8566,stunting,Budi Santoso,3513054101200002,posyandu melati\n";
  csv += "q2,113.2050,-7.8566,stunting,Ani Lestari,3513054101200003,posyandu melati\n";
  csv += "j1,113.1919,-7.8566,jalan,Pak Kades,3513040101700004,jalan berlubang\n";
  csv += "x1,113.0,-7.0,stunting,Dewi Kartika,3513054101200005,di laut\n";  // outside: rejected
  csv += "x2,113.1919,-7.8566,stunting,Rina,3513054101200006\n";           // column count
  test::write_file(dir + "/t.csv", csv);
  return dir + "/t.csv";
}

// Every byte of every file written.
std::string everything_written(const std::string& folder) {
  std::string all;
  for (const auto& e : std::filesystem::recursive_directory_iterator(folder))
    if (e.is_regular_file()) all += test::read_file(e.path().string());
  return all;
}

void expect_no_personal_data(const std::string& folder) {
  std::string all = everything_written(folder);
  for (const char* secret : {"Siti", "Budi", "Ani Lestari", "Pak Kades", "Dewi", "Rina", "35130441012", "35130541012",
                             "3513040101700004", "nama_balita"})
    EXPECT_EQ(all.find(secret), std::string::npos) << secret << " reached " << folder;
}

TEST(Privacy, PublicProfileSuppressesSmallSensitiveCountsAndWithholdsPoints) {
  auto dir = test::temp_dir("privacy-public");
  auto r = test::run_findings(
      dir, json::array({{{"path", fixture(dir)}, {"publish", {"catatan"}}}}),
      {{"privacy", {{"profile", "public"}, {"k", 5}}},
       {"output", {{"folder", dir + "/out"}, {"formats", {"geojson", "shapefile", "geopackage"}}}}});
  expect_no_personal_data(dir + "/out");
  // No stunting point is published; the road finding is, with its published column.
  ASSERT_EQ(r.temuan["features"].size(), 1u);
  EXPECT_EQ(r.temuan["features"][0]["properties"]["id"], "j1");
  EXPECT_EQ(r.temuan["features"][0]["properties"]["catatan"], "jalan berlubang");
  // Besuk: 6 stunting >= k, but the only ones of Kec. Bantaran (6): published, its count would show every other
  // desa of Bantaran to have 0, so it is withheld too (complementary, s = 2). Pondok Wuluh: 2 < k, NULL and
  // flagged. n_total leaves stunting out.
  auto besuk = r.unit(r.desa, "35.13.04.2008")["properties"];
  EXPECT_TRUE(besuk["n_stunting"].is_null());
  EXPECT_EQ(besuk["s_stunting"], 2);
  EXPECT_EQ(besuk["n_total"], 1);
  auto pondok = r.unit(r.desa, "35.13.05.2004")["properties"];
  EXPECT_TRUE(pondok["n_stunting"].is_null());
  EXPECT_EQ(pondok["s_stunting"], 1);
  EXPECT_EQ(pondok["n_total"], 0);
  auto empty = r.unit(r.desa, "35.13.01.2001")["properties"];
  EXPECT_TRUE(empty["n_stunting"].is_null());
  EXPECT_EQ(empty["s_stunting"], 1);
  EXPECT_EQ(r.unit(r.kecamatan, "35.13.04")["properties"]["n_stunting"], 6);
  // The kabupaten's n_total leaves stunting out too: only the road finding.
  auto kabupaten = test::read_json_if(dir + "/out/kabupaten.geojson");
  ASSERT_EQ(kabupaten["features"].size(), 1u);
  EXPECT_EQ(kabupaten["features"][0]["properties"]["n_total"], 1);
  EXPECT_TRUE(r.unit(r.kecamatan, "35.13.05")["properties"]["n_stunting"].is_null());
  // The rejected stunting row keeps its row and reason, but not where it was.
  auto x1 = r.rejection(11);
  ASSERT_FALSE(x1.is_null());
  EXPECT_EQ(x1["properties"]["alasan"], "outside_boundaries");
  EXPECT_TRUE(x1["geometry"].is_null());
  EXPECT_TRUE(x1["properties"]["lon"].is_null() || x1["properties"]["lon"] == "");
  EXPECT_EQ(x1["properties"]["catatan"], "di laut");
  EXPECT_EQ(r.rejection(12)["properties"]["alasan"], "column_count");
  EXPECT_TRUE(r.summary.total().states_balanced());
  EXPECT_EQ(r.summary.total().rows_read, 11);
}

// Differencing: whatever the withheld counts are, nothing published on the desa layer changes. Two runs whose
// stunting counts differ only in withheld desa publish the same numbers for every desa: counts, rates, EB
// rates, Gi* and Local Moran of every category. Pondok Wuluh has 2 or 4 (below k). In Kec. Bantaran, Besuk has
// 9 and desa Bantaran 5 or 6, the other eight 0: the kecamatan count (14 or 15) minus Besuk's would give desa
// Bantaran's, so desa Bantaran is withheld too (complementary).
TEST(Privacy, NothingPublishedDependsOnAWithheldCount) {
  auto run = [](const std::string& name, int pondok, int bantaran) {
    auto dir = test::temp_dir(name);
    std::string csv = "id,lon,lat,kategori\n";
    auto add = [&](int n, const char* lon, const char* lat, const char* category) {
      for (int i = 0; i < n; ++i) csv += "r" + std::to_string(csv.size()) + "," + lon + "," + lat + "," + category + "\n";
    };
    add(pondok, "113.2050", "-7.8566", "stunting");    // Pondok Wuluh 35.13.05.2004
    add(9, "113.1919", "-7.8566", "stunting");         // Besuk 35.13.04.2008
    add(bantaran, "113.1881", "-7.8732", "stunting");  // Bantaran 35.13.04.2004
    add(12, "113.2050", "-7.8566", "jalan");
    test::write_file(dir + "/t.csv", csv);
    return test::run_findings(dir, json::array({{{"path", dir + "/t.csv"}}}),
                              {{"privacy", {{"profile", "public"}, {"k", 5}}},
                               {"hotspots", {{"enabled", true}, {"permutations", 99}}}});
  };
  auto a = run("privacy-diff-a", 2, 5), b = run("privacy-diff-b", 4, 6);
  std::size_t published = 0, withheld = 0, compared = 0;
  for (std::size_t i = 0; i < a.desa["features"].size(); ++i) {
    const auto& pa = a.desa["features"][i]["properties"];
    const auto& pb = b.desa["features"][i]["properties"];
    ASSERT_EQ(pa["kode"], pb["kode"]);
    EXPECT_EQ(pa["s_stunting"], pb["s_stunting"]) << pa["kode"];
    if (pa["s_stunting"] == 0) ++published;
    else ++withheld;
    for (auto it = pa.begin(); it != pa.end(); ++it) {
      if (!it.value().is_number_float() && !it.value().is_number_integer()) continue;
      ++compared;
      if (it.value().is_number_float())
        EXPECT_NEAR(it.value().get<double>(), pb[it.key()].get<double>(), 1e-12) << pa["kode"] << " " << it.key();
      else
        EXPECT_EQ(it.value(), pb[it.key()]) << pa["kode"] << " " << it.key();
    }
  }
  EXPECT_EQ(published + withheld, 330u);
  EXPECT_EQ(published, 1u);  // Besuk
  EXPECT_GT(compared, 330u * 20);
  EXPECT_EQ(a.unit(a.desa, "35.13.04.2008")["properties"]["n_stunting"], 9);
  EXPECT_EQ(a.unit(a.desa, "35.13.04.2004")["properties"]["s_stunting"], 2);
  EXPECT_EQ(a.unit(a.desa, "35.13.05.2004")["properties"]["s_stunting"], 1);
  // The kecamatan count is published and differs, yet leaves desa Bantaran's count among nine withheld desa.
  EXPECT_EQ(a.unit(a.kecamatan, "35.13.04")["properties"]["n_stunting"], 14);
  EXPECT_EQ(b.unit(b.kecamatan, "35.13.04")["properties"]["n_stunting"], 15);
}

TEST(Privacy, InternalProfileHasPointsButStillNoUnpublishedColumns) {
  auto dir = test::temp_dir("privacy-internal");
  auto r = test::run_findings(dir, json::array({{{"path", fixture(dir)}}}),
                              {{"output", {{"folder", dir + "/out"}, {"formats", {"geojson", "shapefile", "geopackage"}}}}});
  expect_no_personal_data(dir + "/out");
  EXPECT_EQ(r.temuan["features"].size(), 9u);
  EXPECT_FALSE(r.temuan["features"][0]["properties"].contains("catatan"));  // not in publish
  EXPECT_EQ(r.unit(r.desa, "35.13.05.2004")["properties"]["n_stunting"], 2);
  EXPECT_FALSE(r.unit(r.desa, "35.13.05.2004")["properties"].contains("s_stunting"));
  EXPECT_EQ(r.unit(r.desa, "35.13.04.2008")["properties"]["n_total"], 7);
  auto x1 = r.rejection(11);
  EXPECT_FALSE(x1["geometry"].is_null());
  EXPECT_EQ(x1["properties"]["lon"], "113.0");
}

TEST(Privacy, PublishNamingAMissingColumnIsAnError) {
  auto dir = test::temp_dir("privacy-missing");
  try {
    test::run_findings(dir, json::array({{{"path", fixture(dir)}, {"publish", {"alamat"}}}}));
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("publish: column 'alamat' is not in the source"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace peta
