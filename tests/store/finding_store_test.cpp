// The findings store on both backends (GeoPackage and PostGIS): identity, idempotent import, updates,
// duplicates, deleted-at-source flags, status life, status files, direct edits, schema version.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "core/error.hpp"
#include "store/finding_identity.hpp"
#include "store/finding_status.hpp"
#include "store/finding_store.hpp"
#include "store/status_file.hpp"
#include "store/store_aggregates.hpp"
#include "store_test_support.hpp"

namespace peta::store {
namespace {

using test::sample_finding;
using test::sample_findings;

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    path_ = test::store_for_backend(GetParam(), "store-");
    PETA_SKIP_WITHOUT_STORE(path_);
    if (GetParam() != "PostGIS") dir_ = std::filesystem::path(path_).parent_path().string();
  }

  ImportSummary import(FindingStore& store, const std::vector<StoreFinding>& rows, const std::string& file = "ekspor.csv",
                       const std::string& today = "2026-03-01", std::vector<StoreRejection>* rejections = nullptr) {
    ImportOptions o;
    o.file = file;
    o.source = "kobo-form";
    o.today = today;
    return test::import_in_batches(store, o, rows, 7, rejections);  // batches of 7, as the findings stage hands on
  }

  std::map<std::string, StoredFinding> by_id(FindingStore& store) {
    std::map<std::string, StoredFinding> m;
    for (auto& f : store.findings()) m[f.id] = f;
    return m;
  }

  std::string dir_, path_;
};

TEST_P(StoreTest, NewStoreHasSchemaVersionAndEmptyLayers) {
  auto store = FindingStore::open(path_);
  EXPECT_EQ(store->schema_version(), kSchemaVersion);
  EXPECT_EQ(store->findings().size(), 0u);
  EXPECT_EQ(test::raw_count(path_, "temuan"), 0);
  // Reopening an existing store keeps it.
  store.reset();
  EXPECT_EQ(FindingStore::open(path_)->schema_version(), kSchemaVersion);
}

TEST_P(StoreTest, ReimportOfTheSameRowsAddsNothing) {
  auto store = FindingStore::open(path_);
  auto rows = sample_findings(0, 50);
  auto first = import(*store, rows);
  EXPECT_EQ(first.rows_read, 50);
  EXPECT_EQ(first.new_rows, 50);
  EXPECT_EQ(first.unchanged, 0);
  auto second = import(*store, rows);
  EXPECT_EQ(second.rows_read, 50);
  EXPECT_EQ(second.new_rows, 0);
  EXPECT_EQ(second.unchanged, 50);
  EXPECT_EQ(second.updated, 0);
  EXPECT_EQ(test::raw_count(path_, "temuan"), 50);
  EXPECT_EQ(test::raw_count(path_, "riwayat"), 0);
  auto records = store->imports();
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].summary.unchanged, 50);
  EXPECT_EQ(records[0].summary.new_rows, 50);
  EXPECT_EQ(records[0].file, "ekspor.csv");
  EXPECT_EQ(records[0].source, "kobo-form");
  // The stored finding carries its place, status, OPD and due date (first seen + the category's target days).
  auto f = by_id(*store).at("T0");
  EXPECT_EQ(f.category, "jalan_rusak");
  EXPECT_EQ(f.status, "baru");
  EXPECT_EQ(f.first_seen, "2026-03-01");
  EXPECT_EQ(f.opd, "Dinas PUPR");
  EXPECT_EQ(f.due_date, "2026-04-30");  // + 60 days
  EXPECT_EQ(f.desa_code, test::real_desa()[0].code);
  EXPECT_NEAR(f.lon, test::real_desa()[0].lon, 1e-9);
  EXPECT_NE(f.values_json.find("\"keterangan\":\"temuan nomor 0\""), std::string::npos) << f.values_json;
}

