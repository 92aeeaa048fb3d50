// The output folder switches as a whole (OutputGeneration wired into `peta build`): a build with other data
// killed at any moment leaves the earlier run or the new one, never a mix; files the run did not write (the
// user's, `peta import`'s rejects) survive each switch, and a layer the new run no longer writes goes.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include <gdal.h>
#include <ogr_api.h>
#include <nlohmann/json.hpp>

#include "core/gdal_init.hpp"
#include "test_support.hpp"

namespace peta {
namespace {
namespace fs = std::filesystem;

struct LayerRead {
  long features = -1;
  long without_geometry = 0;
};

LayerRead read_layer(const std::string& path) {
  ensure_gdal_registered();
  LayerRead r;
  GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
  if (!ds) return r;
  OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
  r.features = 0;
  OGR_L_ResetReading(layer);
  while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
    ++r.features;
    if (!OGR_F_GetGeometryRef(f)) ++r.without_geometry;
    OGR_F_Destroy(f);
  }
  GDALClose(ds);
  return r;
}

nlohmann::json project(const std::string& dir, const std::string& csv, std::vector<std::string> formats) {
  return {{"name", "uji"},
          {"boundaries", {{"desa", {{"path", test::data("probolinggo/desa.geojson")}}}}},
          {"findings", nlohmann::json::array({{{"path", csv}}})},
          {"privacy", {{"profile", "internal"}}},
          {"output", {{"folder", dir + "/out"}, {"formats", formats}, {"layers", {"desa", "kecamatan", "temuan"}}}}};
}

TEST(OutputSwitch, BuildOfOtherDataKilledAnywhereLeavesOneWholeRun) {
  auto dir = test::temp_dir("output-switch");
  for (auto [name, count, seed] : {std::tuple{"a.csv", "20000", "3"}, std::tuple{"b.csv", "12000", "4"}})
    ASSERT_EQ(test::run_peta_killed_after({"sample", "--boundaries", test::data("probolinggo/desa.geojson"), "--count", count, "--seed", seed,
                       "--out", dir + "/" + name}),
              0);
  test::write_file(dir + "/a.json", project(dir, dir + "/a.csv", {"geojson", "shapefile"}).dump(2));
  test::write_file(dir + "/b.json", project(dir, dir + "/b.csv", {"geojson", "shapefile"}).dump(2));
  ASSERT_EQ(test::run_peta_killed_after({"build", dir + "/b.json", "--threads", "2"}), 0);
  const long count_b = read_layer(dir + "/out/temuan.shp").features;
  const auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(test::run_peta_killed_after({"build", dir + "/a.json", "--threads", "2"}), 0);
  const int whole_ms = static_cast<int>(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count());
  const long count_a = read_layer(dir + "/out/temuan.shp").features;
  ASSERT_GT(count_a, 19000);
  ASSERT_GT(count_b, 11000);
  ASSERT_LT(count_b, 12001);
  std::mt19937 rng(20);
  std::size_t saw_a = 0, saw_b = 0;
  for (int i = 0; i < 6; ++i) {
    // Alternate the data, so a kill late in the run falls on a switch between two different sets.
    const std::string next = i % 2 == 0 ? "b.json" : "a.json";
    const int at = whole_ms / 3 + static_cast<int>(rng() % static_cast<unsigned>(whole_ms));
    test::run_peta_killed_after({"build", dir + "/" + next, "--threads", "2"}, at);
    const LayerRead shp = read_layer(dir + "/out/temuan.shp");
    const LayerRead geojson = read_layer(dir + "/out/temuan.geojson");
    EXPECT_TRUE(shp.features == count_a || shp.features == count_b) << "kill " << i << ": " << shp.features;
    EXPECT_EQ(shp.features, geojson.features) << "kill " << i << ": the two formats come from different runs";
    EXPECT_EQ(shp.without_geometry, 0) << "kill " << i;
    const auto summary = nlohmann::json::parse(test::read_file(dir + "/out/ringkasan.json"));
    const std::string source = shp.features == count_a ? dir + "/a.csv" : dir + "/b.csv";
    EXPECT_TRUE(summary["sources"].contains(source)) << "kill " << i << ": summary of another run";
    (shp.features == count_a ? saw_a : saw_b) += 1;
  }
  EXPECT_EQ(saw_a + saw_b, 6u);
}

TEST(OutputSwitch, FilesTheRunDidNotWriteSurviveAndDroppedLayersGo) {
  auto dir = test::temp_dir("output-keep");
  ASSERT_EQ(test::run_peta_killed_after({"sample", "--boundaries", test::data("probolinggo/desa.geojson"), "--count", "2000", "--seed", "5",
                     "--out", dir + "/f.csv"}),
            0);
  test::write_file(dir + "/p.json", project(dir, dir + "/f.csv", {"geojson", "shapefile"}).dump(2));
  ASSERT_EQ(test::run_peta_killed_after({"build", dir + "/p.json"}), 0);
  ASSERT_TRUE(fs::is_symlink(dir + "/out"));
  ASSERT_TRUE(fs::exists(dir + "/out/temuan.shp"));
  test::write_file(dir + "/out/catatan.txt", "catatan camat\n");
  fs::create_directories(dir + "/out/laporan");
  test::write_file(dir + "/out/laporan/kec.txt", "buklet\n");
  // Only GeoJSON now: the shapefiles of the earlier run go, the user's files stay (twice over).
  test::write_file(dir + "/p.json", project(dir, dir + "/f.csv", {"geojson"}).dump(2));
  for (int i = 0; i < 2; ++i) {
    ASSERT_EQ(test::run_peta_killed_after({"build", dir + "/p.json"}), 0);
    EXPECT_EQ(test::read_file(dir + "/out/catatan.txt"), "catatan camat\n");
    EXPECT_EQ(test::read_file(dir + "/out/laporan/kec.txt"), "buklet\n");
    EXPECT_FALSE(fs::exists(dir + "/out/temuan.shp"));
    EXPECT_FALSE(fs::exists(dir + "/out/temuan.dbf"));
    EXPECT_GT(read_layer(dir + "/out/temuan.geojson").features, 1900);
  }
  // The summary names the stable paths, not the run folder.
  const auto summary = nlohmann::json::parse(test::read_file(dir + "/out/ringkasan.json"));
  for (const auto& f : summary["outputs"]) EXPECT_EQ(f.get<std::string>().find(".runs"), std::string::npos) << f;
}

TEST(OutputSwitch, AnOutputFolderHoldingTheStoreIsRefused) {
  auto dir = test::temp_dir("output-store");
  ASSERT_EQ(test::run_peta_killed_after({"sample", "--boundaries", test::data("probolinggo/desa.geojson"), "--count", "100", "--seed", "5",
                     "--out", dir + "/f.csv"}),
            0);
  auto p = project(dir, dir + "/f.csv", {"geojson"});
  p["store"] = {{"path", dir + "/out/store.gpkg"}};
  test::write_file(dir + "/p.json", p.dump(2));
  EXPECT_NE(test::run_peta_killed_after({"build", dir + "/p.json"}), 0);
  EXPECT_FALSE(fs::exists(dir + "/out/desa.geojson"));
}

}  // namespace
}  // namespace peta
