// The GeoPackage's point layer written by prepared inserts with its R-tree packed at the end
// (output/gpkg_bulk_layer.hpp): every row, field and coordinate as given, the R-tree GeoPackage readers expect
// (one entry per located feature, registered in gpkg_extensions, SQLite's rtreecheck ok), the feature count and
// extent, and the file as GDAL reads it.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>

#include "core/error.hpp"
#include "output/output_set.hpp"
#include "store/sqlite_rtree_bulk.hpp"
#include "output/read_only_db.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

LayerSchema point_schema() {
  LayerSchema s{"temuan", GeometryKind::point, {}};
  s.fields = {{"id_temuan", FieldType::text, "id_temuan"},
              {"kategori", FieldType::text, "kategori"},
              {"tanggal", FieldType::date, "tanggal"},
              {"jumlah", FieldType::integer, "jumlah"},
              {"jarak_m", FieldType::real, "jarak_m"}};
  return s;
}

// Feature i: a deterministic spread over Probolinggo; every 97th has no point, every 10th an invalid date.
Feature point_feature(int i) {
  Feature f;
  if (i % 97 != 0) f.geometry = Coord{112.9 + (i % 1000) * 0.0007, -8.1 + (i / 1000) * 0.0039};
  f.values = {std::string("T") + std::to_string(i), std::string(i % 2 ? "jalan_rusak" : "stunting"),
              std::string(i % 10 == 3 ? "bukan tanggal" : "2026-03-" + std::string(i % 28 < 9 ? "0" : "") +
                                                              std::to_string(i % 28 + 1)),
              static_cast<std::int64_t>(i * 3), i % 5 == 0 ? FieldValue{} : FieldValue{i * 0.25}};
  return f;
}

using Db = test::ReadOnlyDb;

constexpr int kCount = 25000;

std::string write_points(const std::string& dir, int count) {
  OutputOptions o;
  o.folder = dir;
  o.geojson = o.shapefile = false;
  o.qgis = false;
  OutputSet out(o);
  LayerSink& sink = out.open_layer(point_schema());
  for (int i = 1; i <= count; ++i) sink.write(point_feature(i));
  LayerSchema table{"tabel", GeometryKind::none, {{"nama", FieldType::text, "nama"}, {"n", FieldType::integer, "n"}}};
  LayerSink& t = out.open_layer(table);
  t.write(Feature{{}, {std::string("satu"), std::int64_t{1}}});
  t.write(Feature{{}, {FieldValue{}, std::int64_t{2}}});
  out.commit();
  return dir + "/peta.gpkg";
}

TEST(GpkgPointLayer, EveryRowFieldAndPointAsWritten) {
  const std::string path = write_points(test::temp_dir("gpkg-points"), kCount);
  Db db(path);
  int without_point = 0;
  for (int i = 1; i <= kCount; ++i) without_point += i % 97 == 0;
  EXPECT_EQ(db.integer("SELECT COUNT(*) FROM temuan"), kCount);
  EXPECT_EQ(db.integer("SELECT COUNT(*) FROM temuan WHERE geom IS NULL"), without_point);
  EXPECT_EQ(db.integer("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'temuan'"), kCount);
  // Feature 1234 (fid 1234): its fields exactly.
  EXPECT_EQ(db.text("SELECT id_temuan || '|' || kategori || '|' || tanggal || '|' || jumlah || '|' || jarak_m FROM temuan WHERE fid = 1234"),
            "T1234|stunting|2026-03-03|3702|308.5");
  EXPECT_EQ(db.text("SELECT quote(tanggal) || quote(jarak_m) FROM temuan WHERE fid = 13"), "NULL3.25");  // not a date: NULL
  EXPECT_EQ(db.text("SELECT quote(jarak_m) FROM temuan WHERE fid = 15"), "NULL");
  EXPECT_EQ(db.text("SELECT typeof(jumlah) || typeof(jarak_m) || typeof(tanggal) FROM temuan WHERE fid = 1234"), "integerrealtext");
  EXPECT_EQ(db.text("SELECT data_type FROM gpkg_contents WHERE table_name = 'tabel'"), "attributes");
  EXPECT_EQ(db.text("SELECT group_concat(quote(nama) || n, ',') FROM tabel"), "'satu'1,NULL2");
}

TEST(GpkgPointLayer, TheRtreeHasEveryPointAndChecksOk) {
  const std::string path = write_points(test::temp_dir("gpkg-rtree"), kCount);
  Db db(path);
  int with_point = 0;
  for (int i = 1; i <= kCount; ++i) with_point += i % 97 != 0;
  EXPECT_EQ(db.integer("SELECT COUNT(*) FROM rtree_temuan_geom"), with_point);
  EXPECT_EQ(db.text("PRAGMA integrity_check"), "ok");
  EXPECT_EQ(db.text("SELECT rtreecheck('rtree_temuan_geom')"), "ok");
  EXPECT_EQ(db.text("SELECT extension_name FROM gpkg_extensions WHERE table_name = 'temuan' AND column_name = 'geom'"),
            "gpkg_rtree_index");
  // The triggers that keep the index and count right on later edits (QGIS edits) are all there.
  EXPECT_EQ(db.integer("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'temuan'"), 8);
  // The box of fid 1234 in the R-tree holds its point: 112.9 + 234 * 0.0007, -8.1 + 1 * 0.0039.
  const double x = 112.9 + 234 * 0.0007, y = -8.1 + 0.0039;
  char sql[256];
  std::snprintf(sql, sizeof sql, "SELECT id FROM rtree_temuan_geom WHERE minx <= %.10f AND maxx >= %.10f AND miny <= %.10f AND maxy >= %.10f AND id = 1234", x, x, y, y);
  EXPECT_EQ(db.integer(sql), 1234);
  // The layer's extent is that of its points.
  EXPECT_NEAR(std::stod(db.text("SELECT min_x FROM gpkg_contents WHERE table_name = 'temuan'")), 112.9, 1e-9);
  EXPECT_NEAR(std::stod(db.text("SELECT max_y FROM gpkg_contents WHERE table_name = 'temuan'")), -8.1 + 25 * 0.0039, 1e-9);
}