TEST_P(StoreTest, OverlappingCumulativeExportsAddOnlyNewRowsAndFlagTheMissing) {
  auto store = FindingStore::open(path_);
  EXPECT_EQ(import(*store, sample_findings(0, 60), "maret.csv").new_rows, 60);
  // April's export lacks 0..9 (deleted at the source) and brings 60..79.
  auto april = import(*store, sample_findings(10, 80), "april.csv");
  EXPECT_EQ(april.rows_read, 70);
  EXPECT_EQ(april.new_rows, 20);
  EXPECT_EQ(april.unchanged, 50);
  EXPECT_EQ(april.not_in_source, 10);
  auto stored = by_id(*store);
  EXPECT_EQ(stored.size(), 80u);  // nothing deleted
  for (int n = 0; n < 80; ++n) EXPECT_EQ(stored.at("T" + std::to_string(n)).not_in_source, n < 10) << n;
  EXPECT_EQ(store->status_counts()["tidak_di_sumber"], 10);
  EXPECT_EQ(store->status_counts()["baru"], 80);
  auto h = store->history("T3");
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].kind, "tidak_di_sumber");
  // Flagged once only; a finding back in a later export loses the flag.
  auto may = import(*store, sample_findings(5, 80), "mei.csv");
  EXPECT_EQ(may.not_in_source, 0);
  EXPECT_EQ(may.back_in_source, 5);
  EXPECT_EQ(may.unchanged, 75);
  stored = by_id(*store);
  EXPECT_TRUE(stored.at("T4").not_in_source);
  EXPECT_FALSE(stored.at("T5").not_in_source);
  EXPECT_EQ(store->imports().back().summary.back_in_source, 5);
}

TEST_P(StoreTest, ChangedContentIsAnUpdateWithTheOldVersionInTheHistory) {
  auto store = FindingStore::open(path_);
  import(*store, sample_findings(0, 10));
  store->change_status({{"T7", "diverifikasi", "2026-03-02", "Camat", "dicek", "", 0}});
  auto rows = sample_findings(0, 10);
  rows[7] = sample_finding(7, "jalan berlubang parah, sudah diperbaiki sebagian");
  rows[7].source_row = 99;
  auto s = import(*store, rows, "april.csv", "2026-04-01");
  EXPECT_EQ(s.updated, 1);
  EXPECT_EQ(s.unchanged, 9);
  EXPECT_EQ(s.new_rows, 0);
  auto f = by_id(*store).at("T7");
  EXPECT_NE(f.values_json.find("sudah diperbaiki sebagian"), std::string::npos);
  EXPECT_EQ(f.source_row, 99);
  EXPECT_EQ(f.status, "diverifikasi");     // an update keeps the status
  EXPECT_EQ(f.first_seen, "2026-03-01");   // and the first-seen date
  auto h = store->history("T7");
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[1].kind, "ubah");
  EXPECT_EQ(h[1].date, "2026-04-01");
  EXPECT_NE(h[1].old_content.find("temuan nomor 7"), std::string::npos) << h[1].old_content;
  EXPECT_NE(h[1].old_content.find("\"baris\":\"8\""), std::string::npos) << h[1].old_content;
  // A row-number-only change is no update.
  rows[7].source_row = 5;
  EXPECT_EQ(import(*store, rows, "mei.csv").unchanged, 10);
}

TEST_P(StoreTest, KoboEditKeepsIdentityAndDeprecatedIdLinksVersions) {
  auto store = FindingStore::open(path_);
  auto kobo = [](int id, const std::string& uuid, const std::string& note, int index) {
    StoreFinding f = sample_finding(id, note);
    f.id.clear();
    f.kobo_id = std::to_string(1000 + id);
    f.kobo_uuid = uuid;
    f.values = {{"_id", f.kobo_id}, {"_uuid", uuid}, {"_index", std::to_string(index)},
                {"_submission_time", "2026-03-0" + std::to_string(index % 9 + 1)}, {"grp/keterangan", note}};
    return f;
  };
  EXPECT_EQ(import(*store, {kobo(1, "u-1", "a", 1), kobo(2, "u-2", "b", 2)}).new_rows, 2);
  // An Enketo edit of submission 2: new _uuid, old one in meta/deprecatedID, same _id; submission 1 moved
  // from _index 1 to 3 without changing.
  auto edited = kobo(2, "u-2b", "b diperbaiki", 2);
  edited.deprecated_id = "u-2";
  edited.values.emplace_back("meta/deprecatedID", "u-2");
  auto s = import(*store, {kobo(1, "u-1", "a", 3), edited});
  EXPECT_EQ(s.unchanged, 1);
  EXPECT_EQ(s.updated, 1);
  EXPECT_EQ(s.new_rows, 0);
  auto stored = by_id(*store);
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored.at("1002").uuid, "u-2b");
  // An export without _id (only _uuid and deprecatedID): the deprecated uuid finds the stored finding.
  auto no_id = kobo(2, "u-2c", "b diperbaiki lagi", 2);
  no_id.kobo_id.clear();
  no_id.instance_id = "u-2c";
  no_id.deprecated_id = "u-2b";
  auto t = import(*store, {no_id});
  EXPECT_EQ(t.updated, 1);
  EXPECT_EQ(t.new_rows, 0);
  EXPECT_EQ(by_id(*store).at("1002").uuid, "u-2c");
}

