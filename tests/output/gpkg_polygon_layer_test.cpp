// The GeoPackage's polygon and line layers written by prepared inserts (output/gpkg_bulk_layer.hpp) like the
// point layer: every geometry blob is the one GDAL writes for the same geometry (byte for byte, empty parts and
// empty geometries included), the R-tree holds every feature's box and checks ok, and the extent is GDAL's.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <string>
#include <vector>

#include "output/output_set.hpp"
#include "store/gpkg_geometry.hpp"
#include "output/read_only_db.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

Ring square(double x, double y, double size) {
  return {{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}, {x, y}};
}

// Polygons as the desa and kecamatan layers hold them: one part, several parts, a hole, an empty ring, an empty
// part, and no part at all.
std::vector<MultiPolygon> polygons() {
  std::vector<MultiPolygon> all;
  all.push_back({{Polygon{{square(113.0, -7.9, 0.01)}}}});
  all.push_back({{Polygon{{square(113.1, -7.8, 0.02)}}, Polygon{{square(113.2, -7.7, 0.005)}}}});
  all.push_back({{Polygon{{square(112.9, -8.0, 0.1), square(112.92, -7.98, 0.01)}}}});
  all.push_back({{Polygon{{square(113.3, -7.6, 0.01), Ring{}}}}});
  all.push_back({{Polygon{}, Polygon{{square(113.4, -7.5, 0.03)}}}});
  all.push_back({});
  all.push_back({{Polygon{{Ring{}}}}});  // a part with one empty ring: empty as a whole
  return all;
}

std::vector<MultiLineString> lines() {
  return {{{{113.0, -7.9}, {113.01, -7.91}, {113.02, -7.905}}},
          {{{113.1, -7.8}, {113.2, -7.7}}, {{113.3, -7.6}, {113.31, -7.61}}},
          {{}, {{113.4, -7.5}, {113.41, -7.52}}},
          {},
          {{}}};
}

OGRMultiPolygon* ogr_polygon(const MultiPolygon& mp) {
  auto* out = new OGRMultiPolygon();
  for (const Polygon& part : mp.parts) {
    auto* polygon = new OGRPolygon();
    for (const Ring& ring : part.rings) {
      auto* r = new OGRLinearRing();
      for (const Coord& c : ring) r->addPoint(c.x, c.y);
      polygon->addRingDirectly(r);
    }
    out->addGeometryDirectly(polygon);
  }
  return out;
}

OGRMultiLineString* ogr_lines(const MultiLineString& ml) {
  auto* out = new OGRMultiLineString();
  for (const LineString& part : ml) {
    auto* line = new OGRLineString();
    for (const Coord& c : part) line->addPoint(c.x, c.y);
    out->addGeometryDirectly(line);
  }
  return out;
}

// The geometry blobs GDAL itself writes for `geometries` in a new GeoPackage layer, in fid order.
std::vector<std::string> gdal_blobs(const std::string& path, OGRwkbGeometryType type,
                                    const std::vector<OGRGeometry*>& geometries) {
  GDALAllRegister();
  {
    GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("GPKG")->Create(path.c_str(), 0, 0, 0,
                                                                                      GDT_Unknown, nullptr));
    OGRSpatialReference srs;
    srs.importFromEPSG(4326);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer* layer = ds->CreateLayer("g", &srs, type, nullptr);
    for (OGRGeometry* g : geometries) {
      OGRFeature f(layer->GetLayerDefn());
      f.SetGeometryDirectly(g);
      EXPECT_EQ(layer->CreateFeature(&f), OGRERR_NONE);
    }
  }
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, "SELECT geom FROM g ORDER BY fid", -1, &s, nullptr), SQLITE_OK);
  std::vector<std::string> blobs;
  while (sqlite3_step(s) == SQLITE_ROW)
    blobs.emplace_back(static_cast<const char*>(sqlite3_column_blob(s, 0)),
                       static_cast<std::size_t>(sqlite3_column_bytes(s, 0)));
  sqlite3_finalize(s);
  sqlite3_close(db);
  return blobs;
}

