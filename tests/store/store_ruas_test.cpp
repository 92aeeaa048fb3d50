// Line findings (damaged road segments, layer `ruas`) in the findings store, on both backends: the same identity,
// re-import, update-with-history, duplicate, not-in-source and status machinery as the points, one identity space
// for both, and the forward migration of a store made before segments (schema 2).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "core/error.hpp"
#include "store/finding_store.hpp"
#include "store_test_support.hpp"

namespace peta::store {
namespace {

using test::sample_findings;
using test::sample_segment;
using test::sample_segments;

class StoreRuasTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    path_ = test::store_for_backend(GetParam(), "store-ruas-");
    PETA_SKIP_WITHOUT_STORE(path_);
  }

  ImportSummary import(FindingStore& store, const std::vector<StoreFinding>& rows, const std::string& file = "ekspor.csv",
                       std::vector<StoreRejection>* rejections = nullptr) {
    ImportOptions o;
    o.file = file;
    o.source = "form";
    o.today = "2026-03-01";
    return test::import_in_batches(store, o, rows, 5, rejections);
  }

  static std::vector<StoreFinding> joined(std::vector<StoreFinding> a, const std::vector<StoreFinding>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
  }

  std::map<std::string, StoredFinding> segments(FindingStore& store) {
    std::map<std::string, StoredFinding> m;
    for (auto& f : store.segments()) m[f.id] = f;
    return m;
  }

  std::string path_;
};

TEST_P(StoreRuasTest, SegmentsAreStoredWholeBesideThePoints) {
  auto store = FindingStore::open(path_);
  EXPECT_EQ(test::raw_count(path_, "ruas"), 0);
  const auto s = import(*store, joined(sample_findings(0, 10), sample_segments(0, 4)));
  EXPECT_EQ(s.rows_read, 14);
  EXPECT_EQ(s.new_rows, 14);
  EXPECT_EQ(s.lines, 4);
  EXPECT_EQ(test::raw_count(path_, "temuan"), 10);
  EXPECT_EQ(test::raw_count(path_, "ruas"), 4);
  EXPECT_EQ(store->findings().size(), 10u);  // scan(): the points only
  auto m = segments(*store);
  ASSERT_EQ(m.size(), 4u);
  const StoreFinding given = sample_segment(2);
  const StoredFinding& f = m.at("S2");
  EXPECT_EQ(f.kind, FindingKind::line);
  ASSERT_EQ(f.lines.size(), 2u);
  for (std::size_t p = 0; p < 2; ++p) {
    ASSERT_EQ(f.lines[p].size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) EXPECT_EQ(f.lines[p][i], given.lines[p][i]) << p << " " << i;  // exact doubles
  }
  EXPECT_DOUBLE_EQ(f.length_m, 102.0);
  EXPECT_EQ(f.desa_code, given.desa_code);
  EXPECT_EQ(f.status, "baru");
  EXPECT_EQ(f.opd, "Dinas PUPR");
  EXPECT_EQ(f.due_date, "2026-04-30");
  EXPECT_EQ(f.source, "form");
  // The import record counts the segments among the rows read.
  const auto records = store->imports();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].summary.lines, 4);
  EXPECT_EQ(records[0].summary.rows_read, 14);
}

TEST_P(StoreRuasTest, ReimportUpdatesAndMissingSegmentsAsForPoints) {
  auto store = FindingStore::open(path_);
  const auto rows = joined(sample_findings(0, 6), sample_segments(0, 5));
  ASSERT_EQ(import(*store, rows).new_rows, 11);
  // The same export again: nothing new, nothing written.
  auto again = import(*store, rows);
  EXPECT_EQ(again.unchanged, 11);
  EXPECT_EQ(again.new_rows + again.updated, 0);
  EXPECT_EQ(test::raw_count(path_, "riwayat"), 0);
  // A moved vertex (S1) and a changed note (S2) are updates with the old version in the history; S4 is missing
  // from the export: flagged, kept.
  auto next = joined(sample_findings(0, 6), sample_segments(0, 4));
  next[6 + 1].lines[0][1].x += 0.0005;
  next[6 + 2] = sample_segment(2, "lubang makin besar");
  const auto s = import(*store, next, "april.csv");
  EXPECT_EQ(s.rows_read, 10);
  EXPECT_EQ(s.updated, 2);
  EXPECT_EQ(s.unchanged, 8);
  EXPECT_EQ(s.not_in_source, 1);
  EXPECT_EQ(s.lines, 4);
  auto m = segments(*store);
  ASSERT_EQ(m.size(), 5u);
  EXPECT_DOUBLE_EQ(m.at("S1").lines[0][1].x, next[7].lines[0][1].x);
  EXPECT_TRUE(m.at("S4").not_in_source);
  EXPECT_FALSE(m.at("S3").not_in_source);
  const auto h1 = store->history("S1");
  ASSERT_EQ(h1.size(), 1u);
  EXPECT_EQ(h1[0].kind, "ubah");
  EXPECT_NE(h1[0].old_content.find("\"geom\":\"MULTILINESTRING ("), std::string::npos) << h1[0].old_content;
  const auto h2 = store->history("S2");
  ASSERT_EQ(h2.size(), 1u);
  EXPECT_NE(h2[0].old_content.find("ruas nomor 2"), std::string::npos) << h2[0].old_content;
  EXPECT_EQ(store->history("S4").at(0).kind, "tidak_di_sumber");
  // It comes back in a later export: the flag is cleared.
  const auto back = import(*store, joined(sample_findings(0, 6), sample_segments(0, 5)), "mei.csv");
  EXPECT_EQ(back.back_in_source, 1);
  EXPECT_EQ(back.updated, 2);  // S1 and S2 as first exported
  EXPECT_FALSE(segments(*store).at("S4").not_in_source);
  EXPECT_EQ(store->status_counts()["tidak_di_sumber"], 0);
}

