// The booklet's store and time pages as plain data, on the hand-made query fixture (2 kecamatan, 5 desa) with a
// hand-made store and time data: the handled/overdue rows of the key numbers page, the per-OPD table (rows equal
// overdue_by_opd), the trend chart (values equal the period counts, the kabupaten the sum of its kecamatan), the
// emerging hot spot maps (only categories with a pattern), the visit rows; sensitive categories never counted in the
// public profile; pages without data left out.
#include <gtest/gtest.h>

#include <algorithm>
#include <variant>

#include "query_fixture.hpp"
#include "report/booklet.hpp"
#include "store/store_aggregates.hpp"
#include "test_support.hpp"

namespace {

using namespace peta;

store::StoredFinding finding(const std::string& id, const std::string& category, const std::string& kec,
                             const std::string& status, const std::string& first_seen) {
  store::StoredFinding f;
  f.id = id;
  f.category = category;
  f.kecamatan_code = kec;
  f.desa_code = kec + "2001";
  f.status = status;
  f.first_seen = first_seen;
  f.date = first_seen;
  return f;
}

class BookletStoreTime : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string dir = test::temp_dir("booklet_store_time");
    data.gpkg = dir + "/fixture.gpkg";
    test::write_query_fixture(data.gpkg, false, false);
    data.desa = render::read_map_layer(data.gpkg, "desa");
    data.kecamatan = render::read_map_layer(data.gpkg, "kecamatan");
    taxonomy = CategoryTaxonomy::defaults();
    for (const auto& c : taxonomy.categories())
      if (data.desa.has_field("n_" + c.code)) data.categories.push_back(c);
    opd.override_with(nlohmann::json::parse(R"({"jalan_rusak": {"opd": "Dinas PUPR", "target_hari": 30},
        "kemiskinan": {"opd": "Dinas Sosial", "target_hari": 60},
        "stunting": {"opd": "Dinas Kesehatan", "target_hari": 14}})"),
                      "test");
    // As of 2026-06-30. Sumber (351301): 3 roads open since January (overdue, 150 days past), one since June
    // (not overdue), one done, one bukan_masalah (left out); poverty open since March (overdue, 61 past); 2
    // stunting open (overdue, but sensitive). Lumbang (351302): one road done, one open since June 20.
    findings = {finding("A1", "jalan_rusak", "351301", "baru", "2026-01-01"),
                finding("A2", "jalan_rusak", "351301", "diverifikasi", "2026-01-01"),
                finding("A3", "jalan_rusak", "351301", "ditindaklanjuti", "2026-01-01"),
                finding("A4", "jalan_rusak", "351301", "baru", "2026-06-10"),
                finding("A5", "jalan_rusak", "351301", "selesai", "2026-01-05"),
                finding("A6", "jalan_rusak", "351301", "bukan_masalah", "2026-01-05"),
                finding("A7", "kemiskinan", "351301", "baru", "2026-03-01"),
                finding("A8", "stunting", "351301", "baru", "2026-01-01"),
                finding("A9", "stunting", "351301", "baru", "2026-01-01"),
                finding("B1", "jalan_rusak", "351302", "selesai", "2026-02-01"),
                finding("B2", "jalan_rusak", "351302", "baru", "2026-06-20")};
  }
  template <class P>
  static std::vector<const P*> pages(const report::Booklet& b) {
    std::vector<const P*> out;
    for (const auto& p : b.pages)
      if (auto q = std::get_if<P>(&p)) out.push_back(q);
    return out;
  }
  static const report::KeyNumber* row(const report::KeyNumbersPage& p, const std::string& label) {
    for (const auto& r : p.rows)
      if (r.label == label) return &r;
    return nullptr;
  }
  static const report::TablePage* table(const report::Booklet& b, const std::string& heading) {
    for (const auto* t : pages<report::TablePage>(b))
      if (t->heading == heading) return t;
    return nullptr;
  }
  report::ReportData data;
  CategoryTaxonomy taxonomy = CategoryTaxonomy::defaults();
  store::OpdMapping opd = store::OpdMapping::defaults();
  std::vector<store::StoredFinding> findings;
};