// The tree packed from the points kept while writing is the one the store's packer makes from the table
// (read back, as the store does for rows already there): the same nodes, parents and leaf of every row.
TEST(GpkgPointLayer, ThePackedTreeIsTheOneReadBackFromTheTable) {
  const std::string path = write_points(test::temp_dir("gpkg-repack"), kCount);
  auto shadow = [](sqlite3* db) {
    std::string all;
    for (const char* sql : {"SELECT nodeno, hex(data) FROM rtree_temuan_geom_node ORDER BY nodeno",
                            "SELECT nodeno, parentnode FROM rtree_temuan_geom_parent ORDER BY nodeno",
                            "SELECT rowid, nodeno FROM rtree_temuan_geom_rowid ORDER BY rowid"}) {
      sqlite3_stmt* s = nullptr;
      EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &s, nullptr), SQLITE_OK);
      while (s && sqlite3_step(s) == SQLITE_ROW)
        all += std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, 0))) + ":" +
               reinterpret_cast<const char*>(sqlite3_column_text(s, 1)) + "\n";
      sqlite3_finalize(s);
      all += "--\n";
    }
    return all;
  };
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  const std::string written = shadow(db);
  ASSERT_EQ(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), SQLITE_OK);
  store::rebuild_gpkg_rtree(db, "temuan", "fid", "geom", "rtree_temuan_geom");
  ASSERT_EQ(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
  const std::string rebuilt = shadow(db);
  sqlite3_close(db);
  EXPECT_EQ(written, rebuilt);
  // 24,743 points in leaves of 51: 486 leaves, 10 inner nodes, the root: depth 2, node numbers 1..11 inner.
  Db check(path);
  EXPECT_EQ(check.integer("SELECT COUNT(*) FROM rtree_temuan_geom_node"), 486 + 10 + 1);
  EXPECT_EQ(check.integer("SELECT COUNT(*) FROM rtree_temuan_geom_parent"), 486 + 10);
  EXPECT_EQ(check.text("SELECT hex(substr(data, 1, 2)) FROM rtree_temuan_geom_node WHERE nodeno = 1"), "0002");
  EXPECT_EQ(check.text("SELECT rtreecheck('rtree_temuan_geom')"), "ok");
}

TEST(GpkgPointLayer, GdalReadsItBack) {
  const std::string path = write_points(test::temp_dir("gpkg-gdal"), kCount);
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  ASSERT_TRUE(ds);
  OGRLayer* layer = ds->GetLayerByName("temuan");
  ASSERT_NE(layer, nullptr);
  EXPECT_EQ(layer->GetFeatureCount(FALSE), kCount);
  EXPECT_EQ(layer->GetLayerDefn()->GetFieldDefn(2)->GetType(), OFTDate);
  EXPECT_EQ(layer->GetLayerDefn()->GetFieldDefn(3)->GetType(), OFTInteger64);
  // A spatial filter goes through the R-tree: the points of row 1 (i = 1..999) west of 112.9 + 0.1.
  layer->SetSpatialFilterRect(112.9, -8.1 - 1e-9, 112.9 + 0.1 - 1e-9, -8.1 + 1e-9);
  int hits = 0;
  for (auto& f : *layer) {
    (void)f;
    ++hits;
  }
  int expected = 0;
  for (int i = 1; i < 1000; ++i) expected += i % 97 != 0 && (i % 1000) * 0.0007 < 0.1 - 1e-9;
  EXPECT_EQ(hits, expected);
  layer->SetSpatialFilter(nullptr);
  OGRFeatureUniquePtr f(layer->GetFeature(2));
  ASSERT_TRUE(f);
  EXPECT_STREQ(f->GetFieldAsString("id_temuan"), "T2");
  EXPECT_STREQ(f->GetFieldAsString("tanggal"), "2026/03/03");
  const OGRPoint* p = f->GetGeometryRef()->toPoint();
  EXPECT_DOUBLE_EQ(p->getX(), 112.9 + 2 * 0.0007);
  EXPECT_DOUBLE_EQ(p->getY(), -8.1);
}

TEST(GpkgPointLayer, AValueOfTheWrongTypeNamesTheField) {
  OutputOptions o;
  o.folder = test::temp_dir("gpkg-wrong");
  o.geojson = o.shapefile = o.qgis = false;
  OutputSet out(o);
  LayerSink& sink = out.open_layer(point_schema());
  Feature f = point_feature(1);
  f.values[3] = std::string("tiga");
  try {
    // The writer runs on its own thread: its error surfaces at a later call, at the latest at commit().
    sink.write(f);
    out.commit();
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("field jumlah"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("peta.gpkg"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace peta
