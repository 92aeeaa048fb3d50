// A desa whose kecamatan is in no kecamatan layer is an orphan: reported by the loader and counted on its own,
// never given an invented kecamatan. Here the real kecamatan layer without Sukapura (35.13.01, 12 desa).
#include <gtest/gtest.h>

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "boundaries/boundary_loader.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

std::string kecamatan_without_sukapura(const std::string& dir) {
  const std::string out = dir + "/kecamatan_tanpa_sukapura.geojson";
  const std::string cmd = "ogr2ogr -f GeoJSON " + out + " " + test::data("probolinggo/kecamatan.geojson") +
                          " -where \"kode <> '35.13.01'\" 2>/dev/null";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  return out;
}

TEST(OrphanDesa, ReportedAndInNoInventedKecamatan) {
  const std::string dir = test::temp_dir("orphan-desa");
  BoundarySettings settings;
  settings.desa = BoundarySource{test::data("probolinggo/desa.geojson")};
  settings.kecamatan = BoundarySource{kecamatan_without_sukapura(dir)};
  const LoadedBoundaries loaded = load_boundaries(settings);
  const Boundaries& b = loaded.boundaries;
  EXPECT_EQ(b.kecamatan.size(), 23u);  // no Sukapura dissolved from its desa
  EXPECT_EQ(loaded.issues.orphan_desa.size(), 12u);
  ASSERT_EQ(b.desa.size(), 330u);
  std::size_t orphans = 0;
  for (std::size_t d = 0; d < b.desa.size(); ++d)
    if (b.desa_kecamatan[d] < 0) {
      ++orphans;
      EXPECT_EQ(b.desa[d].code.dotted().substr(0, 8), "35.13.01");
      EXPECT_TRUE(b.kecamatan_of(d).name.empty());
    }
  EXPECT_EQ(orphans, 12u);
}

TEST(OrphanDesa, BuildCountsTheDesaButNoKecamatanHoldsIt) {
  const std::string dir = test::temp_dir("orphan-build");
  auto s = test::run_cli("sample --boundaries " + test::data("probolinggo/desa.geojson") +
                             " --count 3000 --seed 5 --outside-share 0 --quiet --out " + dir + "/temuan.csv",
                         dir);
  ASSERT_EQ(s.code, 0) << s.err;
  test::write_file(dir + "/proyek.json", R"({"boundaries": {"desa": {"path": ")" + test::data("probolinggo/desa.geojson") +
                                             R"("}, "kecamatan": {"path": ")" + kecamatan_without_sukapura(dir) +
                                             R"("}, "kabupaten": {"path": ")" + test::data("probolinggo/kabupaten.geojson") +
                                             R"("}}, "findings": [{"path": "temuan.csv"}],
    "privacy": {"profile": "internal"}, "output": {"folder": "out", "formats": ["geojson"],
    "layers": ["desa", "kecamatan", "kabupaten", "temuan"]}})");
  auto r = test::run_cli("build " + dir + "/proyek.json --json", dir);
  ASSERT_EQ(r.code, 0) << r.out << r.err;
  const auto desa = nlohmann::json::parse(test::read_file(dir + "/out/desa.geojson"));
  const auto kecamatan = nlohmann::json::parse(test::read_file(dir + "/out/kecamatan.geojson"));
  const auto kabupaten = nlohmann::json::parse(test::read_file(dir + "/out/kabupaten.geojson"));
  long long all = 0, orphan = 0;
  for (const auto& f : desa["features"]) {
    const auto& p = f["properties"];
    all += p["n_total"].get<long long>();
    if (p["kode"].get<std::string>().rfind("35.13.01.", 0) == 0) {
      orphan += p["n_total"].get<long long>();
      EXPECT_EQ(p["kode_kec"], "35.13.01");  // its own code says where it belongs
      EXPECT_TRUE(p["nama_kec"].is_null());
    }
  }
  EXPECT_GT(orphan, 0);
  ASSERT_EQ(kecamatan["features"].size(), 23u);
  long long in_kecamatan = 0;
  for (const auto& f : kecamatan["features"]) in_kecamatan += f["properties"]["n_total"].get<long long>();
  EXPECT_EQ(in_kecamatan, all - orphan);  // no kecamatan holds the orphans' findings
  ASSERT_EQ(kabupaten["features"].size(), 1u);
  EXPECT_EQ(kabupaten["features"][0]["properties"]["n_total"], all);  // the kabupaten still holds them
  // The temuan of an orphan desa: no kecamatan.
  const auto temuan = nlohmann::json::parse(test::read_file(dir + "/out/temuan.geojson"));
  std::size_t orphan_points = 0;
  for (const auto& f : temuan["features"])
    if (f["properties"]["kode_desa"].get<std::string>().rfind("35.13.01.", 0) == 0) {
      ++orphan_points;
      EXPECT_TRUE(f["properties"]["kode_kec"].is_null());
    }
  EXPECT_EQ(static_cast<long long>(orphan_points), orphan);
}

}  // namespace
}  // namespace peta