TEST_F(BookletStoreTime, HandledAndOverdueFromTheStore) {
  const std::size_t pages_without =
      report::build_booklet(data, report::find_area(data, "Lumbang"), "id", "x").pages.size();
  data.store = report::summarise_store(findings, "2026-06-30", opd, taxonomy.categories(), true);
  EXPECT_EQ(data.store->left_out, std::vector<std::string>{"stunting"});
  EXPECT_EQ(data.store->findings, 9);
  auto sumber = report::build_booklet(data, report::find_area(data, "Sumber"), "id", "x");
  const auto* key = pages<report::KeyNumbersPage>(sumber).front();
  // Open: A1-A4, A7 = 5 (stunting left out); done: A5; bukan_masalah left out.
  EXPECT_EQ(row(*key, "Masalah terbuka (belum selesai)")->value, "5");
  EXPECT_EQ(row(*key, "Masalah selesai ditangani")->value, "1");
  EXPECT_EQ(row(*key, "Persen selesai")->value, "16,7 %");  // 1 of 6
  // Ages as of 06-30: 180, 180, 180, 20, 121 -> median 180.
  EXPECT_EQ(row(*key, "Umur median masalah terbuka")->value, "180,0 hari");
  EXPECT_EQ(row(*key, "Masalah terbuka lewat target")->value, "4");  // A1-A3 (30 days), A7 (60 days)
  // The per-OPD table: exactly overdue_by_opd's rows of this kecamatan (stunting's Dinas Kesehatan not there).
  const auto* opd_page = table(sumber, "Masalah terbuka dan lewat target per OPD");
  ASSERT_TRUE(opd_page);
  ASSERT_EQ(opd_page->rows.size(), 2u);
  EXPECT_EQ(opd_page->rows[0], (std::vector<std::string>{"1", "Dinas PUPR", "4", "3", "150"}));
  EXPECT_EQ(opd_page->rows[1], (std::vector<std::string>{"2", "Dinas Sosial", "1", "1", "61"}));
  std::vector<store::StoredFinding> published;
  for (const auto& f : findings)
    if (f.category != "stunting") published.push_back(f);
  long long overdue_sumber = 0;
  for (const auto& r : store::overdue_by_opd(published, "2026-06-30", opd))
    if (r.kecamatan_code == "351301") overdue_sumber += r.n_lewat_target;
  EXPECT_EQ(overdue_sumber, 4);
  // Lumbang has nothing overdue: no OPD page (not printed empty); its key numbers still say so.
  auto lumbang = report::build_booklet(data, report::find_area(data, "Lumbang"), "id", "x");
  EXPECT_FALSE(table(lumbang, "Masalah terbuka dan lewat target per OPD"));
  EXPECT_EQ(lumbang.pages.size(), pages_without);
  EXPECT_EQ(row(*pages<report::KeyNumbersPage>(lumbang).front(), "Masalah terbuka lewat target")->value, "0");
  EXPECT_EQ(row(*pages<report::KeyNumbersPage>(lumbang).front(), "Persen selesai")->value, "50,0 %");
  // The kabupaten: per OPD over both kecamatan; median over every open one (180,180,180,20,121,10 -> 150,5).
  auto kab = report::build_booklet(data, report::find_area(data, ""), "id", "x");
  const auto* kab_key = pages<report::KeyNumbersPage>(kab).front();
  EXPECT_EQ(row(*kab_key, "Masalah terbuka (belum selesai)")->value, "6");
  EXPECT_EQ(row(*kab_key, "Umur median masalah terbuka")->value, "150,5 hari");
  const auto* kab_opd = table(kab, "Masalah terbuka dan lewat target per OPD");
  ASSERT_TRUE(kab_opd);
  ASSERT_EQ(kab_opd->rows.size(), 2u);
  EXPECT_EQ(kab_opd->rows[0], (std::vector<std::string>{"1", "Dinas PUPR", "5", "3", "150"}));
  // The internal profile counts stunting too.
  data.store = report::summarise_store(findings, "2026-06-30", opd, taxonomy.categories(), false);
  auto internal = report::build_booklet(data, report::find_area(data, "Sumber"), "id", "x");
  EXPECT_EQ(row(*pages<report::KeyNumbersPage>(internal).front(), "Masalah terbuka (belum selesai)")->value, "7");
  EXPECT_EQ(table(internal, "Masalah terbuka dan lewat target per OPD")->rows.size(), 3u);
}