TEST_P(StoreTest, RowsWithoutIdsAreKnownByTheirContent) {
  auto store = FindingStore::open(path_);
  auto plain = [](int n, long long row, const std::string& index) {
    StoreFinding f = sample_finding(n);
    f.id.clear();
    f.source_row = row;
    f.values = {{"_index", index}, {"kategori", f.category}, {"tingkat", "berat"}, {"keterangan", "Jalan  Berlubang " + std::to_string(n)}};
    return f;
  };
  EXPECT_EQ(import(*store, {plain(1, 2, "1"), plain(2, 3, "2"), plain(3, 4, "3")}).new_rows, 3);
  // The next export: row numbers and _index shifted (a submission deleted), spacing and case of a note changed.
  auto moved = plain(2, 2, "1");
  moved.values[3].second = "jalan berlubang 2";
  auto s = import(*store, {moved, plain(3, 3, "2"), plain(3, 4, "3"), plain(4, 5, "4")});
  EXPECT_EQ(s.unchanged, 2);
  EXPECT_EQ(s.new_rows, 1);
  EXPECT_EQ(s.duplicates, 1);  // the same content twice in one export
  EXPECT_EQ(s.not_in_source, 1);
  EXPECT_EQ(store->findings().size(), 4u);
  for (const auto& f : store->findings()) EXPECT_EQ(f.id.rfind("sidik:", 0), 0u) << f.id;
}

TEST_P(StoreTest, DuplicateIdsWithinOneImportAreCountedAndReported) {
  auto store = FindingStore::open(path_);
  std::vector<StoreFinding> rows = {sample_finding(1), sample_finding(2), sample_finding(2), sample_finding(3),
                                    sample_finding(3), sample_finding(3)};
  for (std::size_t i = 0; i < rows.size(); ++i) rows[i].source_row = static_cast<long long>(i) + 2;
  std::vector<StoreRejection> rejections;
  auto s = import(*store, rows, "ekspor.csv", "2026-03-01", &rejections);
  EXPECT_EQ(s.rows_read, 6);
  EXPECT_EQ(s.new_rows, 3);
  EXPECT_EQ(s.duplicates, 3);
  ASSERT_EQ(rejections.size(), 3u);
  EXPECT_EQ(rejections[0].row, 4);
  EXPECT_EQ(rejections[0].field, "id");
  EXPECT_NE(rejections[0].reason.find("baris 3"), std::string::npos) << rejections[0].reason;
  EXPECT_EQ(rejections[2].row, 7);
  EXPECT_NE(rejections[2].reason.find("baris 5"), std::string::npos) << rejections[2].reason;
}

TEST_P(StoreTest, RejectedRowsCountAndTheSummaryAddsUp) {
  auto store = FindingStore::open(path_);
  auto rows = sample_findings(0, 5);
  rows[1].has_point = false;
  rows[1].desa_code.clear();       // no place at all
  rows[2].has_point = false;       // placed by desa code: kept, without a point
  rows[3].lat = 123;               // not a latitude
  ImportOptions o;
  o.file = "ekspor.csv";
  o.today = "2026-03-01";
  auto session = store->begin_import(o);
  session->add(rows);
  session->add_rejected(4);  // rejected by the findings stage
  auto s = session->commit();
  EXPECT_EQ(s.rows_read, 9);
  EXPECT_EQ(s.new_rows, 3);
  EXPECT_EQ(s.rejected, 6);
  EXPECT_TRUE(s.adds_up());
  ASSERT_EQ(session->rejections().size(), 2u);
  EXPECT_EQ(session->rejections()[0].row, 2);
  EXPECT_EQ(session->rejections()[0].field, "desa");
  EXPECT_EQ(session->rejections()[1].field, "lon/lat");
  auto f = by_id(*store).at("T2");
  EXPECT_EQ(f.lon, 0);
  EXPECT_EQ(f.desa_code, test::real_desa()[2].code);
}

