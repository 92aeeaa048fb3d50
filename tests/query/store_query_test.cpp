// peta query over the findings store (issue 13): counts under status, OPD and overdue filters come from the store,
// exact; the overdue table per OPD and kecamatan; the findings listed; the public profile's rules; and a clear
// error when the project has no store. The store is made in the test (store_query_fixture.hpp has its contents).
#include <gtest/gtest.h>

#include <cmath>

#include "query/query_engine.hpp"
#include "query/query_format.hpp"
#include "query/store_query.hpp"
#include "query/date_range_note.hpp"
#include "store_query_fixture.hpp"

namespace peta::query {
namespace {

const QueryModel& model() {
  static auto m = test::model_with_store(true);
  return *m;
}

// Count per desa code of an answer with n=all (null: withheld), in code order of the fixture.
std::map<std::string, double> counts(const Params& params, const QueryModel& m = model()) {
  Params p = params;
  p.emplace_back("n", "all");
  const QueryResult r = run_query(m, parse_query_spec(p));
  std::map<std::string, double> out;
  const auto kode = r.column("kode"), n = r.column("n");
  for (const auto& row : r.rows) {
    const Cell& c = row[n];
    out[std::get<std::string>(row[kode])] = std::holds_alternative<double>(c) ? std::get<double>(c) : -1;
  }
  return out;
}

TEST(StoreQuery, TheStoreIsReadWithItsOpdAndDueDates) {
  const StoreTable& t = *model().store;
  ASSERT_EQ(t.rows.size(), 20u);
  const StoreRow* j2 = t.find("J2");
  ASSERT_NE(j2, nullptr);
  EXPECT_EQ(j2->status, "selesai");
  EXPECT_EQ(day_text(j2->start_day), "2026-01-01");
  EXPECT_EQ(day_text(j2->due_day()), "2026-03-02");
  EXPECT_EQ(day_text(j2->status_day), "2026-02-10");
  EXPECT_EQ(t.opd_names[static_cast<std::size_t>(j2->opd)], "Dinas PUPR");
  EXPECT_EQ(j2->note, "Jalan berlubang 2");  // keterangan is published
  EXPECT_EQ(t.find("S1")->note, "");         // a sensitive category's note never
  EXPECT_EQ(day_text(t.find("L2")->due_day()), "2026-03-15");
}

TEST(StoreQuery, StatusFilterCountsFromTheStore) {
  const auto n = counts({{"status", "baru,diverifikasi"}, {"as_of", "2026-03-05"}});
  EXPECT_EQ(n.at("35.13.01.2001"), 4);  // J1 J5 J6 J9 (J2 selesai, J3 bukan_masalah, J4 ditindaklanjuti)
  EXPECT_EQ(n.at("35.13.01.2002"), 0);  // stunting only: n_total leaves it out in the public profile
  EXPECT_EQ(n.at("35.13.02.2001"), 2);  // J8 P1 (J7 duplikat)
  EXPECT_EQ(n.at("35.13.02.2002"), 2);  // L1 L2
  EXPECT_EQ(counts({{"status", "duplikat"}}).at("35.13.02.2001"), 1);
  EXPECT_EQ(counts({{"status", "selesai"}, {"category", "jalan_rusak"}}).at("35.13.01.2001"), 1);
  // Before import 2 (first seen 2026-03-01), J9 and L2 did not exist yet; J2 was still diverifikasi on 02-01
  // (selesai on 02-10): J1 J2 J5 J6.
  const auto early = counts({{"status", "baru,diverifikasi"}, {"as_of", "2026-02-01"}});
  EXPECT_EQ(early.at("35.13.01.2001"), 4);
  EXPECT_EQ(early.at("35.13.02.2002"), 1);
}

TEST(StoreQuery, AStatusOnAPastDayComesFromTheHistory) {
  // J2: baru -> diverifikasi 2026-01-05 -> selesai 2026-02-10; a change counts from the end of its day.
  EXPECT_EQ(counts({{"status", "selesai"}, {"as_of", "2026-02-09"}}).at("35.13.01.2001"), 0);
  EXPECT_EQ(counts({{"status", "selesai"}, {"as_of", "2026-02-10"}}).at("35.13.01.2001"), 1);
  // J3 set aside on 01-06: counted among the open ones on 01-05 (J1..J6 jalan_rusak in Alpha, J2 J4 verified).
  EXPECT_EQ(counts({{"status", "baru"}, {"as_of", "2026-01-04"}}).at("35.13.01.2001"), 6);
  EXPECT_EQ(counts({{"status", "baru"}, {"as_of", "2026-01-05"}}).at("35.13.01.2001"), 3);  // J3 J5 J6
  EXPECT_EQ(counts({{"status", "bukan_masalah"}, {"as_of", "2026-01-05"}}).at("35.13.01.2001"), 0);
  // The finding list shows the status of the day.
  const QueryResult r = finding_list(model(), parse_query_spec({{"as_of", "2026-01-10"}, {"n", "all"}}));
  std::map<std::string, std::string> status;
  for (const auto& row : r.rows) status[std::get<std::string>(row[0])] = std::get<std::string>(row[r.column("status")]);
  EXPECT_EQ(status.at("J2"), "diverifikasi");
  EXPECT_EQ(status.at("J4"), "diverifikasi");  // ditindaklanjuti only on 01-20
  EXPECT_EQ(status.at("J1"), "diverifikasi");
  EXPECT_EQ(status.count("J3"), 0u);  // bukan_masalah since 01-06
  // The row keeps today's status; the table answers for any day.
  const StoreTable& t = *model().store;
  EXPECT_EQ(t.find("J2")->status, "selesai");
  EXPECT_EQ(t.status_on(*t.find("J2"), day_of(20260104)), "baru");
}

TEST(StoreQuery, OpdFilterCountsTheDepartmentsCategories) {
  const auto n = counts({{"opd", "Dinas PUPR"}});
  EXPECT_EQ(n.at("35.13.01.2001"), 6);  // J1 J2 J4 J5 J6 J9; bukan_masalah left out
  EXPECT_EQ(n.at("35.13.02.2001"), 1);  // J8; duplikat left out
  EXPECT_EQ(n.at("35.13.02.2002"), 0);
  EXPECT_EQ(counts({{"opd", "kecamatan"}}).at("35.13.02.2002"), 2);  // case does not matter
  try {
    counts({{"opd", "Dinas Pariwisata"}});
    FAIL() << "an unknown OPD must be refused";
  } catch (const QueryError& e) {
    EXPECT_NE(std::string(e.what()).find("Dinas PUPR"), std::string::npos) << e.what();
  }
}

TEST(StoreQuery, OverdueAsOfADate) {
  const auto n = counts({{"overdue", "true"}, {"as_of", "2026-03-05"}});
  EXPECT_EQ(n.at("35.13.01.2001"), 4);  // J1 J4 J5 J6: due 2026-03-02, open; J9 due 2026-04-30
  EXPECT_EQ(n.at("35.13.02.2001"), 1);  // J8 (P1 due 2026-06-30; stunting left out of the total)
  EXPECT_EQ(n.at("35.13.02.2002"), 1);  // L1 (due 01-15), not L2 (due 03-15)
  // On the due date itself nothing is late yet.
  const auto on_due = counts({{"overdue", "true"}, {"as_of", "2026-03-02"}, {"category", "jalan_rusak"}});
  EXPECT_EQ(on_due.at("35.13.01.2001"), 0);
  EXPECT_EQ(counts({{"overdue", "true"}, {"as_of", "2026-03-03"}, {"category", "jalan_rusak"}}).at("35.13.01.2001"), 4);
}

TEST(StoreQuery, SensitiveCountsAreWithheldAsTheLayersWithholdThem) {
  const auto desa = counts({{"overdue", "true"}, {"as_of", "2026-03-05"}, {"category", "stunting"}});
  for (const auto& [kode, n] : desa) EXPECT_EQ(n, -1) << kode;  // Bravo 6 withheld as the complement of 0 + 0
  const QueryResult r = run_query(model(), parse_query_spec({{"overdue", "true"}, {"as_of", "2026-03-05"},
                                                              {"category", "stunting"}, {"level", "kecamatan"}}));
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(std::get<std::string>(r.rows[0][r.column("nama")]), "Sumber");
  EXPECT_EQ(std::get<double>(r.rows[0][r.column("n")]), 6);  // kecamatan Sumber: 6, shown
  EXPECT_TRUE(std::holds_alternative<std::monostate>(r.rows[1][r.column("n")]));  // Lumbang: 2 < k
  EXPECT_EQ(std::get<std::string>(r.rows[1][r.column("n_keterangan")]), "< 5");
  // The internal profile shows them.
  auto internal = test::model_with_store(false);
  const auto shown = counts({{"overdue", "true"}, {"as_of", "2026-03-05"}, {"category", "stunting"}}, *internal);
  EXPECT_EQ(shown.at("35.13.01.2002"), 6);
  EXPECT_EQ(shown.at("35.13.02.2001"), 2);
  EXPECT_EQ(counts({{"overdue", "true"}, {"as_of", "2026-03-05"}}, *internal).at("35.13.01.2002"), 6);
}

TEST(StoreQuery, OverduePerOpdAndKecamatanExact) {
  const QueryResult r = overdue_per_opd(model(), parse_query_spec({{"as_of", "2026-03-05"}, {"overdue", "true"}}));
  const std::string csv = format_csv(r);
  EXPECT_EQ(csv,
            "opd,kode_kec,nama_kec,n_terbuka,n_lewat_target,hari_lewat_maks,n_keterangan\n"
            "Dinas Kesehatan,35.13.01,Sumber,6,6,33,\n"
            "Dinas Kesehatan,35.13.02,Lumbang,,,,< 5\n"
            "Dinas PUPR,35.13.01,Sumber,5,4,3,\n"
            "Dinas PUPR,35.13.02,Lumbang,1,1,3,\n"
            "Kecamatan,35.13.02,Lumbang,2,1,49,\n");
  EXPECT_EQ(r.withheld, 1u);
  const std::string table = format_table(r, "id");
  EXPECT_NE(table.find("Temuan lewat target per OPD dan kecamatan, per 2026-03-05"), std::string::npos) << table;
  EXPECT_NE(table.find("5 dari 5 baris OPD × kecamatan yang cocok"), std::string::npos) << table;
  // Filtered by OPD and kecamatan.
  const QueryResult pupr = overdue_per_opd(model(), parse_query_spec({{"as_of", "2026-03-05"}, {"opd", "Dinas PUPR"},
                                                                      {"kecamatan", "Lumbang"}}));
  EXPECT_EQ(format_csv(pupr), "opd,kode_kec,nama_kec,n_terbuka,n_lewat_target,hari_lewat_maks\nDinas PUPR,35.13.02,Lumbang,1,1,3\n");
  const nlohmann::json j = result_json(pupr, "en");
  EXPECT_EQ(j["rows"][0]["n_lewat_target"], 1);
}

TEST(StoreQuery, FindingListMostOverdueFirstWithoutSensitiveOnes) {
  const QueryResult r = finding_list(model(), parse_query_spec({{"as_of", "2026-03-05"}, {"overdue", "true"}, {"n", "all"}}));
  ASSERT_EQ(r.rows.size(), 6u);
  std::vector<std::string> ids;
  for (const auto& row : r.rows) ids.push_back(std::get<std::string>(row[0]));
  EXPECT_EQ(ids, (std::vector<std::string>{"L1", "J1", "J4", "J5", "J6", "J8"}));
  const std::string csv = format_csv(r);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "id,kategori,kode_desa,desa,kecamatan,status,opd,pertama_dilihat,tenggat,hari_lewat,jenis,panjang_m");
  EXPECT_NE(csv.find("\nL1,layanan_publik,35.13.02.2002,Echo,Lumbang,baru,Kecamatan,2026-01-01,2026-01-15,49,titik,\n"),
            std::string::npos) << csv;
  EXPECT_NE(csv.find("\nJ4,jalan_rusak,35.13.01.2001,Alpha,Sumber,ditindaklanjuti,Dinas PUPR,2026-01-01,2026-03-02,3,titik,\n"),
            std::string::npos) << csv;
  EXPECT_EQ(csv.find("S1"), std::string::npos);
  ASSERT_EQ(r.notes_id.size(), 1u);
  EXPECT_EQ(r.notes_id[0].rfind("8 temuan kategori sensitif tidak dicantumkan", 0), 0u) << r.notes_id[0];
  // Status filter and the closed ones (no days overdue).
  const QueryResult done = finding_list(model(), parse_query_spec({{"status", "selesai,bukan_masalah"}, {"n", "all"}}));
  ASSERT_EQ(done.rows.size(), 2u);
  EXPECT_EQ(format_csv(done).find("J2,jalan_rusak,35.13.01.2001,Alpha,Sumber,selesai,Dinas PUPR,2026-01-01,2026-03-02,,titik,\n") !=
                std::string::npos, true) << format_csv(done);
  // The internal profile lists stunting too.
  auto internal = test::model_with_store(false);
  EXPECT_EQ(finding_list(*internal, parse_query_spec({{"as_of", "2026-03-05"}, {"overdue", "true"}, {"n", "all"}})).rows.size(), 14u);
}

TEST(StoreQuery, WithoutAStoreTheStoreFiltersSayWhy) {
  QueryModel plain = *test::model_with_store(true);
  plain.store.reset();
  for (const Params& p : {Params{{"opd", "Dinas PUPR"}}, Params{{"overdue", "true"}}}) {
    try {
      run_query(plain, parse_query_spec(p));
      FAIL() << p[0].first;
    } catch (const QueryError& e) {
      EXPECT_EQ(std::string(e.what()).rfind("proyek ini tidak punya store: ", 0), 0u) << e.what();
    }
  }
  EXPECT_THROW(overdue_per_opd(plain, parse_query_spec({})), QueryError);
  EXPECT_THROW(finding_list(plain, parse_query_spec({})), QueryError);
  EXPECT_THROW(status_view(plain, parse_query_spec({})), QueryError);
  // A status that is not the store's.
  EXPECT_THROW(counts({{"status", "open"}}), QueryError);
}

TEST(StoreQuery, StatusViewPerDesa) {
  const nlohmann::json v = status_view(model(), parse_query_spec({{"as_of", "2026-03-05"}}));
  EXPECT_EQ(v["as_of"], "2026-03-05");
  EXPECT_EQ(v["leaves_out"], nlohmann::json::array({"stunting"}));
  const auto& alpha = v["desa"]["35.13.01.2001"];
  EXPECT_EQ(alpha["n_terbuka"], 5);      // J1 J4 J5 J6 J9
  EXPECT_EQ(alpha["n_selesai"], 1);      // J2
  EXPECT_NEAR(alpha["persen_selesai"].get<double>(), 100.0 / 6, 1e-9);
  EXPECT_EQ(alpha["n_lewat_target"], 4);
  EXPECT_EQ(alpha["umur_median_hari"], 63);  // four of age 63, J9 of age 4: median 63
  EXPECT_EQ(v["desa"]["35.13.01.2002"]["n_terbuka"], 0);  // stunting only: left out
  EXPECT_TRUE(v["desa"]["35.13.01.2002"]["persen_selesai"].is_null());
  EXPECT_EQ(v["desa"]["35.13.02.2002"]["n_lewat_target"], 1);
  EXPECT_FALSE(v["measures"]["n_lewat_target"]["classes"].empty());
}

TEST(StoreQuery, EmptyDateRangeNoteUsesTheStoresDates) {
  const QuerySpec spec = parse_query_spec({{"status", "baru"}, {"from", "2027-01-01"}, {"to", "2027-01-31"}});
  EXPECT_EQ(empty_date_range_note(model(), spec),
            "Tidak ada temuan bertanggal pada 2027-01-01 – 2027-01-31: semua jumlah di bawah 0. "
            "Temuan bertanggal di proyek ini: 2025-12-20 sampai 2025-12-20.");
  EXPECT_EQ(empty_date_range_note(model(), parse_query_spec({{"from", "2025-12-01"}})), "");
}

}  // namespace
}  // namespace peta::query