TEST_P(StoreRuasTest, SegmentsWithoutIdsAreKnownByTheirCoordinates) {
  auto store = FindingStore::open(path_);
  auto rows = sample_segments(0, 3);
  for (auto& r : rows) {
    r.id.clear();
    r.values.erase(r.values.begin());  // no id column
  }
  ASSERT_EQ(import(*store, rows).new_rows, 3);
  EXPECT_EQ(import(*store, rows).unchanged, 3);
  // A vertex moved by less than the rounding (1e-5 degrees, about 1 m) is the same segment; by more, another.
  rows[0].lines[0][0].x += 1e-7;
  rows[1].lines[0][0].x += 1e-3;
  const auto s = import(*store, rows);
  EXPECT_EQ(s.unchanged, 2);
  EXPECT_EQ(s.new_rows, 1);
  EXPECT_EQ(s.not_in_source, 1);  // the old version of the moved one
  for (const auto& f : store->segments()) EXPECT_EQ(f.id.rfind("sidik:", 0), 0u) << f.id;
}

TEST_P(StoreRuasTest, OneIdSpaceForPointsAndSegments) {
  auto store = FindingStore::open(path_);
  ASSERT_EQ(import(*store, sample_findings(0, 5)).new_rows, 5);
  // A segment with the id of a stored point is not taken (and the point is not touched). (Were the point seen
  // first in the same export, the segment would be a duplicate of it.)
  auto clash = sample_segment(7);
  clash.id = "T3";
  clash.values[0].second = "T3";
  std::vector<StoreRejection> rejections;
  auto s = import(*store, joined({clash}, sample_findings(0, 5)), "ekspor.csv", &rejections);
  EXPECT_EQ(s.rows_read, 6);
  EXPECT_EQ(s.unchanged, 5);
  EXPECT_EQ(s.rejected, 1);
  EXPECT_EQ(s.lines, 1);
  ASSERT_EQ(rejections.size(), 1u);
  EXPECT_EQ(rejections[0].field, "id");
  EXPECT_NE(rejections[0].reason.find("sudah dipakai temuan titik"), std::string::npos) << rejections[0].reason;
  EXPECT_EQ(test::raw_count(path_, "ruas"), 0);
  // Within one import: a point and a segment both new with one id: the second is a duplicate, either way round.
  auto point = test::sample_finding(40);
  auto segment = sample_segment(41);
  segment.id = "T40";
  auto segment2 = sample_segment(42);
  auto point2 = test::sample_finding(43);
  point2.id = "S42";
  s = import(*store, {point, segment, segment2, point2}, "b.csv", &rejections);
  EXPECT_EQ(s.rows_read, 4);
  EXPECT_EQ(s.new_rows, 2);
  EXPECT_EQ(s.duplicates, 2);
  EXPECT_EQ(s.not_in_source, 5);
  EXPECT_EQ(test::raw_count(path_, "ruas"), 1);
  EXPECT_EQ(test::raw_count(path_, "temuan"), 6);
}