TEST_P(StoreTest, AnUncommittedImportLeavesTheStoreAsItWas) {
  auto store = FindingStore::open(path_);
  import(*store, sample_findings(0, 10));
  {
    ImportOptions o;
    o.file = "april.csv";
    auto session = store->begin_import(o);
    session->add(sample_findings(5, 40));
  }  // destroyed without commit
  EXPECT_EQ(store->findings().size(), 10u);
  EXPECT_EQ(store->imports().size(), 1u);
  EXPECT_EQ(test::raw_count(path_, "temuan"), 10);
  // and the lock is free again
  EXPECT_EQ(import(*store, sample_findings(5, 40)).new_rows, 30);
}

TEST_P(StoreTest, StatusLifeWithHistoryAndRefusals) {
  auto store = FindingStore::open(path_);
  import(*store, sample_findings(0, 3));
  auto step = [&](const std::string& id, const std::string& to, const std::string& date) {
    auto o = store->change_status({{id, to, date, "Dinas PUPR", "catatan " + to, "", 0}});
    EXPECT_EQ(o.size(), 1u);
    return o[0];
  };
  EXPECT_TRUE(step("T0", "diverifikasi", "2026-03-05").applied);
  EXPECT_TRUE(step("T0", "ditindaklanjuti", "2026-03-10").applied);
  EXPECT_TRUE(step("T0", "selesai", "2026-04-01").applied);
  EXPECT_TRUE(step("T0", "ditindaklanjuti", "2026-04-02").applied);  // reopened
  EXPECT_TRUE(step("T0", "selesai", "2026-04-03").applied);
  auto refused = step("T1", "selesai", "2026-03-05");
  EXPECT_FALSE(refused.applied);
  EXPECT_EQ(refused.field, "status");
  EXPECT_NE(refused.reason.find("'baru' -> 'selesai' tidak diizinkan"), std::string::npos) << refused.reason;
  auto unknown = step("T999", "diverifikasi", "2026-03-05");
  EXPECT_EQ(unknown.field, "id");
  auto bad_date = step("T1", "diverifikasi", "2026-02-30");
  EXPECT_EQ(bad_date.field, "tanggal");
  auto bad_status = step("T1", "beres", "2026-03-05");
  EXPECT_EQ(bad_status.field, "status");
  EXPECT_TRUE(step("T2", "duplikat", "2026-03-05").applied);
  EXPECT_TRUE(step("T2", "baru", "2026-03-06").applied);
  auto h = store->history("T0");
  ASSERT_EQ(h.size(), 5u);
  EXPECT_EQ(h[0].from_status, "baru");
  EXPECT_EQ(h[0].to_status, "diverifikasi");
  EXPECT_EQ(h[0].who, "Dinas PUPR");
  EXPECT_EQ(h[0].note, "catatan diverifikasi");
  EXPECT_EQ(h[2].date, "2026-04-01");
  EXPECT_EQ(h[4].to_status, "selesai");
  EXPECT_EQ(store->history("T1").size(), 0u);
  auto stored = by_id(*store);
  EXPECT_EQ(stored.at("T0").status, "selesai");
  EXPECT_EQ(stored.at("T0").status_date, "2026-04-03");
  EXPECT_EQ(stored.at("T1").status, "baru");
  EXPECT_EQ(stored.at("T2").status, "baru");
  auto counts = store->status_counts();
  EXPECT_EQ(counts["selesai"], 1);
  EXPECT_EQ(counts["baru"], 2);
  EXPECT_EQ(counts["diverifikasi"], 0);
  EXPECT_EQ(counts["tidak_di_sumber"], 0);
}

