// The GeoPackage store's R-tree after imports that write through SQLite directly: packed in one go for a new
// store (sqlite_rtree_bulk), added to by the trigger's statement for a few new rows. Checked with SQLite's own
// rtreecheck(), against the layer's rows, and through an OGR spatial filter (what QGIS uses).
#include <gtest/gtest.h>

#include "store/finding_store.hpp"
#include "store_test_support.hpp"

namespace peta::store {
namespace {

std::string sql_text(const std::string& path, const std::string& sql) {
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
  if (!ds) return "cannot open";
  std::string out;
  OGRLayer* r = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
  if (r) {
    if (auto f = std::unique_ptr<OGRFeature>(r->GetNextFeature())) out = f->GetFieldAsString(0);
    ds->ReleaseResultSet(r);
  }
  return out;
}

long long in_box(const std::string& path, double minx, double miny, double maxx, double maxy) {
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
  OGRLayer* l = ds->GetLayerByName("temuan");
  l->SetSpatialFilterRect(minx, miny, maxx, maxy);
  return l->GetFeatureCount(TRUE);
}

void import_rows(FindingStore& store, const std::vector<StoreFinding>& rows, const std::string& file) {
  ImportOptions o;
  o.file = file;
  o.source = "kobo-form";
  o.today = "2026-03-01";
  auto s = store.begin_import(o);
  s->add(rows);
  const auto summary = s->commit();
  ASSERT_EQ(summary.new_rows, static_cast<long long>(rows.size()));
}

TEST(StoreGpkgIndex, PackedAndIncrementalRtreesAreValidAndComplete) {
  const std::string path = test::temp_dir("store-rtree") + "/temuan.gpkg";
  auto store = FindingStore::open(path);
  // 3,000 new rows in a new store: one packed rebuild, three levels (51 cells a node).
  import_rows(*store, test::sample_findings(0, 3000), "maret.csv");
  EXPECT_EQ(sql_text(path, "SELECT rtreecheck('rtree_temuan_geom')"), "ok");
  EXPECT_EQ(sql_text(path, "SELECT COUNT(*) FROM rtree_temuan_geom"), "3000");
  EXPECT_EQ(sql_text(path, "SELECT hex(substr(data, 1, 2)) FROM rtree_temuan_geom_node WHERE nodeno = 1"), "0002");
  // 100 more: few enough for the trigger's own statement.
  import_rows(*store, test::sample_findings(3000, 3100), "april.csv");
  EXPECT_EQ(sql_text(path, "SELECT rtreecheck('rtree_temuan_geom')"), "ok");
  EXPECT_EQ(sql_text(path, "SELECT COUNT(*) FROM rtree_temuan_geom"), "3100");
  EXPECT_EQ(sql_text(path, "SELECT COUNT(*) FROM temuan t JOIN rtree_temuan_geom r ON r.id = t.fid"), "3100");
  // The triggers held back during the imports are all back (R-tree: insert, 4 update, delete; feature count: 2).
  EXPECT_EQ(sql_text(path, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'temuan'"), "8");
  // A spatial filter through the index finds exactly the points in the box.
  const double minx = 113.1, miny = -7.95, maxx = 113.35, maxy = -7.75;
  long long expected = 0;
  for (const auto& f : test::sample_findings(0, 3100))
    expected += f.lon >= minx && f.lon <= maxx && f.lat >= miny && f.lat <= maxy;
  ASSERT_GT(expected, 100);
  EXPECT_EQ(in_box(path, minx, miny, maxx, maxy), expected);
  // The layer's extent covers every point.
  EXPECT_EQ(sql_text(path, "SELECT min_x <= (SELECT MIN(ST_MinX(geom)) FROM temuan) AND max_y >= (SELECT MAX(ST_MaxY(geom)) "
                           "FROM temuan) FROM gpkg_contents WHERE table_name = 'temuan'"),
            "1");
}

TEST(StoreGpkgIndex, ASmallFirstImportIsASingleLeafRoot) {
  const std::string path = test::temp_dir("store-rtree-small") + "/temuan.gpkg";
  auto store = FindingStore::open(path);
  auto rows = test::sample_findings(0, 5);
  rows[2].has_point = false;  // placed by desa code only: no geometry, not in the index
  import_rows(*store, rows, "maret.csv");
  EXPECT_EQ(sql_text(path, "SELECT rtreecheck('rtree_temuan_geom')"), "ok");
  EXPECT_EQ(sql_text(path, "SELECT COUNT(*) FROM rtree_temuan_geom"), "4");
  EXPECT_EQ(sql_text(path, "SELECT COUNT(*) FROM rtree_temuan_geom_node"), "1");
  EXPECT_EQ(sql_text(path, "SELECT COUNT(*) FROM temuan WHERE geom IS NULL"), "1");
}

}  // namespace
}  // namespace peta::store
