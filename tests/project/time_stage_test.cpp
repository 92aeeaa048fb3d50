// The time stage as the pipeline will drive it, on the real Probolinggo boundaries and queen weights with the
// example's visit schedule: findings in, flags out, tables written, desa and kecamatan fields, report.
#include "project/time_stage.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "boundaries/boundary_loader.hpp"
#include "hotspots/contiguity_weights.hpp"
#include "hotspots/metric_geometry.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

TEST(TimeStageTest, FindingsToTablesFieldsAndReport) {
  BoundarySettings s;
  s.desa.path = test::data("probolinggo/desa.geojson");
  s.kecamatan = BoundarySource{test::data("probolinggo/kecamatan.geojson")};
  const Boundaries b = load_boundaries(s).boundaries;
  std::vector<MultiPolygon> polygons;
  for (const auto& d : b.desa) polygons.push_back(d.geometry);
  const SpatialWeights queen = contiguity_weights(project_to_metric(polygons));
  const CategoryTaxonomy categories = CategoryTaxonomy::defaults();

  TimeSettings settings;
  settings.visits_path = std::string(PETA_SOURCE_DIR) + "/examples/probolinggo/kunjungan.csv";
  TimeStage time(settings, b, categories);
  ASSERT_TRUE(time.visits());
  EXPECT_EQ(time.visits()->visits.size(), 24u);
  time.begin_source({"id", "kategori", "tgl"});

  auto finding = [](const std::string& date) {
    Finding f;
    for (const std::string& cell : {std::string("1"), std::string("x"), date}) f.attributes.push_back(cell);
    return f;
  };
  std::int64_t added = 0, flagged = 0;
  for (std::size_t d = 0; d < b.desa.size(); ++d)
    for (int m = 1; m <= 12; ++m) {
      const int n = int((d * 7 + std::size_t(m) * 3) % 5) + (b.desa_kecamatan[d] == 5 ? m : 0);  // Banyuanyar rises
      for (int k = 0; k < n; ++k) {
        char date[16];
        std::snprintf(date, sizeof date, "%02d/%02d/2026", 1 + (k * 5) % 28, m);
        EXPECT_EQ(time.add(finding(date), int(d), 0), kFlagNone);
        ++added;
      }
    }
  for (const char* bad : {"2026-02-30", "kemarin"}) {
    EXPECT_EQ(time.add(finding(bad), 0, 0), kFlagInvalidDate);
    ++flagged;
  }
  EXPECT_EQ(time.add(finding(""), 0, 0), kFlagNone);
  EXPECT_EQ(time.counts().dated(), added);
  EXPECT_EQ(time.counts().undated(), flagged + 1);
  EXPECT_EQ(time.counts().flagged(), flagged);
  EXPECT_GT(time.follow_up()->linked(), 0);
  EXPECT_EQ(time.follow_up()->linked() + time.follow_up()->unlinked(), added);

  time.finish(queen);
  ASSERT_TRUE(time.trends().results[0].has_value());
  EXPECT_EQ(time.trends().last - time.trends().first + 1, 12);

  LayerSchema desa{"desa", GeometryKind::multipolygon, {}};
  time.extend_desa_schema(desa);
  Feature f;
  time.append_desa_values(f, 0);
  EXPECT_EQ(f.values.size(), desa.fields.size());
  EXPECT_EQ(desa.fields.size(), categories.size());
  LayerSchema kec{"kecamatan", GeometryKind::multipolygon, {}};
  time.extend_kecamatan_schema(kec);
  ASSERT_EQ(kec.fields.size(), 1u);
  Feature kf;
  time.append_kecamatan_values(kf, 0);
  EXPECT_EQ(std::get<std::string>(kf.values[0]), "2026-01-13");  // Sukapura's visit

  const auto dir = test::temp_dir("time-stage");
  {
    OutputSet outputs(OutputOptions{dir, true, false, false, "peta.gpkg", false, "uji"});
    time.write_tables(outputs);
    outputs.commit();
  }
  const auto table = nlohmann::json::parse(test::read_file(dir + "/hitungan_periode.geojson"));
  std::int64_t total = 0;
  for (const auto& row : table["features"]) total += row["properties"]["n"].get<std::int64_t>();
  EXPECT_EQ(total, added);
  const auto kec_table = nlohmann::json::parse(test::read_file(dir + "/hitungan_periode_kec.geojson"));
  std::int64_t kec_total = 0;
  for (const auto& row : kec_table["features"]) kec_total += row["properties"]["n"].get<std::int64_t>();
  EXPECT_EQ(kec_total, added);
  const auto visits = nlohmann::json::parse(test::read_file(dir + "/kunjungan.geojson"));
  ASSERT_EQ(visits["features"].size(), 24u);
  std::int64_t linked = 0;
  for (const auto& row : visits["features"]) linked += row["properties"]["temuan"].get<std::int64_t>();
  EXPECT_EQ(linked, time.follow_up()->linked());

  const std::string report = time.report_text("id");
  EXPECT_NE(report.find("TREN DAN TITIK PANAS YANG MUNCUL"), std::string::npos);
  EXPECT_NE(report.find("di antaranya tanggal tidak valid: 2"), std::string::npos) << report;
  EXPECT_EQ(time.report_json()["kategori"].size(), categories.size());
}

}  // namespace
}  // namespace peta
