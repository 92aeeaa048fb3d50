// The store's rules without a database: the transition table, identity and content digests, OPD mapping,
// the project file's store keys, and the status aggregates.
#include <gtest/gtest.h>

#include <set>

#include "core/error.hpp"
#include "project/project_settings.hpp"
#include "store/finding_identity.hpp"
#include "store/finding_status.hpp"
#include "store/opd_mapping.hpp"
#include "store/store_aggregates.hpp"
#include "store/store_dates.hpp"
#include "test_support.hpp"

namespace peta::store {
namespace {

TEST(StoreRules, TransitionTableExactly) {
  const std::set<std::pair<std::string, std::string>> allowed = {
      {"baru", "diverifikasi"}, {"baru", "bukan_masalah"}, {"baru", "duplikat"},
      {"diverifikasi", "ditindaklanjuti"}, {"diverifikasi", "selesai"}, {"diverifikasi", "bukan_masalah"},
      {"diverifikasi", "duplikat"}, {"ditindaklanjuti", "selesai"}, {"selesai", "ditindaklanjuti"},
      {"bukan_masalah", "baru"}, {"duplikat", "baru"}};
  int checked = 0;
  for (const auto& from : all_statuses())
    for (const auto& to : all_statuses()) {
      const auto refusal = transition_refusal(from, to);
      EXPECT_EQ(!refusal.has_value(), allowed.count({from, to}) == 1) << from << " -> " << to;
      ++checked;
    }
  EXPECT_EQ(checked, 36);
  EXPECT_EQ(*transition_refusal("baru", "baru"), "status sudah 'baru'");
  EXPECT_NE(transition_refusal("baru", "beres")->find("tidak dikenal"), std::string::npos);
}

TEST(StoreRules, IdentityPrefersFormIdsAndIgnoresRowNumbers) {
  StoreFinding f;
  f.category = "jalan_rusak";
  f.date = "2026-03-01";
  f.lon = 113.123456;
  f.lat = -7.8;
  f.has_point = true;
  f.values = {{"_index", "4"}, {"keterangan", "Jalan rusak"}, {"_submission_time", "x"}, {"meta/instanceID", "uuid:1"}};
  const std::string fp = identity_of(f);
  EXPECT_EQ(fp.rfind("sidik:", 0), 0u);
  StoreFinding g = f;
  g.source_row = 77;
  g.values = {{"keterangan", "  jalan   RUSAK "}, {"_index", "9"}, {"meta/instanceID", "uuid:2"}};
  g.lon = 113.1234559;  // the same to 1e-5 degree
  EXPECT_EQ(identity_of(g), fp);
  EXPECT_EQ(content_digest(g), content_digest(f));
  g.lon = 113.12350;  // about 5 m away: another finding
  EXPECT_NE(identity_of(g), fp);
  f.id = "A1";
  EXPECT_EQ(identity_of(f), "A1");
  f.instance_id = "uuid:1";
  EXPECT_EQ(identity_of(f), "uuid:1");
  f.odk_key = "uuid:0";
  EXPECT_EQ(identity_of(f), "uuid:0");
  f.kobo_id = "12345";
  EXPECT_EQ(identity_of(f), "12345");
  EXPECT_TRUE(is_metadata_column("grp/_index"));
  EXPECT_TRUE(is_metadata_column("meta/deprecatedID"));
  EXPECT_TRUE(is_metadata_column("SubmissionDate"));
  EXPECT_FALSE(is_metadata_column("grp/keterangan"));
}

TEST(StoreRules, OpdDefaultsAndProjectOverride) {
  const auto d = OpdMapping::defaults();
  EXPECT_EQ(d.find("jalan_rusak")->opd, "Dinas PUPR");
  EXPECT_EQ(d.find("stunting")->opd, "Dinas Kesehatan");
  EXPECT_EQ(d.find("akses_sekolah")->opd, "Dinas Pendidikan");
  EXPECT_EQ(d.find("kemiskinan")->opd, "Dinas Sosial");
  EXPECT_EQ(d.find("layanan_publik")->opd, "Kecamatan");
  EXPECT_EQ(d.find("potensi")->opd, "Bappeda");
  EXPECT_EQ(d.entries().size(), 6u);

  const std::string dir = test::temp_dir("store-project");
  const std::string desa = test::data("probolinggo/desa.geojson");
  test::write_file(dir + "/p.json", R"({"boundaries": {"desa": {"path": ")" + desa + R"("}},
    "store": {"path": "temuan.gpkg"},
    "opd": {"jalan_rusak": {"opd": "Dinas PU Bina Marga", "target_hari": 45}}})");
  const auto s = load_project(dir + "/p.json");
  EXPECT_EQ(s.store.path, dir + "/temuan.gpkg");
  EXPECT_EQ(s.opd.find("jalan_rusak")->opd, "Dinas PU Bina Marga");
  EXPECT_EQ(s.opd.find("jalan_rusak")->target_days, 45);
  EXPECT_EQ(s.opd.find("stunting")->opd, "Dinas Kesehatan");