TEST_P(StoreTest, BulkStatusFileWithBadRows) {
  auto store = FindingStore::open(path_);
  import(*store, sample_findings(0, 5));
  const std::string dir = test::temp_dir("status-file-" + GetParam());
  const std::string csv = dir + "/status.csv";
  test::write_file(csv,
                   "id,status,tanggal,catatan,oleh\n"
                   "T0,diverifikasi,2026-03-05,dicek lapangan,Camat\n"        // row 2: ok
                   "T0,ditindaklanjuti,2026-03-06,,Dinas PUPR\n"               // row 3: ok (after row 2)
                   "T9,diverifikasi,2026-03-05,,\n"                            // row 4: unknown id
                   "T1,selesai,2026-03-05,,\n"                                 // row 5: invalid transition
                   "T2,diverifikasi,31/02/2026,,\n"                            // row 6: bad date
                   "T3,,2026-03-05,,\n"                                        // row 7: no status
                   "T4,bukan_masalah,,bukan wewenang desa,\"Dinas Sosial\"\n"); // row 8: ok, today's date
  auto file = read_status_file(csv);
  EXPECT_EQ(file.rows_read, 7);
  EXPECT_EQ(file.requests.size(), 6u);
  ASSERT_EQ(file.rejected.size(), 1u);
  auto outcomes = store->change_status(file.requests, "2026-03-07");
  std::vector<StatusOutcome> rejected = file.rejected;
  long long applied = 0;
  for (auto& o : outcomes) o.applied ? ++applied : (rejected.push_back(o), 0);
  EXPECT_EQ(applied, 3);
  ASSERT_EQ(rejected.size(), 4u);
  EXPECT_EQ(applied + static_cast<long long>(rejected.size()), file.rows_read);
  write_status_rejects(dir + "/ditolak.csv", rejected);
  EXPECT_EQ(test::read_file(dir + "/ditolak.csv"),
            "berkas,baris,kolom,alasan,id,status\n" + csv + ",7,status,status kosong,T3,\n" + csv +
                ",4,id,id 'T9' tidak ada di penyimpanan,T9,diverifikasi\n" + csv +
                ",5,status,\"perubahan 'baru' -> 'selesai' tidak diizinkan (dari 'baru' hanya ke: diverifikasi, "
                "bukan_masalah, duplikat)\",T1,selesai\n" +
                csv + ",6,tanggal,tanggal '31/02/2026' tidak valid (YYYY-MM-DD),T2,diverifikasi\n");
  auto stored = by_id(*store);
  EXPECT_EQ(stored.at("T0").status, "ditindaklanjuti");
  EXPECT_EQ(stored.at("T4").status, "bukan_masalah");
  EXPECT_EQ(stored.at("T4").status_date, "2026-03-07");
  EXPECT_EQ(store->history("T4").at(0).who, "Dinas Sosial");
  EXPECT_EQ(test::raw_count(path_, "riwayat"), 3);
}

TEST_P(StoreTest, DirectEditsInTheLayerAreValidatedNotLost) {
  auto store = FindingStore::open(path_);
  import(*store, sample_findings(0, 4));
  store->change_status({{"T3", "diverifikasi", "2026-03-02", "", "", "", 0}});
  // As QGIS would: the status column edited, no history row.
  test::raw_sql(path_, "UPDATE temuan SET status = 'diverifikasi' WHERE id_temuan = 'T0'");  // valid
  test::raw_sql(path_, "UPDATE temuan SET status = 'selesai' WHERE id_temuan = 'T1'");       // baru -> selesai: invalid
  test::raw_sql(path_, "UPDATE temuan SET status = 'beres' WHERE id_temuan = 'T3'");         // not a status
  // A status change on an edited finding waits for the check.
  auto waiting = store->change_status({{"T0", "ditindaklanjuti", "2026-03-05", "", "", "", 0}});
  EXPECT_FALSE(waiting[0].applied);
  auto edits = store->reconcile_direct_edits("2026-03-06");
  ASSERT_EQ(edits.size(), 3u);
  std::map<std::string, DirectEdit> e;
  for (auto& x : edits) e[x.id] = x;
  EXPECT_TRUE(e.at("T0").accepted);
  EXPECT_FALSE(e.at("T1").accepted);
  EXPECT_FALSE(e.at("T3").accepted);
  EXPECT_EQ(e.at("T3").from_status, "diverifikasi");
  auto stored = by_id(*store);
  EXPECT_EQ(stored.at("T0").status, "diverifikasi");
  EXPECT_EQ(stored.at("T0").recorded_status, "diverifikasi");
  EXPECT_EQ(stored.at("T1").status, "baru");  // reverted
  EXPECT_EQ(stored.at("T3").status, "diverifikasi");
  auto h0 = store->history("T0");
  ASSERT_EQ(h0.size(), 1u);
  EXPECT_EQ(h0[0].kind, "edit_langsung");
  EXPECT_EQ(h0[0].date, "2026-03-06");
  auto h1 = store->history("T1");
  ASSERT_EQ(h1.size(), 1u);
  EXPECT_EQ(h1[0].kind, "edit_ditolak");
  EXPECT_EQ(h1[0].to_status, "selesai");  // the attempted value is kept in the history
  EXPECT_TRUE(store->reconcile_direct_edits("2026-03-07").empty());
  EXPECT_TRUE(store->change_status({{"T0", "ditindaklanjuti", "2026-03-08", "", "", "", 0}})[0].applied);
}

