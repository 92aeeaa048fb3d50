// Hotspot statistics through the whole path: the desa layer's Gi*/LISA/EB fields equal the engine's own
// results on the written counts, the hotspot report lists exactly the significant desa, and the point
// hotspots (DBSCAN hulls, KDE GeoTIFF) are written and add up.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <map>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <nlohmann/json.hpp>

#include "boundaries/boundary_loader.hpp"
#include "core/gdal_init.hpp"
#include "hotspots/desa_hotspots.hpp"
#include "project/pipeline.hpp"
#include "sample/sample_generator.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

TEST(PipelineHotspots, LayerFieldsReportAndPointHotspotsAgreeWithTheEngine) {
  auto dir = test::temp_dir("pipeline-hot");
  BoundarySettings bs;
  bs.desa.path = test::data("probolinggo/desa.geojson");
  bs.kecamatan = BoundarySource{test::data("probolinggo/kecamatan.geojson")};
  auto b = load_boundaries(bs).boundaries;
  SampleOptions so;
  so.count = 3000;
  so.seed = 11;
  write_sample_csv(b, so, dir + "/temuan.csv");
  nlohmann::json p = {
      {"boundaries",
       {{"desa", {{"path", bs.desa.path}}}, {"kecamatan", {{"path", bs.kecamatan->path}}}}},
      {"findings", {{{"path", dir + "/temuan.csv"}}}},
      {"privacy", {{"profile", "internal"}}},
      {"hotspots", {{"permutations", 99}, {"kde", {{"bandwidth_m", 2000}}}, {"dbscan", {{"eps_m", 300}, {"min_points", 8}}}}},
      {"output", {{"folder", dir + "/out"}, {"formats", {"geopackage"}}}}};
  test::write_file(dir + "/p.json", p.dump());
  auto settings = load_project(dir + "/p.json");
  RunSummary summary = run_project(settings);

  // Rebuild the counts from the written layer and run the statistics directly.
  ensure_gdal_registered();
  std::unique_ptr<GDALDataset> ds(static_cast<GDALDataset*>(
      GDALOpenEx((dir + "/out/peta.gpkg").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr)));
  ASSERT_TRUE(ds);
  OGRLayer* desa = ds->GetLayerByName("desa");
  ASSERT_TRUE(desa);
  ASSERT_EQ(desa->GetFeatureCount(), 330);
  UnitCounts counts(b.desa.size(), settings.categories.size());
  std::vector<std::unique_ptr<OGRFeature>> features;
  for (auto& f : *desa) features.emplace_back(f.release());
  ASSERT_EQ(features.size(), 330u);
  for (std::size_t d = 0; d < 330; ++d) {
    ASSERT_EQ(features[d]->GetFieldAsString("kode"), b.desa[d].code.dotted());
    for (std::size_t c = 0; c < settings.categories.size(); ++c) {
      auto n = features[d]->GetFieldAsInteger64(("n_" + settings.categories.categories()[c].code).c_str());
      for (long long i = 0; i < n; ++i) counts.add(static_cast<int>(d), static_cast<int>(c));
    }
  }
  DesaHotspots expected = desa_hotspots(b, counts, settings.categories, settings.hotspots);
  ASSERT_EQ(expected.islands, std::vector<std::string>{"35.13.21.2013 Gili Ketapang"});
  int hot_semua = 0, compared = 0;
  for (const auto& cat : expected.categories) {
    for (std::size_t d = 0; d < 330; ++d) {
      const auto& f = *features[d];
      auto real = [&](const std::string& name) {
        int i = f.GetFieldIndex(name.c_str());
        EXPECT_GE(i, 0) << name;
        return f.IsFieldSetAndNotNull(i) ? f.GetFieldAsDouble(i) : std::nan("");
      };
      double z = real("gi_z_" + cat.code);
      if (std::isfinite(cat.gi_z[d])) {
        EXPECT_NEAR(z, cat.gi_z[d], 1e-9) << cat.code << " " << d;
        ++compared;
      } else {
        EXPECT_TRUE(std::isnan(z)) << "a missing statistic is NULL, not 0: " << cat.code;
      }
      EXPECT_NEAR(real("eb_" + cat.code), cat.eb[d], 1e-9);
      EXPECT_EQ(f.GetFieldAsInteger(("gi_bin_" + cat.code).c_str()), cat.gi_bin[d]);
      EXPECT_EQ(f.GetFieldAsInteger(("lisa_q_" + cat.code).c_str()), cat.lisa_q[d]);
      if (cat.code == "semua" && cat.gi_bin[d] > 0) ++hot_semua;
    }
  }
  EXPECT_GT(compared, 330 * 5);
  EXPECT_GT(hot_semua, 0);

  // The report lists exactly the significant hot desa.
  auto report = nlohmann::json::parse(test::read_file(dir + "/out/titik_panas.json"));
  const auto& semua = report["kategori"].back();
  EXPECT_EQ(semua["kode"], "semua");
  EXPECT_EQ(static_cast<int>(semua["titik_panas"].size()), hot_semua);
  EXPECT_EQ(report["pulau_tanpa_tetangga"][0], "35.13.21.2013 Gili Ketapang");
  auto text = test::read_file(dir + "/out/titik_panas.txt");
  EXPECT_NE(text.find("== Semua kategori =="), std::string::npos);
  EXPECT_NE(text.find("Titik panas: " + std::to_string(hot_semua) + " desa"), std::string::npos);
  auto csv = test::read_file(dir + "/out/titik_panas.csv");
  EXPECT_EQ(csv.rfind("kategori,arah,kode_kec,nama_kec,peringkat,kode,nama,gi_z,gi_bin", 0), 0u);
  EXPECT_TRUE(std::filesystem::exists(dir + "/out/bobot_queen.gal"));

  // DBSCAN hulls: one feature per cluster; their sizes and the noise add up to the located findings.
  OGRLayer* klaster = ds->GetLayerByName("klaster");
  ASSERT_TRUE(klaster);
  EXPECT_EQ(klaster->GetFeatureCount(), summary.point_clusters);
  long long in_clusters = 0;
  for (auto& f : *klaster) in_clusters += f->GetFieldAsInteger64("jumlah");
  auto t = summary.total();
  EXPECT_EQ(in_clusters + summary.point_noise, t.geocoded + t.flagged);

  // KDE: the density integrates to the number of located findings (every kernel lies inside the raster).
  std::unique_ptr<GDALDataset> tif(static_cast<GDALDataset*>(GDALOpen((dir + "/out/kepadatan.tif").c_str(), GA_ReadOnly)));
  ASSERT_TRUE(tif);
  EXPECT_NE(std::string(tif->GetProjectionRef()).find("32749"), std::string::npos);
  double gt[6];
  tif->GetGeoTransform(gt);
  int w = tif->GetRasterXSize(), h = tif->GetRasterYSize();
  std::vector<float> values(static_cast<std::size_t>(w) * h);
  ASSERT_EQ(tif->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, w, h, values.data(), w, h, GDT_Float32, 0, 0), CE_None);
  double mass = 0;
  for (float v : values) mass += v;
  mass *= gt[1] * gt[1] / 1e6;  // per km² times cell area in km²
  EXPECT_NEAR(mass, static_cast<double>(t.geocoded + t.flagged), 0.01 * (t.geocoded + t.flagged));
}

}  // namespace
}  // namespace peta