TEST(GpkgPolygonLayer, BlobsAreGdalsByteForByte) {
  const auto mps = polygons();
  std::vector<OGRGeometry*> ogr;
  for (const auto& mp : mps) ogr.push_back(ogr_polygon(mp));
  const auto expected = gdal_blobs(test::temp_dir("gpkg-poly-blobs") + "/g.gpkg", wkbMultiPolygon, ogr);
  ASSERT_EQ(expected.size(), mps.size());
  std::string blob;
  for (std::size_t i = 0; i < mps.size(); ++i) {
    const auto envelope = store::gpkg_multipolygon(mps[i], 4326, blob);
    EXPECT_EQ(blob, expected[i]) << "polygon " << i;
    EXPECT_EQ(envelope.has_value(), i < 5) << "polygon " << i;
  }
  const auto env = store::gpkg_multipolygon(mps[2], 4326, blob);
  ASSERT_TRUE(env);
  EXPECT_DOUBLE_EQ(env->minx, 112.9);
  EXPECT_DOUBLE_EQ(env->maxy, -8.0 + 0.1);
}

TEST(GpkgPolygonLayer, LineBlobsAreGdalsByteForByte) {
  const auto mls = lines();
  std::vector<OGRGeometry*> ogr;
  for (const auto& ml : mls) ogr.push_back(ogr_lines(ml));
  const auto expected = gdal_blobs(test::temp_dir("gpkg-line-blobs") + "/g.gpkg", wkbMultiLineString, ogr);
  ASSERT_EQ(expected.size(), mls.size());
  std::string blob;
  for (std::size_t i = 0; i < mls.size(); ++i) {
    const auto envelope = store::gpkg_multilinestring(mls[i], 4326, blob);
    EXPECT_EQ(blob, expected[i]) << "line " << i;
    EXPECT_EQ(envelope.has_value(), i < 3) << "line " << i;
  }
}

using Db = test::ReadOnlyDb;

// A grid of 40 x 30 desa-like squares written as a layer: the R-tree has the 1,200 boxes (the empty last
// polygon has none), SQLite's check passes, the triggers are there, the extent and count are GDAL's, and GDAL
// answers a spatial filter through the index.
TEST(GpkgPolygonLayer, LayerHasEveryBoxInItsRtree) {
  const std::string dir = test::temp_dir("gpkg-poly-layer");
  {
    OutputOptions o;
    o.folder = dir;
    o.geojson = o.shapefile = o.qgis = false;
    OutputSet out(o);
    LayerSink& sink = out.open_layer(LayerSchema{"desa", GeometryKind::multipolygon, {{"n", FieldType::integer, "n"}}});
    for (int i = 0; i < 1200; ++i)
      sink.write(Feature{MultiPolygon{{Polygon{{square(112.9 + (i % 40) * 0.02, -8.1 + (i / 40) * 0.02, 0.015)}}}},
                         {std::int64_t{i}}});
    sink.write(Feature{MultiPolygon{}, {std::int64_t{1200}}});
    out.commit();
  }
  const std::string path = dir + "/peta.gpkg";
  Db db(path);
  EXPECT_EQ(db.integer("SELECT COUNT(*) FROM desa"), 1201);
  EXPECT_EQ(db.integer("SELECT COUNT(*) FROM rtree_desa_geom"), 1200);
  EXPECT_EQ(db.text("SELECT rtreecheck('rtree_desa_geom')"), "ok");
  EXPECT_EQ(db.integer("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'desa'"), 1201);
  EXPECT_EQ(db.integer("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'desa'"), 8);
  // fid 42 (i = 41: column 1, row 1): its box in the tree is its square, rounded outwards to float.
  EXPECT_NEAR(std::stod(db.text("SELECT minx FROM rtree_desa_geom WHERE id = 42")), 112.92, 1e-5);
  EXPECT_NEAR(std::stod(db.text("SELECT maxy FROM rtree_desa_geom WHERE id = 42")), -8.08 + 0.015, 1e-5);
  EXPECT_EQ(db.text("SELECT min_x || ' ' || max_y FROM gpkg_contents WHERE table_name = 'desa'"),
            "112.9 " + db.text("SELECT -8.1 + 29 * 0.02 + 0.015"));

  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  ASSERT_TRUE(ds);
  OGRLayer* layer = ds->GetLayerByName("desa");
  ASSERT_NE(layer, nullptr);
  EXPECT_EQ(layer->GetFeatureCount(FALSE), 1201);
  // Squares touching the box (113.0, -8.0)-(113.05, -7.95): columns 5..7 (x from 113.0 to 113.055) and rows
  // 5..7: 3 x 3 = 9 (the square of column 4 ends at 112.995, before the box).
  layer->SetSpatialFilterRect(113.0, -8.0, 113.05, -7.95);
  int hits = 0;
  for (auto& f : *layer) {
    (void)f;
    ++hits;
  }
  EXPECT_EQ(hits, 9);
}

}  // namespace
}  // namespace peta
