// Periods (month, ISO week, quarter), counts per unit x period x category, the kecamatan rollup, the cube
// for emerging hot spots and the two-period comparison with its exact test (values from scipy.stats.binomtest).
#include "aggregate/period_counts.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <tuple>

namespace peta {
namespace {

Date day(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

TEST(Period, Labels) {
  EXPECT_EQ(period_label(PeriodKind::month, period_of(PeriodKind::month, day(2025, 6, 30))), "2025-06");
  EXPECT_EQ(period_label(PeriodKind::quarter, period_of(PeriodKind::quarter, day(2025, 6, 30))), "2025-Q2");
  EXPECT_EQ(period_label(PeriodKind::quarter, period_of(PeriodKind::quarter, day(2025, 7, 1))), "2025-Q3");
  // ISO weeks (Python's date.isocalendar()).
  EXPECT_EQ(period_label(PeriodKind::week, period_of(PeriodKind::week, day(2024, 12, 30))), "2025-W01");
  EXPECT_EQ(period_label(PeriodKind::week, period_of(PeriodKind::week, day(2021, 1, 3))), "2020-W53");
  EXPECT_EQ(period_label(PeriodKind::week, period_of(PeriodKind::week, day(2026, 12, 31))), "2026-W53");
  EXPECT_EQ(period_label(PeriodKind::week, period_of(PeriodKind::week, day(2027, 1, 1))), "2026-W53");
  EXPECT_EQ(period_label(PeriodKind::week, period_of(PeriodKind::week, day(2025, 6, 1))), "2025-W22");
  EXPECT_EQ(period_label(PeriodKind::week, period_of(PeriodKind::week, day(1969, 12, 31))), "1970-W01");
  EXPECT_EQ(period_days(PeriodKind::month, period_of(PeriodKind::month, day(2024, 2, 1))), 29);
  EXPECT_EQ(period_days(PeriodKind::quarter, period_of(PeriodKind::quarter, day(2025, 1, 1))), 90);
  EXPECT_EQ(period_kind_from_name("triwulan"), PeriodKind::quarter);
  EXPECT_EQ(period_kind_from_name("minggu"), PeriodKind::week);
  EXPECT_FALSE(period_kind_from_name("tahun"));
}

TEST(Period, ParseLabels) {
  EXPECT_EQ(parse_period("2025-06")->period, period_of(PeriodKind::month, day(2025, 6, 1)));
  EXPECT_EQ(parse_period("2025-06")->kind, PeriodKind::month);
  EXPECT_EQ(parse_period("2025-Q2")->period, period_of(PeriodKind::quarter, day(2025, 4, 1)));
  EXPECT_EQ(parse_period("2020-W53")->period, period_of(PeriodKind::week, day(2021, 1, 3)));
  EXPECT_FALSE(parse_period("2025-W53"));  // 2025 has 52 ISO weeks
  EXPECT_FALSE(parse_period("2025-13"));
  EXPECT_FALSE(parse_period("2025-Q5"));
  EXPECT_FALSE(parse_period("2025-6"));
  EXPECT_FALSE(parse_period("Juni"));
}

// Every day 1960-2100: inside its period, and every period's label parses back to it.
TEST(Period, ExhaustiveDays) {
  for (PeriodKind kind : {PeriodKind::month, PeriodKind::week, PeriodKind::quarter}) {
    int previous = period_of(kind, day(1960, 1, 1));
    for (std::int32_t k = day(1960, 1, 1).days(); k <= day(2100, 12, 31).days(); ++k) {
      const Date d = Date::from_days(k);
      const int p = period_of(kind, d);
      ASSERT_TRUE(p == previous || p == previous + 1) << d.iso();
      ASSERT_LE(period_start(kind, p), d);
      ASSERT_GE(period_end(kind, p), d);
      if (p != previous) {
        ASSERT_EQ(period_start(kind, p), d) << d.iso();
        const auto parsed = parse_period(period_label(kind, p));
        ASSERT_TRUE(parsed) << period_label(kind, p);
        ASSERT_EQ(parsed->period, p);
        ASSERT_EQ(parsed->kind, kind);
      }
      previous = p;
    }
  }
}

TEST(PeriodCountsTest, RowsRollupAndCube) {
  PeriodCounts c;  // months
  c.add(0, "jalan", day(2025, 6, 3));
  c.add(0, "jalan", day(2025, 6, 30));
  c.add(0, "air", day(2025, 6, 3));
  c.add(2, "jalan", day(2025, 8, 1));
  c.add(1, "jalan", day(2025, 7, 15));
  c.add_undated(true);
  c.add_undated(false);
  EXPECT_EQ(c.dated(), 5);
  EXPECT_EQ(c.undated(), 2);
  EXPECT_EQ(c.flagged(), 1);
  const auto rows = c.rows();
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].unit, 0);
  EXPECT_EQ(rows[0].category, "air");
  EXPECT_EQ(rows[1].n, 2);
  EXPECT_EQ(period_label(PeriodKind::month, rows[1].period), "2025-06");
  EXPECT_EQ(c.count(0, parse_period("2025-06")->period), 3);
  EXPECT_EQ(c.first_period(), parse_period("2025-06")->period);
  EXPECT_EQ(c.last_period(), parse_period("2025-08")->period);

  const PeriodCounts kec = c.rollup({0, 0, 1});
  EXPECT_EQ(kec.count(0, parse_period("2025-06")->period, "jalan"), 2);
  EXPECT_EQ(kec.count(0, parse_period("2025-07")->period, "jalan"), 1);
  EXPECT_EQ(kec.count(1, parse_period("2025-08")->period, "jalan"), 1);
  EXPECT_EQ(kec.dated(), 5);

