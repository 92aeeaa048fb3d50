// `peta query --tren` over the hand-made fixture GeoPackage (5 unit-square desa, findings 2023-12 .. 2024-06).
#include "query/trend_query.hpp"

#include <gtest/gtest.h>

#include "project/project_settings.hpp"
#include "query/priority_score.hpp"
#include "query/query_spec.hpp"
#include "query_fixture.hpp"
#include "test_support.hpp"

namespace peta::query {
namespace {

const QueryModel& model() {
  static QueryModel m = [] {
    std::string dir = test::temp_dir("query-trend");
    test::write_query_fixture(dir + "/peta.gpkg");
    auto taxonomy = CategoryTaxonomy::defaults();
    return load_query_model(dir + "/peta.gpkg", taxonomy, PrioritySettings{}.weights_for(taxonomy));
  }();
  return m;
}

TEST(QueryTrend, MonthlySeriesAndClasses) {
  const std::string text = trend_report(model(), PeriodKind::month, "jalan_rusak", "id");
  EXPECT_NE(text.find("Periode: 2023-12 – 2024-06 (bulan)"), std::string::npos) << text;
  EXPECT_NE(text.find("Temuan per periode: 2023-12=1 2024-01=3 2024-02=1 2024-03=1 2024-04=0 2024-05=6 2024-06=1\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("tidak dianalisis"), std::string::npos);
  const std::string quarters = trend_report(model(), PeriodKind::quarter, "jalan_rusak", "en");
  EXPECT_NE(quarters.find("Findings per period: 2023-Q4=1 2024-Q1=5 2024-Q2=7\n"), std::string::npos) << quarters;
}

TEST(QueryTrend, Errors) {
  EXPECT_THROW(trend_report(model(), PeriodKind::month, "tidak_ada", "id"), QueryError);
}

}  // namespace
}  // namespace peta::query
