// Dates end to end through a real run on the Probolinggo desa: the forms officers type in a CSV and real
// date cells of an XLSX workbook reach the temuan layer as ISO dates (GeoJSON) and Date fields
// (GeoPackage); impossible dates are NULL there, flagged tanggal_tidak_valid and kept in tanggal_teks.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <map>
#include <memory>

#include "core/gdal_init.hpp"
#include "project_run.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

std::map<std::string, nlohmann::json> by_id(const nlohmann::json& fc) {
  std::map<std::string, nlohmann::json> out;
  for (const auto& f : fc["features"]) out[f["properties"]["id"].get<std::string>()] = f["properties"];
  return out;
}

TEST(DatedFindings, CsvFormsToIsoDatesAndFlags) {
  const auto dir = test::temp_dir("dated-csv");
  test::write_file(dir + "/temuan.csv",
                   "id,lon,lat,kategori,tanggal\n"
                   "a,113.1919,-7.8566,jalan,2025-05-23\n"
                   "b,113.1919,-7.8566,jalan,17/7/2026\n"
                   "c,113.1919,-7.8566,jalan,23 Agt 2025\n"
                   "d,113.1919,-7.8566,jalan,45800\n"
                   "e,113.1919,-7.8566,jalan,2025-02-30\n"
                   "f,113.1919,-7.8566,jalan,kemarin\n"
                   "g,113.1919,-7.8566,jalan,\n");
  auto r = test::run_findings(dir, nlohmann::json::array({{{"path", dir + "/temuan.csv"}, {"publish", {"tanggal"}}}}),
                              {{"output", {{"folder", dir + "/out"}, {"formats", {"geojson", "geopackage", "shapefile"}}}}});
  auto p = by_id(r.temuan);
  ASSERT_EQ(p.size(), 7u);  // every row kept
  EXPECT_EQ(p["a"]["tanggal"], "2025-05-23");
  EXPECT_EQ(p["b"]["tanggal"], "2026-07-17");
  EXPECT_EQ(p["c"]["tanggal"], "2025-08-23");
  EXPECT_EQ(p["d"]["tanggal"], "2025-05-23");
  EXPECT_TRUE(p["e"]["tanggal"].is_null());
  EXPECT_EQ(p["e"]["tanda"], "tanggal_tidak_valid");
  EXPECT_EQ(p["e"]["tanggal_teks"], "2025-02-30");
  EXPECT_EQ(p["f"]["tanda"], "tanggal_tidak_valid");
  EXPECT_EQ(p["f"]["tanggal_teks"], "kemarin");
  EXPECT_TRUE(p["g"]["tanggal"].is_null());
  EXPECT_TRUE(p["g"]["tanda"].is_null());
  EXPECT_TRUE(p["a"]["tanda"].is_null());

  ensure_gdal_registered();
  std::unique_ptr<GDALDataset> gpkg(GDALDataset::Open((dir + "/out/peta.gpkg").c_str(), GDAL_OF_VECTOR));
  if (!gpkg) {  // the project may name its GeoPackage after the project
    for (const auto& e : std::filesystem::directory_iterator(dir + "/out"))
      if (e.path().extension() == ".gpkg") gpkg.reset(GDALDataset::Open(e.path().c_str(), GDAL_OF_VECTOR));
  }
  ASSERT_TRUE(gpkg);
  OGRLayer* temuan = gpkg->GetLayerByName("temuan");
  ASSERT_TRUE(temuan);
  const int field = temuan->GetLayerDefn()->GetFieldIndex("tanggal");
  ASSERT_GE(field, 0);
  EXPECT_EQ(temuan->GetLayerDefn()->GetFieldDefn(field)->GetType(), OFTDate);
  int dated = 0, nulls = 0;
  for (auto& f : *temuan) {
    if (f->IsFieldSetAndNotNull(field)) {
      int y = 0, m = 0, d = 0, h = 0, mi = 0, tz = 0;
      float s = 0;
      f->GetFieldAsDateTime(field, &y, &m, &d, &h, &mi, &s, &tz);
      EXPECT_GE(y, 2025);
      ++dated;
    } else {
      ++nulls;
    }
  }
  EXPECT_EQ(dated, 4);
  EXPECT_EQ(nulls, 3);

  // The shapefile's dBase field is a Date (type D) too.
  std::unique_ptr<GDALDataset> shp(GDALDataset::Open((dir + "/out/temuan.shp").c_str(), GDAL_OF_VECTOR));
  ASSERT_TRUE(shp);
  OGRFeatureDefn* defn = shp->GetLayer(0)->GetLayerDefn();
  const int shp_field = defn->GetFieldIndex("tanggal");
  ASSERT_GE(shp_field, 0);
  EXPECT_EQ(defn->GetFieldDefn(shp_field)->GetType(), OFTDate);
}

TEST(DatedFindings, XlsxDateCells) {
  const auto dir = test::temp_dir("dated-xlsx");
  ensure_gdal_registered();
  {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("XLSX");
    ASSERT_TRUE(driver);
    std::unique_ptr<GDALDataset> ds(driver->Create((dir + "/temuan.xlsx").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* layer = ds->CreateLayer("data", nullptr, wkbNone, nullptr);
    for (auto [name, type] : {std::pair{"id", OFTString}, {"lintang", OFTString}, {"bujur", OFTString},
                              {"kategori", OFTString}, {"tanggal", OFTDate}}) {
      OGRFieldDefn fd(name, type);
      layer->CreateField(&fd);
    }
    const int days[][3] = {{2025, 5, 23}, {2026, 7, 17}};
    for (int i = 0; i < 2; ++i) {
      OGRFeature f(layer->GetLayerDefn());
      f.SetField(0, std::to_string(i + 1).c_str());
      f.SetField(1, "-7.8566");
      f.SetField(2, "113.1919");
      f.SetField(3, "jalan");
      f.SetField(4, days[i][0], days[i][1], days[i][2]);  // a real date cell (date style in the workbook)
      ASSERT_EQ(layer->CreateFeature(&f), OGRERR_NONE);
    }
  }
  auto r = test::run_findings(dir, nlohmann::json::array({{{"path", dir + "/temuan.xlsx"}, {"publish", {"tanggal"}}}}));
  auto p = by_id(r.temuan);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p["1"]["tanggal"], "2025-05-23");
  EXPECT_EQ(p["2"]["tanggal"], "2026-07-17");
}

}  // namespace
}  // namespace peta