TEST_F(BookletStoreTime, TrendChartEmergingMapsAndVisit) {
  const std::size_t before = report::build_booklet(data, report::find_area(data, "Sumber"), "id", "x").pages.size();
  report::ReportTime& t = data.time;
  t.kind = PeriodKind::month;
  t.periods = {"2025-12", "2026-01", "2026-02"};
  t.kecamatan["35.13.01"]["jalan_rusak"] = {3, 0, 7};
  t.kecamatan["35.13.01"]["kemiskinan"] = {0, 0, 0};
  t.kecamatan["35.13.02"]["jalan_rusak"] = {1, 2, 0};
  t.trends["35.13.01.2001"]["jalan_rusak"] = "panas_baru";
  t.trends["35.13.01.2002"]["jalan_rusak"] = "tidak_ada_pola";
  t.trends["35.13.01.2001"]["kemiskinan"] = "tidak_ada_pola";
  t.trends["35.13.02.2001"]["jalan_rusak"] = "tidak_ada_pola";
  t.visits.push_back({"35.13.01", "2026-01-13", "2026-01-15", "Tim 1", 12, 3, 40});
  auto sumber = report::build_booklet(data, report::find_area(data, "Sumber"), "id", "x");
  // + the emerging hot spot map of jalan_rusak (kemiskinan has no pattern), + the trend chart.
  EXPECT_EQ(sumber.pages.size(), before + 2);
  const auto charts = pages<report::ChartPage>(sumber);
  ASSERT_EQ(charts.size(), 1u);
  const auto& chart = *charts.front();
  EXPECT_EQ(chart.heading, "Tren temuan per bulan");
  EXPECT_EQ(chart.x_labels, (std::vector<std::string>{"Des", "Jan", "Feb"}));
  EXPECT_EQ(chart.x_sublabels, (std::vector<std::string>{"2025", "2026", ""}));
  ASSERT_EQ(chart.series.size(), 1u);  // kemiskinan has no finding here: no line
  EXPECT_EQ(chart.series[0].label, "Jalan rusak");
  EXPECT_EQ(chart.series[0].values, (std::vector<double>{3, 0, 7}));
  EXPECT_EQ(chart.table.rows[2], (std::vector<std::string>{"Feb 2026", "7", "7"}));
  int maps = 0;
  for (const auto* m : pages<report::MapPage>(sumber))
    if (m->heading.rfind("Titik panas yang muncul: ", 0) == 0) {
      ++maps;
      EXPECT_EQ(m->heading, "Titik panas yang muncul: Jalan rusak");
      EXPECT_EQ(m->scene.legend.front().label, "Titik panas baru");
      EXPECT_EQ(m->scene.legend.back().label, "tidak dianalisis");  // Charlie has no class
    }
  EXPECT_EQ(maps, 1);
  const auto* key = pages<report::KeyNumbersPage>(sumber).front();
  EXPECT_EQ(row(*key, "Kunjungan Ngantor di Kecamatan")->value, "13 Januari 2026 – 15 Januari 2026, Tim 1");
  EXPECT_EQ(row(*key, "Temuan selama kunjungan")->value, "12 di 3 desa");
  EXPECT_EQ(row(*key, "Temuan sejak kunjungan dimulai")->value, "40");
  // Lumbang: no pattern anywhere (no map), its own trend; no visit rows.
  auto lumbang = report::build_booklet(data, report::find_area(data, "Lumbang"), "id", "x");
  EXPECT_EQ(pages<report::ChartPage>(lumbang).front()->series[0].values, (std::vector<double>{1, 2, 0}));
  EXPECT_FALSE(row(*pages<report::KeyNumbersPage>(lumbang).front(), "Kunjungan Ngantor di Kecamatan"));
  // The kabupaten: the sum of its kecamatan; the English month names.
  auto kab = report::build_booklet(data, report::find_area(data, ""), "en", "x");
  const auto* kab_chart = pages<report::ChartPage>(kab).front();
  EXPECT_EQ(kab_chart->series[0].values, (std::vector<double>{4, 2, 7}));
  EXPECT_EQ(kab_chart->x_labels, (std::vector<std::string>{"Dec", "Jan", "Feb"}));
  EXPECT_EQ(kab_chart->heading, "Findings per month");
}

TEST_F(BookletStoreTime, SensitiveCategoriesHaveNoTimePagesInThePublicProfile) {
  report::ReportTime& t = data.time;
  t.periods = {"2026-01", "2026-02"};
  t.kecamatan["35.13.01"]["stunting"] = {6, 9};  // as if a build had written them
  t.trends["35.13.01.2001"]["stunting"] = "panas_menetap";
  data.public_profile = true;
  auto sumber = report::build_booklet(data, report::find_area(data, "Sumber"), "id", "x");
  EXPECT_TRUE(pages<report::ChartPage>(sumber).empty());
  for (const auto* m : pages<report::MapPage>(sumber)) EXPECT_EQ(m->heading.find("Titik panas yang muncul"), std::string::npos);
  data.public_profile = false;
  auto internal = report::build_booklet(data, report::find_area(data, "Sumber"), "id", "x");
  ASSERT_EQ(pages<report::ChartPage>(internal).size(), 1u);
  EXPECT_EQ(pages<report::ChartPage>(internal).front()->series[0].label, "Stunting *");
}

}  // namespace