TEST_P(StoreTest, NewerSchemaIsRefusedOlderMigrated) {
  { FindingStore::open(path_); }
  test::raw_sql(path_, "UPDATE peta_skema SET versi = 99");
  try {
    FindingStore::open(path_);
    FAIL() << "a store of schema version 99 was opened";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("schema version 99 is newer"), std::string::npos) << e.what();
  }
  test::raw_sql(path_, "DELETE FROM peta_skema");  // a store from before the version row: migrated forward
  EXPECT_EQ(FindingStore::open(path_)->schema_version(), kSchemaVersion);
}

ImportSummary import_with(FindingStore& store, const std::vector<StoreFinding>& rows, const ImportOptions& o) {
  auto session = store.begin_import(o);
  session->add(rows);
  auto s = session->commit();
  EXPECT_TRUE(s.adds_up());
  return s;
}

ImportOptions keyed(const std::string& source, const std::string& today = "2026-03-01") {
  ImportOptions o;
  o.file = source + ".csv";
  o.source = source;
  o.today = today;
  o.prefix_ids = true;  // a project with several sources
  return o;
}

// A store as schema 1 wrote it: no id_sumber, version 1 (its column removed by hand, as psql or QGIS would).
void make_schema_one(const std::string& path) {
  if (path.rfind("PG:", 0) == 0) {
    test::raw_sql(path, "ALTER TABLE temuan DROP COLUMN id_sumber");
  } else {
    test::raw_sql(path, "DROP INDEX temuan_id_sumber_idx");
    ensure_gdal_registered();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    ASSERT_TRUE(ds);
    OGRLayer* l = ds->GetLayerByName("temuan");
    ASSERT_NE(l, nullptr);
    ASSERT_EQ(l->DeleteField(l->GetLayerDefn()->GetFieldIndex("id_sumber")), OGRERR_NONE);
    ASSERT_LT(l->GetLayerDefn()->GetFieldIndex("id_sumber"), 0);
  }
  test::raw_sql(path, "UPDATE peta_skema SET versi = 1");
}

