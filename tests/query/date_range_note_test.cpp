// A date range without findings is said so, over the hand-made fixture GeoPackage (dates 2023-12-31 .. 2024-06-01).
#include "query/date_range_note.hpp"

#include <gtest/gtest.h>

#include "project/project_settings.hpp"
#include "query/priority_score.hpp"
#include "query_fixture.hpp"
#include "test_support.hpp"

namespace peta::query {
namespace {

const QueryModel& model() {
  static QueryModel m = [] {
    std::string dir = test::temp_dir("query-date-note");
    test::write_query_fixture(dir + "/peta.gpkg");
    auto taxonomy = CategoryTaxonomy::defaults();
    return load_query_model(dir + "/peta.gpkg", taxonomy, PrioritySettings{}.weights_for(taxonomy));
  }();
  return m;
}

std::string note(const Params& p) { return empty_date_range_note(model(), parse_query_spec(p)); }

TEST(QueryDateRangeNote, EmptyRangeSaysSo) {
  EXPECT_EQ(note({{"from", "2025-06-01"}, {"to", "2025-06-30"}}),
            "Tidak ada temuan bertanggal pada 2025-06-01 – 2025-06-30: semua jumlah di bawah 0. "
            "Temuan bertanggal di proyek ini: 2023-12-31 sampai 2024-06-01.");
  EXPECT_EQ(note({{"to", "2023-12-30"}, {"lang", "en"}}),
            "No finding is dated in … – 2023-12-30: every count below is 0. "
            "The project's dated findings run from 2023-12-31 to 2024-06-01.");
}

TEST(QueryDateRangeNote, SilentWhenTheRangeHoldsFindingsOrNoFilter) {
  EXPECT_EQ(note({}), "");
  EXPECT_EQ(note({{"from", "2024-06-01"}}), "");  // the last dated finding
  EXPECT_EQ(note({{"from", "2023-12-31"}, {"to", "2023-12-31"}}), "");
}

}  // namespace
}  // namespace peta::query
