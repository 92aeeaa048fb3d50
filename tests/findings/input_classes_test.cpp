// Files that are not what they say, and cells that used to be lost or misread: each class of issue 16.
#include <gtest/gtest.h>

#include <functional>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "core/gdal_init.hpp"
#include "findings/column_detection.hpp"
#include "findings/csv_finding_reader.hpp"
#include "project_run.hpp"

namespace peta {
namespace {

using nlohmann::json;

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(InputClasses, ZipOrWorkbookSavedAsCsvIsNamed) {
  auto dir = test::temp_dir("in-zip");
  test::write_file(dir + "/xlsx.csv", std::string("PK\x03\x04\x14\x00\x00\x00", 8) + "[Content_Types].xml xl/workbook.xml");
  test::write_file(dir + "/zip.csv", std::string("PK\x03\x04\x14\x00\x00\x00", 8) + "foto/1.jpg");
  EXPECT_EQ(error_of([&] { CsvFindingReader r(CsvSourceOptions{dir + "/xlsx.csv", {}, 0}); }),
            "findings file '" + dir + "/xlsx.csv' is an Excel workbook (XLSX, a ZIP archive), not CSV text: save it as "
            "CSV (or give it its real extension)");
  EXPECT_EQ(error_of([&] { CsvFindingReader r(CsvSourceOptions{dir + "/zip.csv", {}, 0}); }),
            "findings file '" + dir + "/zip.csv' is a ZIP archive, not CSV text: save it as CSV (or give it its real "
            "extension)");
}

void write_workbook(const std::string& path, bool data_sheet_has_rows) {
  ensure_gdal_registered();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("XLSX");
  ASSERT_TRUE(driver);
  std::unique_ptr<GDALDataset> ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  ASSERT_TRUE(ds);
  OGRLayer* layer = ds->CreateLayer("data", nullptr, wkbNone, nullptr);
  for (const char* name : {"no", "lintang", "bujur", "kategori"}) {
    OGRFieldDefn fd(name, OFTString);
    layer->CreateField(&fd);
  }
  if (!data_sheet_has_rows) return;
  OGRFeature f(layer->GetLayerDefn());
  f.SetField(0, "1");
  ASSERT_EQ(layer->CreateFeature(&f), OGRERR_NONE);
}

TEST(InputClasses, WorkbookWithoutDataNamesItsSheets) {
  auto dir = test::temp_dir("in-xlsx");
  write_workbook(dir + "/kosong.xlsx", false);
  const std::string e = error_of([&] {
    test::run_findings(dir, json::array({{{"path", dir + "/kosong.xlsx"}}}));
  });
  EXPECT_NE(e.find(dir + "/kosong.xlsx: sheet 'data' has "), std::string::npos) << e;
  EXPECT_NE(e.find("the workbook's sheets: 'data' (0 data rows)"), std::string::npos) << e;
}

TEST(InputClasses, NulByteNeverTruncatesAField) {
  auto dir = test::temp_dir("in-nul");
  test::write_file(dir + "/t.csv", std::string("id,lon,lat,kategori,catatan\n1,113.1919,-7.8566,jalan,pipa\0bocor\n", 64));
  auto r = test::run_findings(dir, json::array({{{"path", dir + "/t.csv"}, {"publish", {"catatan"}}}}));
  ASSERT_FALSE(r.point(2).is_null());
  EXPECT_EQ(r.point(2)["properties"]["catatan"], "pipa\xEF\xBF\xBD" "bocor");
  EXPECT_EQ(r.summary.total().rows_read, 1);
}

TEST(InputClasses, ColumnNamedTwiceIsAWarning) {
  auto c = resolve_columns({}, {"id", "lon", "lat", "kategori", "Kategori"}, "t.csv");
  EXPECT_EQ(c.category, 3);
  ASSERT_EQ(c.warnings.size(), 1u);
  EXPECT_EQ(c.warnings[0],
            "t.csv: column 'Kategori' appears twice in the header (columns 4 and 5); the first is used, the second is "
            "kept only as data");
}

TEST(InputClasses, OdkCentralSplitGeopointColumns) {
  auto c = resolve_columns({}, {"KEY", "data-lokasi-Latitude", "data-lokasi-Longitude", "data-lokasi-Altitude",
                                "data-lokasi-Accuracy", "data-lokasi", "kategori"},
                           "odk.csv");
  EXPECT_EQ(c.lat, 1);
  EXPECT_EQ(c.lon, 2);
  EXPECT_EQ(c.geopoint, 5);
  EXPECT_EQ(c.kobo_extra, (std::vector<int>{3, 4}));
  auto dir = test::temp_dir("in-odk");
  test::write_file(dir + "/odk.csv",
                   "KEY,data-lokasi-Latitude,data-lokasi-Longitude,kategori\nuuid:1,-7.8566,113.1919,jalan\n");
  auto r = test::run_findings(dir, json::array({{{"path", dir + "/odk.csv"}}}));
  ASSERT_FALSE(r.point(2).is_null());
  EXPECT_EQ(r.point(2)["properties"]["kode_desa"], "35.13.04.2008");
}

TEST(InputClasses, BadNumberInProjectFileNamesFileAndKey) {
  auto dir = test::temp_dir("in-project");
  const std::string path = dir + "/project.json";
  test::write_file(path, R"({"name": "x", "geocode": {"gap_tolerance_m": 1e999}})");
  const std::string e = error_of([&] { load_project(path); });
  EXPECT_EQ(e.rfind(path + ": geocode.gap_tolerance_m: not valid JSON: ", 0), 0u) << e;
}

TEST(InputClasses, BlankIdIsMadeFromFileAndRowAndFlagged) {
  auto dir = test::temp_dir("in-id");
  test::write_file(dir + "/t.csv",
                   "id,lon,lat,kategori\n"
                   "a,113.1919,-7.8566,jalan\n"
                   " ,113.1919,-7.8566,jalan\n");
  auto r = test::run_findings(dir, json::array({{{"path", dir + "/t.csv"}}}));
  EXPECT_EQ(r.point(2)["properties"]["id"], "a");
  EXPECT_TRUE(r.point(2)["properties"]["tanda"].is_null());
  EXPECT_EQ(r.point(3)["properties"]["id"], "t.csv:3");
  EXPECT_EQ(r.point(3)["properties"]["tanda"], "id_kosong");
  EXPECT_EQ(r.summary.total().flagged_by_flag["id_kosong"], 1);
}

}  // namespace
}  // namespace peta