TEST_P(StoreTest, TwoSourcesThatNumberAlikeAreTwoFindings) {
  auto store = FindingStore::open(path_);
  const auto roads = sample_findings(0, 5);
  auto schools = sample_findings(0, 5);  // ids T0..T4 as well
  for (auto& f : schools) f.category = "akses_sekolah";
  EXPECT_EQ(import_with(*store, roads, keyed("jalan")).new_rows, 5);
  EXPECT_EQ(import_with(*store, schools, keyed("sekolah")).new_rows, 5);
  EXPECT_EQ(import_with(*store, {sample_finding(9)}, keyed("pasar")).new_rows, 1);
  auto m = by_id(*store);
  ASSERT_EQ(m.size(), 11u);
  EXPECT_EQ(m.at("jalan:T1").source_id, "T1");
  EXPECT_EQ(m.at("jalan:T1").category, roads[1].category);
  EXPECT_EQ(m.at("sekolah:T1").source_id, "T1");
  EXPECT_EQ(m.at("sekolah:T1").category, "akses_sekolah");
  EXPECT_EQ(m.at("sekolah:T1").source, "sekolah");
  // Again: nothing new; the schools' next export lacks T4: only the school's T4 is flagged.
  const auto again = import_with(*store, roads, keyed("jalan", "2026-04-01"));
  EXPECT_EQ(again.unchanged, 5);
  EXPECT_EQ(again.new_rows, 0);
  const auto fewer = import_with(*store, std::vector<StoreFinding>(schools.begin(), schools.begin() + 4), keyed("sekolah", "2026-04-01"));
  EXPECT_EQ(fewer.unchanged, 4);
  EXPECT_EQ(fewer.not_in_source, 1);
  m = by_id(*store);
  EXPECT_TRUE(m.at("sekolah:T4").not_in_source);
  EXPECT_FALSE(m.at("jalan:T4").not_in_source);
  // A status by the source's own id: refused when two sources have it, applied when one does or with the full id.
  const auto out = store->change_status({{"T1", "diverifikasi", "2026-04-02", "", "", "", 0},
                                         {"jalan:T1", "diverifikasi", "2026-04-02", "", "", "", 0},
                                         {"T9", "diverifikasi", "2026-04-02", "", "", "", 0}});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_FALSE(out[0].applied);
  EXPECT_EQ(out[0].field, "id");
  EXPECT_EQ(out[0].reason, "id 'T1' ada di beberapa sumber (jalan:T1, sekolah:T1); tulis id_temuan lengkap (kunci:id)");
  EXPECT_TRUE(out[1].applied) << out[1].reason;
  EXPECT_TRUE(out[2].applied) << out[2].reason;
  m = by_id(*store);
  EXPECT_EQ(m.at("jalan:T1").status, "diverifikasi");
  EXPECT_EQ(m.at("sekolah:T1").status, "baru");
  EXPECT_EQ(m.at("pasar:T9").status, "diverifikasi");
  EXPECT_EQ(store->history("pasar:T9").size(), 1u);
}

TEST_P(StoreTest, AStoreOfSchemaOneKeepsItsIdentities) {
  {
    auto store = FindingStore::open(path_);
    import(*store, sample_findings(0, 10));  // source kobo-form, bare ids T0..T9
    ASSERT_TRUE(store->change_status({{"T3", "diverifikasi", "2026-03-02", "", "", "", 0}})[0].applied);
  }
  make_schema_one(path_);
  auto store = FindingStore::open(path_);
  EXPECT_EQ(store->schema_version(), kSchemaVersion);
  auto m = by_id(*store);
  ASSERT_EQ(m.size(), 10u);
  EXPECT_EQ(m.at("T3").source_id, "T3");  // id_sumber NULL after the migration: the same as id_temuan
  EXPECT_EQ(m.at("T3").status, "diverifikasi");
  EXPECT_EQ(store->history("T3").size(), 1u);
  // The same export and two more rows, imported as a project with several sources writes them: the ten are the
  // same findings (found by their bare id), the new ones get "kobo-form:id".
  const auto s = import_with(*store, sample_findings(0, 12), keyed("kobo-form", "2026-03-05"));
  EXPECT_EQ(s.unchanged, 10);
  EXPECT_EQ(s.new_rows, 2);
  EXPECT_EQ(s.updated, 0);
  m = by_id(*store);
  ASSERT_EQ(m.size(), 12u);
  EXPECT_EQ(m.at("T3").status, "diverifikasi");
  EXPECT_EQ(m.at("kobo-form:T10").source_id, "T10");
  EXPECT_EQ(m.at("kobo-form:T10").first_seen, "2026-03-05");
  // Another source numbering alike is kept apart from the old bare ids.
  EXPECT_EQ(import_with(*store, sample_findings(0, 3), keyed("form-b", "2026-03-05")).new_rows, 3);
  EXPECT_EQ(by_id(*store).size(), 15u);
  // Opened again: nothing left to migrate.
  EXPECT_EQ(FindingStore::open(path_)->schema_version(), kSchemaVersion);
}