TEST_P(StoreRuasTest, StatusOfASegmentAsOfAPoint) {
  auto store = FindingStore::open(path_);
  import(*store, joined(sample_findings(0, 3), sample_segments(0, 3)));
  auto out = store->change_status({{"S1", "diverifikasi", "2026-03-05", "Dinas PUPR", "dicek", "", 0},
                                   {"S1", "selesai", "2026-03-20", "Dinas PUPR", "diaspal", "", 0},
                                   {"S2", "selesai", "2026-03-20", "", "", "", 0},
                                   {"T1", "diverifikasi", "2026-03-05", "", "", "", 0}});
  ASSERT_EQ(out.size(), 4u);
  EXPECT_TRUE(out[0].applied);
  EXPECT_TRUE(out[1].applied);
  EXPECT_FALSE(out[2].applied);  // baru -> selesai is not a transition
  EXPECT_EQ(out[2].field, "status");
  EXPECT_TRUE(out[3].applied);
  auto m = segments(*store);
  EXPECT_EQ(m.at("S1").status, "selesai");
  EXPECT_EQ(m.at("S1").status_date, "2026-03-20");
  EXPECT_EQ(m.at("S2").status, "baru");
  EXPECT_EQ(store->history("S1").size(), 2u);
  auto counts = store->status_counts();
  EXPECT_EQ(counts["baru"], 2 + 2);
  EXPECT_EQ(counts["diverifikasi"], 1);
  EXPECT_EQ(counts["selesai"], 1);
  EXPECT_EQ(counts["ruas"], 3);
  // An edit made in the ruas layer (as QGIS makes it) is validated like one in temuan.
  test::raw_sql(path_, "UPDATE ruas SET status = 'selesai' WHERE id_temuan = 'S0'");
  test::raw_sql(path_, "UPDATE ruas SET status = 'diverifikasi' WHERE id_temuan = 'S2'");
  auto edits = store->reconcile_direct_edits("2026-03-21");
  ASSERT_EQ(edits.size(), 2u);
  std::map<std::string, DirectEdit> by_id;
  for (auto& e : edits) by_id[e.id] = e;
  EXPECT_FALSE(by_id.at("S0").accepted);
  EXPECT_TRUE(by_id.at("S2").accepted);
  m = segments(*store);
  EXPECT_EQ(m.at("S0").status, "baru");
  EXPECT_EQ(m.at("S2").status, "diverifikasi");
  EXPECT_EQ(m.at("S2").recorded_status, "diverifikasi");
  // The status changes of segments are in the one history the as-of builds read.
  std::size_t segment_changes = 0;
  for (const auto& h : store->status_changes()) segment_changes += h.id[0] == 'S';
  EXPECT_EQ(segment_changes, 3u);  // S1 twice, S2's accepted edit
}

// A store of schema 2 (before segments): no ruas layer, no impor.ruas; opened, it is migrated to 3 and keeps its
// points, statuses and history.
TEST_P(StoreRuasTest, AStoreOfSchemaTwoGetsTheRuasLayer) {
  {
    auto store = FindingStore::open(path_);
    import(*store, sample_findings(0, 8));
    ASSERT_TRUE(store->change_status({{"T2", "diverifikasi", "2026-03-02", "", "", "", 0}})[0].applied);
  }
  if (GetParam() == "PostGIS") {
    test::raw_sql(path_, "DROP TABLE ruas");
    test::raw_sql(path_, "ALTER TABLE impor DROP COLUMN ruas");
  } else {
    ensure_gdal_registered();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path_.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    ASSERT_TRUE(ds);
    for (int i = 0; i < ds->GetLayerCount(); ++i)
      if (std::string(ds->GetLayer(i)->GetName()) == "ruas") ASSERT_EQ(ds->DeleteLayer(i), OGRERR_NONE);
    OGRLayer* impor = ds->GetLayerByName("impor");
    ASSERT_EQ(impor->DeleteField(impor->GetLayerDefn()->GetFieldIndex("ruas")), OGRERR_NONE);
  }
  test::raw_sql(path_, "UPDATE peta_skema SET versi = 2");
  EXPECT_EQ(test::raw_count(path_, "ruas"), -1);  // no such table
  auto store = FindingStore::open(path_);
  EXPECT_EQ(store->schema_version(), 3);
  EXPECT_EQ(test::raw_count(path_, "ruas"), 0);
  EXPECT_EQ(store->findings().size(), 8u);
  EXPECT_EQ(store->history("T2").size(), 1u);
  EXPECT_EQ(store->imports().at(0).summary.lines, 0);  // NULL for the import made before
  const auto s = import(*store, joined(sample_findings(0, 8), sample_segments(0, 2)));
  EXPECT_EQ(s.unchanged, 8);
  EXPECT_EQ(s.new_rows, 2);
  EXPECT_EQ(segments(*store).size(), 2u);
  EXPECT_EQ(FindingStore::open(path_)->schema_version(), kSchemaVersion);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreRuasTest, ::testing::Values("GeoPackage", "PostGIS"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace peta::store
