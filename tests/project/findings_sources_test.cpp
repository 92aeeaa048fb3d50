// Every source form and coordinate form through the whole pipeline (run_project) on the real Probolinggo
// desa. P = (113.1919, -7.8566) lies in desa Besuk 35.13.04.2008 (Kec. Bantaran); written as DMS it is
// 7°51'23.76"S 113°11'30.84"E, and in EPSG:32749 E 741686.389 N 9130923.022 (pyproj).
#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "core/gdal_init.hpp"
#include "project_run.hpp"

namespace peta {
namespace {

using nlohmann::json;
using test::lat_of;
using test::lon_of;

constexpr double kLon = 113.1919, kLat = -7.8566;
constexpr const char* kBesuk = "35.13.04.2008";
constexpr double kGeoJsonRounding = 1e-7;  // the GeoJSON writer keeps 7 decimals

void expect_at_p(const json& f, const char* flags = nullptr) {
  ASSERT_FALSE(f.is_null());
  EXPECT_NEAR(lon_of(f), kLon, kGeoJsonRounding);
  EXPECT_NEAR(lat_of(f), kLat, kGeoJsonRounding);
  EXPECT_EQ(f["properties"]["kode_desa"], kBesuk);
  EXPECT_EQ(f["properties"]["presisi"], "titik");
  if (flags) EXPECT_EQ(f["properties"]["tanda"], flags);
  else EXPECT_TRUE(f["properties"]["tanda"].is_null()) << f["properties"]["tanda"];
}

TEST(FindingSources, SemicolonCsvWithBomAndDecimalCommas) {
  auto dir = test::temp_dir("src-semicolon");
  test::write_file(dir + "/t.csv",
                   "\xEF\xBB\xBFid;bujur;lintang;kategori\r\n"
                   "a;113,1919;-7,8566;jalan\r\n"
                   "b;113.1919;-7.8566;Jalan Rusak\r\n"
                   "c;113,1919;;jalan\r\n");
  auto r = test::run_findings(dir, json::array({{{"path", dir + "/t.csv"}}}));
  expect_at_p(r.point(2));
  expect_at_p(r.point(3));
  EXPECT_EQ(r.point(2)["properties"]["id"], "a");
  EXPECT_EQ(r.point(2)["properties"]["kat_kode"], "jalan_rusak");
  auto rej = r.rejection(4);
  ASSERT_FALSE(rej.is_null());
  EXPECT_EQ(rej["properties"]["alasan"], "coordinate_missing");
  EXPECT_EQ(rej["properties"]["kolom"], "lintang");
  EXPECT_EQ(rej["properties"]["keterangan"], "latitude is empty (longitude '113,1919')");
}

TEST(FindingSources, Windows1252CsvDetectedOrDeclared) {
  auto dir = test::temp_dir("src-cp1252");
  // "Soka\x92an" is Soka’an in Windows-1252; "\xB0" is the degree sign.
  std::string text = "id,lon,lat,kategori,catatan\n1,113.1919,-7.8566,jalan,Jl. Soka\x92" "an 5\xB0 miring\n";
  test::write_file(dir + "/a.csv", text);
  test::write_file(dir + "/b.csv", text);
  auto r = test::run_findings(dir, json::array({{{"path", dir + "/a.csv"}, {"publish", {"catatan"}}},
                                                {{"path", dir + "/b.csv"}, {"encoding", "cp1252"}, {"publish", {"catatan"}}}}));
  ASSERT_EQ(r.temuan["features"].size(), 2u);
  for (const auto& f : r.temuan["features"]) {
    EXPECT_EQ(f["properties"]["catatan"], "Jl. Soka\u2019an 5\u00B0 miring");
    expect_at_p(f);
  }
}

TEST(FindingSources, DmsWithIndonesianHemispheresInOneCell) {
  auto dir = test::temp_dir("src-dms");
  test::write_file(dir + "/t.csv",
                   "id,koordinat,kategori\n"
                   "1,\"7°51'23.76\"\"LS 113°11'30.84\"\"BT\",jalan\n"
                   "2,\"-7.8566, 113.1919\",jalan\n"
                   "3,\"113°11'30.84\"\" BT, 7°51'23.76\"\" LS\",jalan\n"
                   "4,\"-7,8566; 113,1919\",jalan\n"
                   "5,kira-kira di pasar,jalan\n");
  auto r = test::run_findings(dir, json::array({{{"path", dir + "/t.csv"}}}));
  for (long long row : {2, 3, 4, 5}) expect_at_p(r.point(row));
  auto rej = r.rejection(6);
  ASSERT_FALSE(rej.is_null());
  EXPECT_EQ(rej["properties"]["alasan"], "coordinate_unparseable");
  EXPECT_EQ(rej["properties"]["kolom"], "koordinat");
}

TEST(FindingSources, LatitudeSignAndSwappedColumnsAreFixedAndFlagged) {
  auto dir = test::temp_dir("src-fixes");
  test::write_file(dir + "/t.csv",
                   "id,lon,lat,kategori\n"
                   "1,113.1919,7.8566,jalan\n"      // latitude without its minus sign
                   "2,-7.8566,113.1919,jalan\n"     // columns the other way round
                   "3,7.8566,113.1919,jalan\n"      // both
                   "4,113.1919,95.2,jalan\n");      // out of range whatever the order
  auto r = test::run_findings(dir, json::array({{{"path", dir + "/t.csv"}}}));
  expect_at_p(r.point(2), "tanda_lintang_diperbaiki");
  expect_at_p(r.point(3), "tertukar_diperbaiki");
  expect_at_p(r.point(4), "tanda_lintang_diperbaiki;tertukar_diperbaiki");
  EXPECT_EQ(r.rejection(5)["properties"]["alasan"], "coordinate_out_of_range");
  EXPECT_EQ(r.rejection(5)["properties"]["kolom"], "lat");
  auto total = r.summary.total();
  EXPECT_EQ(total.flagged_by_flag["tanda_lintang_diperbaiki"], 2);
  EXPECT_EQ(total.flagged_by_flag["tertukar_diperbaiki"], 2);
}

TEST(FindingSources, UtmEastingNorthingThroughTheProjectCrs) {
  auto dir = test::temp_dir("src-utm");
  test::write_file(dir + "/t.csv",
                   "id,x,y,kategori\n"
                   "1,741686.389,9130923.022,jalan\n"
                   "2,9130923.022,741686.389,jalan\n");
  auto r = test::run_findings(dir, json::array({{{"path", dir + "/t.csv"}, {"crs", "EPSG:32749"}}}));
  for (long long row : {2, 3}) {
    auto f = r.point(row);
    ASSERT_FALSE(f.is_null());
    EXPECT_NEAR(lon_of(f), kLon, 2e-7);  // 1 mm in the source, 7 decimals in the output
    EXPECT_NEAR(lat_of(f), kLat, 2e-7);
    EXPECT_EQ(f["properties"]["kode_desa"], kBesuk);
  }
  EXPECT_TRUE(r.point(2)["properties"]["tanda"].is_null());
  EXPECT_EQ(r.point(3)["properties"]["tanda"], "tertukar_diperbaiki");
}

TEST(FindingSources, KoboGeopointAndSplitColumnsWithGroupPrefix) {
  auto dir = test::temp_dir("src-kobo");
  test::write_file(dir + "/split.csv",
                   "start,grp/lokasi,grp/_lokasi_latitude,grp/_lokasi_longitude,grp/_lokasi_altitude,grp/_lokasi_precision,grp/kategori,_id\n"
                   "2025-01-02,-7.8566 113.1919 12.5 4.0,-7.8566,113.1919,12.5,4.0,jalan,101\n"
                   "2025-01-02,,,,,,jalan,102\n");
  test::write_file(dir + "/geopoint.csv",
                   "_uuid,lokasi_temuan,kategori\n"
                   "u1,-7.8566 113.1919 12.5 4.0,jalan\n"
                   "u2,-7.8566 113.1919,jalan\n"
                   "u3,-7.8566 113.1919 abc 4,jalan\n");
  test::write_file(dir + "/typed.csv", "id,koordinat,kategori\n1,-7.8566 113.1919 0 5,jalan\n");
  auto r = test::run_findings(
      dir, json::array({{{"path", dir + "/split.csv"}},
                        {{"path", dir + "/geopoint.csv"}, {"columns", {{"geopoint", "lokasi_temuan"}}}},
                        {{"path", dir + "/typed.csv"}}}));
  ASSERT_EQ(r.temuan["features"].size(), 4u);
  for (const auto& f : r.temuan["features"]) expect_at_p(f);
  const auto& split = r.summary.sources.at(dir + "/split.csv");
  EXPECT_EQ(split.by_coordinates, 1);
  EXPECT_EQ(split.rejected_by_reason.at("coordinate_missing"), 1);
  const auto& gp = r.summary.sources.at(dir + "/geopoint.csv");
  EXPECT_EQ(gp.by_coordinates, 2);
  EXPECT_EQ(gp.rejected_by_reason.at("coordinate_unparseable"), 1);
  // Location columns never reach the point layer.
  EXPECT_FALSE(r.temuan["features"][0]["properties"].contains("grp/_lokasi_latitude"));
  EXPECT_FALSE(r.temuan["features"][0]["properties"].contains("grp/lokasi"));
}

// A workbook written with GDAL's XLSX driver: a first sheet of notes, the findings in sheet "data".
void write_xlsx(const std::string& path) {
  ensure_gdal_registered();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("XLSX");
  ASSERT_TRUE(driver);
  std::unique_ptr<GDALDataset> ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  ASSERT_TRUE(ds);
  OGRLayer* notes = ds->CreateLayer("catatan", nullptr, wkbNone, nullptr);
  OGRFieldDefn note("isi", OFTString);
  notes->CreateField(&note);
  OGRFeature nf(notes->GetLayerDefn());
  nf.SetField("isi", "dibuat staf kecamatan");
  ASSERT_EQ(notes->CreateFeature(&nf), OGRERR_NONE);
  OGRLayer* layer = ds->CreateLayer("data", nullptr, wkbNone, nullptr);
  for (const char* name : {"no", "lintang", "bujur", "kategori"}) {
    OGRFieldDefn fd(name, OFTString);
    layer->CreateField(&fd);
  }
  const char* rows[][4] = {{"1", "-7.8566", "113.1919", "jalan"},
                           {"2", "7°51'23.76\" LS", "113°11'30.84\" BT", "sekolah"},
                           {"3", "", "", "jalan"}};
  for (auto& row : rows) {
    OGRFeature f(layer->GetLayerDefn());
    for (int i = 0; i < 4; ++i) f.SetField(i, row[i]);
    ASSERT_EQ(layer->CreateFeature(&f), OGRERR_NONE);
  }
}

TEST(FindingSources, XlsxNamedSheetWithSheetRowNumbers) {
  auto dir = test::temp_dir("src-xlsx");
  write_xlsx(dir + "/temuan.xlsx");
  auto r = test::run_findings(dir, json::array({{{"path", dir + "/temuan.xlsx"}, {"sheet", "data"}}}));
  expect_at_p(r.point(2));
  expect_at_p(r.point(3));
  EXPECT_EQ(r.point(3)["properties"]["kat_kode"], "akses_sekolah");
  EXPECT_EQ(r.rejection(4)["properties"]["alasan"], "coordinate_missing");
  EXPECT_EQ(r.summary.total().rows_read, 3);
  // Without a sheet name the first sheet is read, which has no coordinates: an error naming the file.
  try {
    test::run_findings(dir, json::array({{{"path", dir + "/temuan.xlsx"}, {"kategori", "jalan"}}}));
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("nothing says where a row is"), std::string::npos) << e.what();
  }
}

TEST(FindingSources, GeoJsonPointsWithTheirProperties) {
  auto dir = test::temp_dir("src-geojson");
  test::write_file(dir + "/t.geojson", R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"id":"g1","kategori":"layanan"},"geometry":{"type":"Point","coordinates":[113.1919,-7.8566]}},
    {"type":"Feature","properties":{"id":"g2","kategori":"layanan"},"geometry":{"type":"Point","coordinates":[113.0,-7.0]}},
    {"type":"Feature","properties":{"id":"g3","kategori":"layanan"},"geometry":{"type":"Polygon","coordinates":[[[113.1,-7.8],[113.2,-7.8],[113.2,-7.9],[113.1,-7.8]]]}}]})");
  auto r = test::run_findings(dir, json::array({{{"path", dir + "/t.geojson"}}}));
  expect_at_p(r.point(1));
  EXPECT_EQ(r.point(1)["properties"]["id"], "g1");
  EXPECT_EQ(r.rejection(2)["properties"]["alasan"], "outside_boundaries");
  EXPECT_EQ(r.rejection(3)["properties"]["alasan"], "geometry_unsupported");
  EXPECT_EQ(r.rejection(3)["properties"]["keterangan"], "a Polygon is neither a point nor a line");
}

}  // namespace
}  // namespace peta