TEST_P(StoreTest, AggregatesThroughTheStore) {
  auto store = FindingStore::open(path_);
  import(*store, sample_findings(0, 12), "maret.csv", "2026-03-01");  // desa 0..11, one finding each
  store->change_status({{"T0", "diverifikasi", "", "", "", "", 0}, {"T0", "selesai", "", "", "", "", 0},
                        {"T6", "bukan_masalah", "", "", "", "", 0}},
                       "2026-03-10");
  auto agg = aggregate_status(store->findings(), "2026-06-01", OpdMapping::defaults());
  const auto& d0 = agg.desa.at(test::real_desa()[0].code);
  EXPECT_EQ(d0.n_selesai, 1);
  EXPECT_EQ(d0.n_terbuka, 0);
  EXPECT_DOUBLE_EQ(d0.persen_selesai, 100);
  EXPECT_EQ(agg.desa.count(test::real_desa()[6].code), 0u);  // bukan_masalah is not counted
  const auto& d1 = agg.desa.at(test::real_desa()[1].code);   // stunting, 30 days, open 92 days
  EXPECT_EQ(d1.n_terbuka, 1);
  EXPECT_EQ(d1.n_lewat_target, 1);
  EXPECT_DOUBLE_EQ(d1.umur_median_hari, 92);
  const auto& d5 = agg.desa.at(test::real_desa()[5].code);   // potensi, 180 days: not yet due
  EXPECT_EQ(d5.n_lewat_target, 0);
}

TEST_P(StoreTest, ScanVisitsEveryFindingOnceAndFeedsTheAccumulators) {
  auto store = FindingStore::open(path_);
  import(*store, sample_findings(0, 40), "maret.csv", "2026-03-01");
  import(*store, sample_findings(30, 50), "april.csv", "2026-04-01");  // 10 new, T0..T29 flagged missing
  store->change_status({{"T3", "diverifikasi", "", "", "", "", 0}, {"T3", "selesai", "", "", "", "", 0}},
                       "2026-04-10");
  long long n = 0, missing = 0, done = 0;
  std::set<std::int64_t> fids;
  std::map<std::string, int> seen;
  StatusAccumulator status_acc("2026-06-01", OpdMapping::defaults());
  OverdueAccumulator overdue_acc("2026-06-01", OpdMapping::defaults());
  store->scan([&](const StoredFinding& f) {
    ++n;
    EXPECT_TRUE(fids.insert(f.fid).second) << f.fid;
    ++seen[f.id];
    missing += f.not_in_source;
    done += f.status == "selesai";
    if (f.id == "T45") {
      const auto expected = sample_finding(45);
      EXPECT_EQ(f.desa_code, expected.desa_code);
      EXPECT_NEAR(f.lon, expected.lon, 1e-12);
      EXPECT_NEAR(f.lat, expected.lat, 1e-12);
      EXPECT_EQ(f.first_seen, "2026-04-01");
      EXPECT_EQ(f.category, "kemiskinan");
    }
    status_acc.add(f);
    overdue_acc.add(f);
  });
  EXPECT_EQ(n, 50);
  EXPECT_EQ(seen.size(), 50u);
  EXPECT_EQ(missing, 30);
  EXPECT_EQ(done, 1);
  // The streaming accumulators give exactly what the vector functions give.
  const auto all = store->findings();
  ASSERT_EQ(all.size(), 50u);
  const auto expected = aggregate_status(all, "2026-06-01", OpdMapping::defaults());
  const auto got = status_acc.result();
  ASSERT_EQ(got.kecamatan.size(), expected.kecamatan.size());
  long long open = 0;
  for (const auto& [code, c] : expected.kecamatan) {
    const auto& g = got.kecamatan.at(code);
    EXPECT_EQ(g.n_terbuka, c.n_terbuka) << code;
    EXPECT_EQ(g.n_selesai, c.n_selesai) << code;
    EXPECT_EQ(g.n_lewat_target, c.n_lewat_target) << code;
    EXPECT_DOUBLE_EQ(g.umur_median_hari, c.umur_median_hari) << code;
    open += g.n_terbuka;
  }
  EXPECT_EQ(open, 49);
  const auto overdue = overdue_acc.result();
  const auto overdue_expected = overdue_by_opd(all, "2026-06-01", OpdMapping::defaults());
  ASSERT_EQ(overdue.size(), overdue_expected.size());
  for (std::size_t i = 0; i < overdue.size(); ++i) {
    EXPECT_EQ(overdue[i].opd, overdue_expected[i].opd);
    EXPECT_EQ(overdue[i].kecamatan_code, overdue_expected[i].kecamatan_code);
    EXPECT_EQ(overdue[i].n_lewat_target, overdue_expected[i].n_lewat_target);
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values("GeoPackage", "PostGIS"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace peta::store