  test::write_file(dir + "/pg.json", R"({"boundaries": {"desa": {"path": ")" + desa + R"("}},
    "store": {"path": "PG:dbname=peta host=/tmp"}})");
  EXPECT_EQ(load_project(dir + "/pg.json").store.path, "PG:dbname=peta host=/tmp");

  test::write_file(dir + "/bad.json", R"({"boundaries": {"desa": {"path": ")" + desa + R"("}},
    "opd": {"jalan_rusak": {"opd": "X", "target": 3}}})");
  try {
    load_project(dir + "/bad.json");
    FAIL() << "unknown key accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("opd.jalan_rusak.target: unknown key"), std::string::npos) << e.what();
  }
}

StoredFinding stored(const std::string& desa, const std::string& kec, const std::string& cat, const std::string& status,
                     const std::string& first_seen) {
  StoredFinding f;
  f.desa_code = desa;
  f.kecamatan_code = kec;
  f.category = cat;
  f.status = status;
  f.first_seen = first_seen;
  return f;
}

TEST(StoreRules, StatusAggregatesAsOfADate) {
  const std::vector<StoredFinding> v = {
      stored("D1", "K1", "jalan_rusak", "baru", "2026-01-01"),             // 151 days open, due 03-02: late
      stored("D1", "K1", "jalan_rusak", "ditindaklanjuti", "2026-05-01"),  // 31 days, due 06-30
      stored("D1", "K1", "stunting", "selesai", "2026-01-01"),
      stored("D1", "K1", "stunting", "bukan_masalah", "2026-01-01"),       // excluded
      stored("D1", "K1", "potensi", "duplikat", "2026-01-01"),             // excluded
      stored("D2", "K1", "layanan_publik", "diverifikasi", "2026-05-10"),  // 22 days, due 05-24: late
      stored("D2", "K1", "layanan_publik", "baru", "2026-07-01"),          // after the date: not counted
      stored("D3", "K2", "lainnya", "baru", "2026-01-01"),                 // no OPD: never late
  };
  const auto a = aggregate_status(v, "2026-06-01", OpdMapping::defaults());
  const auto& d1 = a.desa.at("D1");
  EXPECT_EQ(d1.n_terbuka, 2);
  EXPECT_EQ(d1.n_selesai, 1);
  EXPECT_NEAR(d1.persen_selesai, 100.0 / 3, 1e-9);
  EXPECT_DOUBLE_EQ(d1.umur_median_hari, (151 + 31) / 2.0);
  EXPECT_EQ(d1.n_lewat_target, 1);
  const auto& k1 = a.kecamatan.at("K1");
  EXPECT_EQ(k1.n_terbuka, 3);
  EXPECT_EQ(k1.n_selesai, 1);
  EXPECT_DOUBLE_EQ(k1.umur_median_hari, 31);
  EXPECT_EQ(k1.n_lewat_target, 2);
  EXPECT_EQ(a.desa.at("D3").n_lewat_target, 0);
  EXPECT_EQ(a.desa.size(), 3u);

  const auto late = overdue_by_opd(v, "2026-06-01", OpdMapping::defaults());
  ASSERT_EQ(late.size(), 2u);
  EXPECT_EQ(late[0].opd, "Dinas PUPR");
  EXPECT_EQ(late[0].kecamatan_code, "K1");
  EXPECT_EQ(late[0].n_terbuka, 2);
  EXPECT_EQ(late[0].n_lewat_target, 1);
  EXPECT_DOUBLE_EQ(late[0].hari_lewat_maks, 91);
  EXPECT_EQ(late[1].opd, "Kecamatan");
  EXPECT_DOUBLE_EQ(late[1].hari_lewat_maks, 8);
  EXPECT_THROW(aggregate_status(v, "kemarin", OpdMapping::defaults()), Error);
}

