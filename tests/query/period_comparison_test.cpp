// `peta query --banding`: two periods compared per desa over the hand-made fixture GeoPackage
// (tests/query_fixture.hpp); p-values from scipy.stats.binomtest with the periods' day shares.
#include "query/period_comparison.hpp"

#include <gtest/gtest.h>

#include "project/project_settings.hpp"
#include "query/priority_score.hpp"
#include "query_fixture.hpp"
#include "test_support.hpp"

namespace peta::query {
namespace {

const QueryModel& model() {
  static QueryModel m = [] {
    std::string dir = test::temp_dir("query-banding");
    test::write_query_fixture(dir + "/peta.gpkg");
    auto taxonomy = CategoryTaxonomy::defaults();
    return load_query_model(dir + "/peta.gpkg", taxonomy, PrioritySettings{}.weights_for(taxonomy));
  }();
  return m;
}

TEST(QueryBanding, MayAgainstJuneRanked) {
  // jalan_rusak: Bravo 6 in May 2024, 0 in June; Alpha 0 then 1.
  const auto r = compare_periods(model(), "2024-05", "2024-06", "jalan_rusak");
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(model().desa.nama[r.rows[0].unit], "Bravo");
  EXPECT_EQ(r.rows[0].a, 6);
  EXPECT_EQ(r.rows[0].b, 0);
  EXPECT_EQ(r.rows[0].change, -6);
  EXPECT_NEAR(r.rows[0].p_value, 0.031376008056021906, 1e-12);  // binomtest(0, 6, 30/61)
  EXPECT_EQ(model().desa.nama[r.rows[1].unit], "Alpha");
  EXPECT_NEAR(r.rows[1].p_value, 0.4918032786885246, 1e-12);
  EXPECT_EQ(r.total_a, 6);
  EXPECT_EQ(r.total_b, 1);
  const std::string table = format_period_comparison(r, model(), Format::table, "id");
  EXPECT_NE(table.find("Perbandingan 2024-05 → 2024-06 (jalan_rusak): 6 → 1 temuan"), std::string::npos) << table;
  const std::string csv = format_period_comparison(r, model(), Format::csv, "id");
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "peringkat,kode,nama,2024-05,2024-06,perubahan,p");
  EXPECT_NE(csv.find("1,35.13.01.2002,Bravo,6,0,-6,0.031376"), std::string::npos) << csv;
}

TEST(QueryBanding, KecamatanLevelAndAllCategories) {
  // All categories, January against February 2024 per kecamatan: Sumber 1 + 1 + 1 (Alpha jalan, stunting;
  // Charlie banjir on 01-01) -> Alpha 1 + Charlie 5 in February; Lumbang 2 -> 0.
  const auto r = compare_periods(model(), "2024-01", "2024-02", "", Level::kecamatan);
  ASSERT_EQ(r.rows.size(), 2u);
  std::int64_t a = 0, b = 0;
  for (const auto& row : r.rows) a += row.a, b += row.b;
  EXPECT_EQ(a, r.total_a);
  EXPECT_EQ(b, r.total_b);
  EXPECT_EQ(r.total_a, 5);
  EXPECT_EQ(r.total_b, 6);
}

TEST(QueryBanding, EmptyPeriodsSaySo) {
  const auto r = compare_periods(model(), "2025-06", "2025-07");
  EXPECT_TRUE(r.rows.empty());
  const std::string text = format_period_comparison(r, model(), Format::table, "id");
  EXPECT_NE(text.find("Tidak ada temuan bertanggal pada kedua periode. Temuan bertanggal di proyek ini: 2023-12-31 sampai 2024-06-01."),
            std::string::npos)
      << text;
  EXPECT_NE(format_period_comparison(r, model(), Format::json, "en").find("no dated findings in either period"),
            std::string::npos);
}

TEST(QueryBanding, BadPeriodsAreErrors) {
  EXPECT_THROW(compare_periods(model(), "2025-13", "2025-07"), QueryError);
  EXPECT_THROW(compare_periods(model(), "2025-06", "2025-Q3"), QueryError);
  EXPECT_THROW(compare_periods(model(), "Juni", "Juli"), QueryError);
  EXPECT_THROW(compare_periods(model(), "2024-05", "2024-06", "tidak_ada"), QueryError);
}

}  // namespace
}  // namespace peta::query
