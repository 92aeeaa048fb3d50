// peta build from the findings store, end to end on the real Probolinggo desa: an export imported, a
// department's status file applied, the layers built as of a day. The desa and kecamatan layers carry the
// status counts, temuan the life of each problem, and the counts leave bukan_masalah out; every value is
// recomputed here from the store's own rows and the OPD targets (geodata/opd.json).
#include <gtest/gtest.h>

#include <map>

#include <nlohmann/json.hpp>

#include "store/finding_store.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

nlohmann::json features_by(const std::string& geojson_path, const std::string& key) {
  nlohmann::json out = nlohmann::json::object();
  const nlohmann::json doc = nlohmann::json::parse(test::read_file(geojson_path));  // kept alive for the loop
  for (const auto& f : doc["features"])
    out[f["properties"][key].get<std::string>()] = f["properties"];
  return out;
}

// Days from 2026-03-01 (the import's first-seen day) to the OPD's due date, by category (geodata/opd.json).
int target_days(const std::string& category) {
  static const std::map<std::string, int> days = {{"jalan_rusak", 60}, {"stunting", 30},       {"akses_sekolah", 90},
                                                  {"kemiskinan", 60},  {"layanan_publik", 14}, {"potensi", 180}};
  return days.at(category);
}

TEST(StoreBuild, LayersCountTheStoreWithStatusAgeAndOverdue) {
  const std::string dir = test::temp_dir("store-build");
  auto s = test::run_cli("sample --boundaries " + test::data("probolinggo/desa.geojson") +
                             " --count 120 --seed 7 --outside-share 0 --quiet --out " + dir + "/ekspor.csv",
                         dir);
  ASSERT_EQ(s.code, 0) << s.err;
  test::write_file(dir + "/proyek.json", R"({"boundaries": {"desa": {"path": ")" + test::data("probolinggo/desa.geojson") +
                                             R"("}, "kecamatan": {"path": ")" + test::data("probolinggo/kecamatan.geojson") +
                                             R"("}}, "findings": [{"path": "ekspor.csv", "publish": ["tingkat"]}],
    "privacy": {"profile": "internal"}, "store": {"path": "temuan.gpkg"},
    "output": {"folder": "out", "formats": ["geojson"],
               "layers": ["desa", "kecamatan", "temuan", "ditolak", "titik_buta"]}})");
  auto imp = test::run_cli("import " + dir + "/proyek.json " + dir + "/ekspor.csv --tanggal 2026-03-01 --json", dir);
  ASSERT_EQ(imp.code, 0) << imp.out << imp.err;

  std::vector<store::StoredFinding> stored = store::FindingStore::open(dir + "/temuan.gpkg")->findings();
  ASSERT_GE(stored.size(), 100u);
  const std::string done = stored[1].id, verified = stored[0].id, set_aside = stored[2].id;
  test::write_file(dir + "/status.csv", "id,status,tanggal,catatan,oleh\n" + verified + ",diverifikasi,2026-03-05,,Dinas\n" +
                                            done + ",diverifikasi,2026-03-05,,Dinas\n" + done +
                                            ",selesai,2026-03-20,diperbaiki,Dinas\n" + set_aside +
                                            ",bukan_masalah,2026-03-06,,Dinas\n");
  auto st = test::run_cli("status " + dir + "/proyek.json --berkas " + dir + "/status.csv", dir);
  ASSERT_EQ(st.code, 0) << st.out << st.err;

  auto b = test::run_cli("build " + dir + "/proyek.json --per-tanggal 2026-05-01 --json", dir);
  ASSERT_EQ(b.code, 0) << b.out << b.err;
  const auto summary = nlohmann::json::parse(b.out);
  EXPECT_EQ(summary["store"]["store"], "temuan.gpkg");
  EXPECT_EQ(summary["store"]["status"]["bukan_masalah"], 1);
  EXPECT_EQ(summary["store"]["status"]["selesai"], 1);
  EXPECT_EQ(summary["total"]["rows_read"], static_cast<long long>(stored.size()) - 1);  // bukan_masalah left out
  EXPECT_TRUE(summary["total"]["balanced"].get<bool>());

  // Expected per desa, from the store's rows: 2026-05-01 is day 61 after 2026-03-01.
  struct Expected { long long total = 0, open = 0, handled = 0, overdue = 0; };
  std::map<std::string, Expected> by_desa;
  for (const auto& f : stored) {
    if (f.id == set_aside) continue;
    Expected& e = by_desa[f.desa_code];
    ++e.total;
    if (f.id == done) { ++e.handled; continue; }
    ++e.open;
    if (target_days(f.category) < 61) ++e.overdue;
  }
  const auto desa = features_by(dir + "/out/desa.geojson", "kode");
  long long sum_open = 0, sum_handled = 0;
  for (const auto& [code, p] : desa.items()) {
    std::string digits;
    for (char c : code) if (c != '.') digits += c;
    const Expected e = by_desa.count(digits) ? by_desa[digits] : Expected{};
    EXPECT_EQ(p["n_total"].get<long long>(), e.total) << code;
    EXPECT_EQ(p["n_terbuka"].get<long long>(), e.open) << code;
    EXPECT_EQ(p["n_selesai"].get<long long>(), e.handled) << code;
    EXPECT_EQ(p["n_lewat_target"].get<long long>(), e.overdue) << code;
    if (e.open + e.handled == 0) {
      EXPECT_TRUE(p["persen_selesai"].is_null()) << code;  // nothing to divide: not "0 % handled"
    } else {
      EXPECT_NEAR(p["persen_selesai"].get<double>(), 100.0 * e.handled / (e.open + e.handled), 1e-9) << code;
    }
    if (e.open > 0) EXPECT_DOUBLE_EQ(p["umur_median_hari"].get<double>(), 61.0) << code;  // all first seen on 03-01
    else EXPECT_TRUE(p["umur_median_hari"].is_null()) << code;
    sum_open += p["n_terbuka"].get<long long>();
    sum_handled += p["n_selesai"].get<long long>();
  }
  EXPECT_EQ(sum_open, static_cast<long long>(stored.size()) - 2);
  EXPECT_EQ(sum_handled, 1);

  // temuan: every counted finding, with its status, OPD, due date, age and days overdue.
  const auto temuan = features_by(dir + "/out/temuan.geojson", "id_temuan");
  EXPECT_EQ(temuan.size(), stored.size() - 1);
  EXPECT_FALSE(temuan.contains(set_aside));
  const auto& d = temuan[done];
  EXPECT_EQ(d["status"], "selesai");
  EXPECT_EQ(d["umur_hari"], 19);  // 2026-03-01 -> handled 2026-03-20
  EXPECT_EQ(d["lewat_target"], 0);
  EXPECT_TRUE(d["hari_lewat"].is_null());
  EXPECT_EQ(d["tanggal_status"], "2026-03-20");
  const auto& v = temuan[verified];
  EXPECT_EQ(v["status"], "diverifikasi");
  EXPECT_EQ(v["umur_hari"], 61);
  const int days = target_days(stored[0].category);
  EXPECT_EQ(v["lewat_target"], days < 61 ? 1 : 0);
  if (days < 61) {
    EXPECT_EQ(v["hari_lewat"], 61 - days);
  }
  EXPECT_EQ(v["pertama_dilihat"], "2026-03-01");
  EXPECT_FALSE(v["opd"].get<std::string>().empty());
  EXPECT_TRUE(v.contains("tingkat"));  // the published source column, from the stored values

  // The blind spots: exactly the desa without a counted finding.
  const auto blind = features_by(dir + "/out/titik_buta.geojson", "kode");
  std::size_t empty_desa = 0;
  for (const auto& [code, p] : desa.items()) empty_desa += p["n_total"].get<long long>() == 0;
  EXPECT_EQ(blind.size(), empty_desa);
  EXPECT_EQ(blind.size(), desa.size() - by_desa.size());
  for (const auto& [code, p] : blind.items()) EXPECT_EQ(desa[code]["n_total"], 0) << code;

  // The kecamatan layer sums its desa.
  long long kec_open = 0;
  const auto kecamatan = features_by(dir + "/out/kecamatan.geojson", "kode");
  for (const auto& [code, p] : kecamatan.items()) kec_open += p["n_terbuka"].get<long long>();
  EXPECT_EQ(kec_open, sum_open);

  // As of 2026-03-10 the finding handled on 03-20 was still diverifikasi (since 03-05): the build shows the status
  // of that day from the history, not today's; the one set aside on 03-06 is already left out.
  auto early = test::run_cli("build " + dir + "/proyek.json --per-tanggal 2026-03-10 --json", dir);
  ASSERT_EQ(early.code, 0) << early.out << early.err;
  const auto early_summary = nlohmann::json::parse(early.out);
  EXPECT_FALSE(early_summary["store"]["status"].contains("selesai")) << early_summary["store"]["status"].dump();
  EXPECT_EQ(early_summary["store"]["status"]["diverifikasi"], 2);
  EXPECT_EQ(early_summary["store"]["status"]["bukan_masalah"], 1);
  const auto early_temuan = features_by(dir + "/out/temuan.geojson", "id_temuan");
  EXPECT_EQ(early_temuan[done]["status"], "diverifikasi");
  EXPECT_EQ(early_temuan[done]["tanggal_status"], "2026-03-05");
  EXPECT_EQ(early_temuan[verified]["status"], "diverifikasi");
  long long early_handled = 0, early_open = 0;
  const auto early_desa = features_by(dir + "/out/desa.geojson", "kode");
  for (const auto& [code, p] : early_desa.items()) {
    early_handled += p["n_selesai"].get<long long>();
    early_open += p["n_terbuka"].get<long long>();
  }
  EXPECT_EQ(early_handled, 0);
  EXPECT_EQ(early_open, static_cast<long long>(stored.size()) - 1);
}

}  // namespace
}  // namespace peta