  const SpaceTimeCube cube = c.cube(3, "jalan", c.first_period(), c.last_period() + 1);
  ASSERT_EQ(cube.steps, 4u);
  EXPECT_EQ(cube.at(0, 0), 2);
  EXPECT_EQ(cube.at(1, 1), 1);
  EXPECT_EQ(cube.at(2, 2), 1);
  EXPECT_EQ(cube.at(2, 3), 0);
  double total = 0;
  for (double v : c.cube(3, "", c.first_period(), c.last_period()).values) total += v;
  EXPECT_EQ(total, 5);
}

TEST(PeriodComparisonTest, ExactPoissonRatioTest) {
  // scipy.stats.binomtest(3, 10, 0.5).pvalue = 0.34375; (12, 40, 31/61) = 0.01059408236595124.
  EXPECT_NEAR(poisson_ratio_p_value(7, 3, 30, 30), 0.34375, 1e-12);
  EXPECT_NEAR(poisson_ratio_p_value(28, 12, 30, 31), 0.01059408236595124, 1e-12);
  EXPECT_NEAR(poisson_ratio_p_value(30, 31, 30, 31), 1.0, 1e-12);
  EXPECT_EQ(poisson_ratio_p_value(0, 0, 30, 31), 1.0);
  EXPECT_NEAR(poisson_ratio_p_value(15, 5, 70, 30), 0.8083610172465565, 1e-12);  // binomtest(5, 20, 0.3)

  PeriodCounts c;
  for (int k = 0; k < 28; ++k) c.add(4, "jalan", day(2025, 6, 1 + k % 30));
  for (int k = 0; k < 12; ++k) c.add(4, "jalan", day(2025, 7, 1 + k));
  for (int k = 0; k < 3; ++k) c.add(1, "jalan", day(2025, 7, 2));
  c.add(2, "air", day(2025, 6, 9));
  c.add(3, "jalan", day(2025, 5, 9));  // outside both periods
  const auto rows = compare_periods(c, parse_period("2025-06")->period, parse_period("2025-07")->period);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].unit, 4);
  EXPECT_EQ(rows[0].a, 28);
  EXPECT_EQ(rows[0].b, 12);
  EXPECT_EQ(rows[0].change, -16);
  EXPECT_NEAR(rows[0].p_value, 0.01059408236595124, 1e-12);
  EXPECT_EQ(rows[1].unit, 1);  // 0 -> 3: p = (30/61)^3 + (31/61)^3 = 0.25, before 1 -> 0 (p = 30/61)
  EXPECT_EQ(rows[2].unit, 2);
  const auto only_air = compare_periods(c, parse_period("2025-06")->period, parse_period("2025-07")->period, "air");
  ASSERT_EQ(only_air.size(), 1u);
  EXPECT_EQ(only_air[0].a, 1);
}

// The flat cells against a plain map: random adds (categories first seen out of alphabetical order), reads in
// between (which sort and merge what was appended), more adds, then every row, count and the kecamatan rollup.
TEST(PeriodCounts, FlatCellsEqualAMapUnderRandomAddsAndReads) {
  const std::vector<std::string> codes{"stunting", "jalan_rusak", "", "potensi", "akses_sekolah"};
  std::map<std::tuple<int, int, std::string>, std::int64_t> expected;
  PeriodCounts counts;
  std::mt19937 rng(5);
  for (int i = 0; i < 60000; ++i) {
    const int unit = static_cast<int>(rng() % 300), period = 600 + static_cast<int>(rng() % 14);
    const std::string& code = codes[std::min<std::size_t>(rng() % codes.size(), static_cast<std::size_t>(i / 1000))];
    const std::int64_t n = 1 + static_cast<std::int64_t>(rng() % 3);
    counts.add(unit, period, code, n);
    expected[{unit, period, code}] += n;
    if (i % 20000 == 19999) {
      EXPECT_EQ(counts.count(7, 605, "stunting"), expected.count({7, 605, "stunting"}) ? expected.at({7, 605, "stunting"}) : 0);
    }
  }
  const auto rows = counts.rows();
  ASSERT_EQ(rows.size(), expected.size());
  std::size_t k = 0;
  std::int64_t total = 0;
  for (const auto& [key, n] : expected) {
    EXPECT_EQ(rows[k].unit, std::get<0>(key));
    EXPECT_EQ(rows[k].period, std::get<1>(key));
    EXPECT_EQ(rows[k].category, std::get<2>(key));
    EXPECT_EQ(rows[k].n, n);
    total += n;
    ++k;
  }
  EXPECT_EQ(counts.dated(), total);
  std::int64_t unit_period = 0;
  for (const auto& code : codes) unit_period += counts.count(42, 610, code);
  EXPECT_EQ(counts.count(42, 610), unit_period);
  std::vector<int> group(300);
  for (int u = 0; u < 300; ++u) group[static_cast<std::size_t>(u)] = u % 7 == 0 ? -1 : u / 10;
  std::map<std::tuple<int, int, std::string>, std::int64_t> rolled;
  for (const auto& [key, n] : expected)
    if (group[static_cast<std::size_t>(std::get<0>(key))] >= 0)
      rolled[{group[static_cast<std::size_t>(std::get<0>(key))], std::get<1>(key), std::get<2>(key)}] += n;
  const auto up = counts.rollup(group).rows();
  ASSERT_EQ(up.size(), rolled.size());
  k = 0;
  for (const auto& [key, n] : rolled) {
    EXPECT_EQ(up[k].unit, std::get<0>(key));
    EXPECT_EQ(up[k].category, std::get<2>(key));
    EXPECT_EQ(up[k].n, n);
    ++k;
  }
}

}  // namespace
}  // namespace peta