namespace peta {
namespace {

// In the public profile the hotspot report never names a sensitive category, and "semua" counts what
// n_total counts (the sensitive categories left out).
TEST(PipelineHotspots, PublicReportLeavesSensitiveCategoriesOut) {
  auto dir = test::temp_dir("pipeline-hot-public");
  BoundarySettings bs;
  bs.desa.path = test::data("probolinggo/desa.geojson");
  auto b = load_boundaries(bs).boundaries;
  SampleOptions so;
  so.count = 3000;
  so.seed = 5;
  write_sample_csv(b, so, dir + "/temuan.csv");
  nlohmann::json p = {{"boundaries", {{"desa", {{"path", bs.desa.path}}}}},
                      {"findings", {{{"path", dir + "/temuan.csv"}}}},
                      {"privacy", {{"profile", "public"}, {"k", 5}}},
                      {"hotspots", {{"permutations", 99}}},
                      {"output", {{"folder", dir + "/out"}, {"formats", {"geojson"}}, {"layers", {"desa"}}}}};
  test::write_file(dir + "/p.json", p.dump());
  run_project(load_project(dir + "/p.json"));
  auto report = nlohmann::json::parse(test::read_file(dir + "/out/titik_panas.json"));
  std::vector<std::string> codes;
  for (const auto& c : report["kategori"]) codes.push_back(c["kode"]);
  EXPECT_EQ(codes, (std::vector<std::string>{"jalan_rusak", "akses_sekolah", "kemiskinan", "layanan_publik", "potensi", "semua"}));
  auto text = test::read_file(dir + "/out/titik_panas.txt");
  EXPECT_EQ(text.find("Stunting"), std::string::npos);
  EXPECT_EQ(test::read_file(dir + "/out/titik_panas.csv").find("stunting"), std::string::npos);
  // "semua" counts equal the published n_total of each desa.
  auto layer = nlohmann::json::parse(test::read_file(dir + "/out/desa.geojson"));
  std::map<std::string, long long> n_total;
  for (const auto& f : layer["features"]) n_total[f["properties"]["kode"]] = f["properties"]["n_total"];
  int checked = 0;
  for (const auto& e : report["kategori"].back()["titik_panas"]) {
    EXPECT_EQ(e["jumlah"].get<long long>(), n_total[e["kode"]]) << e["kode"];
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

}  // namespace
}  // namespace peta
