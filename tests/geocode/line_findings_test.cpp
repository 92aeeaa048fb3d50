// Damaged road stretches as lines: from a GeoPackage, a Shapefile in UTM and a WKT column, cut at desa
// borders, measured in EPSG:32749. Reference (shapely/pyproj on desa.geojson, desa in code order, each taking
// the part not yet taken): the line (113.1919 -7.8566, 113.2119 -7.8566, 113.2119 -7.8466) gives
// 777.556 m in Besuk 35.13.04.2008 and 2527.646 m in Pondok Wuluh 35.13.05.2004 (3312.678 m in all; the
// rest lies in sliver gaps).
#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "core/crs.hpp"
#include "core/gdal_init.hpp"
#include "project_run.hpp"

namespace peta {
namespace {

using nlohmann::json;

const std::vector<Coord> kLine = {{113.1919, -7.8566}, {113.2119, -7.8566}, {113.2119, -7.8466}};
constexpr double kBesukM = 777.556, kPondokWuluhM = 2527.646;

void write_lines(const std::string& path, const char* driver_name, int epsg) {
  ensure_gdal_registered();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
  ASSERT_TRUE(driver);
  std::unique_ptr<GDALDataset> ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  ASSERT_TRUE(ds);
  OGRSpatialReference srs;
  srs.importFromEPSG(epsg);
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  OGRLayer* layer = ds->CreateLayer("ruas_rusak", &srs, wkbLineString, nullptr);
  for (const char* name : {"id", "kategori"}) {
    OGRFieldDefn fd(name, OFTString);
    layer->CreateField(&fd);
  }
  CrsTransform to(kExchangeCrs, "EPSG:" + std::to_string(epsg));
  auto add = [&](const char* id, const std::vector<Coord>& coords) {
    OGRFeature f(layer->GetLayerDefn());
    f.SetField("id", id);
    f.SetField("kategori", "jalan rusak");
    OGRLineString line;
    for (const auto& c : coords) {
      Coord p = epsg == 4326 ? c : to.apply(c);
      line.addPoint(p.x, p.y);
    }
    f.SetGeometry(&line);
    ASSERT_EQ(layer->CreateFeature(&f), OGRERR_NONE);
  };
  add("r1", kLine);
  add("r2", {{113.0, -7.0}, {113.01, -7.0}});  // in the sea
}

void expect_cut(const test::ProjectRun& r, double tolerance_m) {
  ASSERT_FALSE(r.ruas.is_null());
  std::map<std::string, double> pieces;
  for (const auto& f : r.ruas["features"]) {
    pieces[f["properties"]["kode_desa"]] += f["properties"]["panjang_m"].get<double>();
    EXPECT_TRUE(f["geometry"]["type"] == "MultiLineString" || f["geometry"]["type"] == "LineString");
    EXPECT_EQ(f["properties"]["kat_kode"], "jalan_rusak");
  }
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_NEAR(pieces["35.13.04.2008"], kBesukM, tolerance_m);
  EXPECT_NEAR(pieces["35.13.05.2004"], kPondokWuluhM, tolerance_m);
  EXPECT_NEAR(r.unit(r.desa, "35.13.04.2008")["properties"]["panjang_m"].get<double>(), kBesukM, tolerance_m);
  EXPECT_NEAR(r.unit(r.desa, "35.13.05.2004")["properties"]["panjang_m"].get<double>(), kPondokWuluhM, tolerance_m);
  EXPECT_NEAR(r.unit(r.kecamatan, "35.13.04")["properties"]["panjang_m"].get<double>(), kBesukM, tolerance_m);
  EXPECT_EQ(r.unit(r.desa, "35.13.01.2001")["properties"]["panjang_m"].get<double>(), 0.0);
}

TEST(LineFindings, GeoPackageLinesAreCutAtDesaBorders) {
  auto dir = test::temp_dir("lines-gpkg");
  write_lines(dir + "/ruas.gpkg", "GPKG", 4326);
  auto r = test::run_findings(dir, json::array({{{"path", dir + "/ruas.gpkg"}}}));
  expect_cut(r, 0.01);
  EXPECT_EQ(r.rejection(2)["properties"]["alasan"], "outside_boundaries");
  auto s = r.summary.total();
  EXPECT_EQ(s.rows_read, 2);
  EXPECT_EQ(s.by_coordinates, 1);
  EXPECT_EQ(s.lines, 1);
  EXPECT_TRUE(s.states_balanced());
  // Lines add length, not counts.
  EXPECT_EQ(r.unit(r.desa, "35.13.04.2008")["properties"]["n_total"], 0);
}

TEST(LineFindings, ShapefileInUtmIsReprojected) {
  auto dir = test::temp_dir("lines-shp");
  write_lines(dir + "/ruas.shp", "ESRI Shapefile", 32749);
  auto r = test::run_findings(dir, json::array({{{"path", dir + "/ruas.shp"}}}));
  expect_cut(r, 0.01);
}

TEST(LineFindings, WktColumnInCsv) {
  auto dir = test::temp_dir("lines-wkt");
  test::write_file(dir + "/t.csv",
                   "id,wkt,kategori\n"
                   "1,\"LINESTRING (113.1919 -7.8566, 113.2119 -7.8566, 113.2119 -7.8466)\",jalan\n"
                   "2,POINT (113.1919 -7.8566),jalan\n"
                   "3,\"LINESTRING (1 2\",jalan\n"
                   "4,\"POLYGON ((113.1 -7.8, 113.2 -7.8, 113.2 -7.9, 113.1 -7.8))\",jalan\n");
  auto r = test::run_findings(dir, json::array({{{"path", dir + "/t.csv"}}}));
  expect_cut(r, 0.01);
  ASSERT_FALSE(r.point(3).is_null());
  EXPECT_EQ(r.point(3)["properties"]["kode_desa"], "35.13.04.2008");
  EXPECT_EQ(r.rejection(4)["properties"]["alasan"], "geometry_unparseable");
  EXPECT_EQ(r.rejection(4)["properties"]["kolom"], "wkt");
  EXPECT_EQ(r.rejection(5)["properties"]["alasan"], "geometry_unsupported");
}

// WKT in the source's CRS: the line and the point of WktColumnInCsv in EPSG:32749 (pyproj: Besuk's point is
// E 741686.389 N 9130923.022), read with "crs": "EPSG:32749", land where their lon/lat versions land.
TEST(LineFindings, WktColumnInTheSourceCrs) {
  auto dir = test::temp_dir("lines-wkt-utm");
  CrsTransform to_utm(kExchangeCrs, kMetricCrs);
  auto utm = [&](double lon, double lat) {
    Coord c = to_utm.apply(Coord{lon, lat});
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3f %.3f", c.x, c.y);
    return std::string(buf);
  };
  test::write_file(dir + "/t.csv", "id,wkt,kategori\n"
                                   "1,\"LINESTRING (" + utm(113.1919, -7.8566) + ", " + utm(113.2119, -7.8566) + ", " +
                                       utm(113.2119, -7.8466) + ")\",jalan\n"
                                   "2,POINT (" + utm(113.1919, -7.8566) + "),jalan\n"
                                   "3,POINT (113.1919 -7.8566),jalan\n");
  auto r = test::run_findings(dir, json::array({{{"path", dir + "/t.csv"}, {"crs", "EPSG:32749"}}}));
  expect_cut(r, 0.01);
  ASSERT_FALSE(r.point(3).is_null());
  EXPECT_EQ(r.point(3)["properties"]["kode_desa"], "35.13.04.2008");
  EXPECT_NEAR(test::lon_of(r.point(3)), 113.1919, 1e-7);
  EXPECT_NEAR(test::lat_of(r.point(3)), -7.8566, 1e-7);
  // Degrees where metres were declared are metres 113 m east of the zone's origin: far from every desa.
  EXPECT_EQ(r.rejection(4)["properties"]["alasan"], "outside_boundaries");
  EXPECT_EQ(r.summary.total().rows_read, 3);
}

}  // namespace
}  // namespace peta