TEST(StoreRules, StatusAccumulatorMediansFromAgeCounts) {
  StatusAccumulator acc("2026-06-01", OpdMapping::defaults());
  // D1: open ages 151, 31, 31, 10 (even: median (31 + 31) / 2); D2: ages 151, 92, 10 (odd: 92); D3: none open.
  for (const char* seen : {"2026-01-01", "2026-05-01", "2026-05-01", "2026-05-22"})
    acc.add(stored("D1", "K1", "akses_sekolah", "baru", seen));
  for (const char* seen : {"2026-01-01", "2026-03-01", "2026-05-22"}) acc.add(stored("D2", "K1", "stunting", "diverifikasi", seen));
  acc.add(stored("D3", "K2", "stunting", "selesai", "2026-01-01"));
  acc.add(stored("D3", "K2", "stunting", "duplikat", "2026-01-01"));
  const auto a = acc.result();
  EXPECT_DOUBLE_EQ(a.desa.at("D1").umur_median_hari, 31);
  EXPECT_DOUBLE_EQ(a.desa.at("D2").umur_median_hari, 92);
  EXPECT_DOUBLE_EQ(a.desa.at("D3").umur_median_hari, 0);
  EXPECT_DOUBLE_EQ(a.desa.at("D3").persen_selesai, 100);
  // K1: ages 10, 10, 31, 31, 92, 151, 151: the 4th is 31.
  EXPECT_DOUBLE_EQ(a.kecamatan.at("K1").umur_median_hari, 31);
  EXPECT_EQ(a.kecamatan.at("K1").n_terbuka, 7);
  // Overdue: akses_sekolah 90 days (D1: the one of 01-01), stunting 30 days (D2: 01-01 and 03-01).
  EXPECT_EQ(a.desa.at("D1").n_lewat_target, 1);
  EXPECT_EQ(a.desa.at("D2").n_lewat_target, 2);
  EXPECT_EQ(a.kecamatan.at("K1").n_lewat_target, 3);
  EXPECT_EQ(a.kecamatan.at("K2").n_lewat_target, 0);

  OverdueAccumulator late("2026-06-01", OpdMapping::defaults());
  for (const char* seen : {"2026-01-01", "2026-03-01", "2026-05-22"}) late.add(stored("D2", "K1", "stunting", "baru", seen));
  late.add(stored("D9", "K9", "stunting", "selesai", "2026-01-01"));  // handled: not listed
  const auto rows = late.result();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].kecamatan_code, "K1");
  EXPECT_EQ(rows[0].n_terbuka, 3);
  EXPECT_EQ(rows[0].n_lewat_target, 2);
  EXPECT_DOUBLE_EQ(rows[0].hari_lewat_maks, 151 - 30);
  EXPECT_THROW(OverdueAccumulator("2026-13-01", OpdMapping::defaults()), Error);
}

// The fingerprint must not change between versions (stored findings would all turn into updates): a fixed
// finding's digest, as computed by every version since the store's first.
TEST(StoreRules, ContentDigestIsStableAcrossVersions) {
  StoreFinding f;
  f.category = "jalan_rusak";
  f.date = "  2026-03-07 ";
  f.has_point = true;
  f.lon = 113.123456789;
  f.lat = -7.8765432;
  f.desa_code = "3513012001";
  f.values = {{"Keterangan", "  Jalan   Berlubang  Besar "}, {"_uuid", "abc"}, {"grp/Tingkat", "BERAT"},
              {"meta/instanceID", "x"}, {"No", "7"}, {"foto", ""}, {"Catatan/Meta/x", "y"},
              {"alamat", "Dusun Krajan\tRT 02"}};
  EXPECT_EQ(content_digest(f), "5e2c8ed723f23ead52b63377bb6c5b79");
  EXPECT_EQ(identity_of(f), "sidik:5e2c8ed723f23ead52b6");
  const auto both = identity_and_digest(f);
  EXPECT_EQ(both.first, identity_of(f));
  EXPECT_EQ(both.second, content_digest(f));
}

TEST(StoreRules, Dates) {
  EXPECT_EQ(date_text(*day_number("2026-02-27") + 2), "2026-03-01");
  EXPECT_EQ(normalised_date("07/03/2026"), "2026-03-07");
  EXPECT_EQ(normalised_date("2026-02-29"), "");
}

}  // namespace
}  // namespace peta::store

#include "store/identity_columns.hpp"

namespace peta::store {
namespace {

TEST(StoreRules, IdentityColumnsOfKoboAndOdkExports) {
  const auto kobo = detect_identity_columns({"start", "grp/kategori", "_id", "_uuid", "meta/deprecatedID",
                                             "_index", "_submission_time"});
  EXPECT_EQ(kobo.kobo_id, 2);
  EXPECT_EQ(kobo.kobo_uuid, 3);
  EXPECT_EQ(kobo.deprecated_id, 4);
  EXPECT_EQ(kobo.odk_key, -1);
  EXPECT_EQ(kobo.instance_id, -1);
  const auto odk = detect_identity_columns({"SubmissionDate", "lokasi-Latitude", "meta-instanceID", "KEY", "meta/instanceID"});
  EXPECT_EQ(odk.odk_key, 3);
  EXPECT_EQ(odk.instance_id, 4);
  EXPECT_EQ(odk.kobo_id, -1);
  StoreFinding f;
  fill_identity(kobo, {"s", "jalan", "123", "u-1", "u-0", "7", "t"}, f);
  EXPECT_EQ(f.kobo_id, "123");
  EXPECT_EQ(f.kobo_uuid, "u-1");
  EXPECT_EQ(f.deprecated_id, "u-0");
  EXPECT_EQ(identity_of(f), "123");
}

}  // namespace
}  // namespace peta::store
