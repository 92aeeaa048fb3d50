// PeriodTally: the dense desa x period x category array must hand PeriodCounts exactly the cells that adding
// every finding to PeriodCounts one at a time gives, wherever the window grows and whatever spills out of it.
#include "aggregate/period_tally.hpp"

#include <gtest/gtest.h>

#include <random>

#include "core/error.hpp"

#include <nlohmann/json.hpp>

namespace peta {
namespace {

// Codes deliberately out of index order ("z" first), so that the tally must sort its columns by code.
CategoryTaxonomy taxonomy() {
  return CategoryTaxonomy::from_json(nlohmann::json::parse(R"([
    {"code": "zebra_cross", "label_id": "Z", "label_en": "Z"},
    {"code": "air_bersih", "label_id": "A", "label_en": "A"},
    {"code": "lampu", "label_id": "L", "label_en": "L", "sensitive": true},
    {"code": "moda", "label_id": "M", "label_en": "M"}])"),
                                     "test");
}

PrivacySettings internal() {
  PrivacySettings p;
  p.public_profile = false;
  return p;
}

void expect_same_rows(const PeriodCounts& got, const PeriodCounts& want) {
  const auto g = got.rows(), w = want.rows();
  ASSERT_EQ(g.size(), w.size());
  for (std::size_t i = 0; i < g.size(); ++i) {
    EXPECT_EQ(g[i].unit, w[i].unit) << i;
    EXPECT_EQ(g[i].period, w[i].period) << i;
    EXPECT_EQ(g[i].category, w[i].category) << i;
    EXPECT_EQ(g[i].n, w[i].n) << i;
  }
  EXPECT_EQ(got.dated(), want.dated());
}

TEST(PeriodTally, EdgesLastDesaLastCategoryLastPeriodAndUnknown) {
  const CategoryTaxonomy t = taxonomy();
  const PublicationPolicy policy(t, internal());
  PeriodTally tally(PeriodKind::month, 5, t.size());
  const Date jan = *Date::from_ymd(2026, 1, 15), dec = *Date::from_ymd(2026, 12, 31), jun = *Date::from_ymd(2026, 6, 1);
  tally.add(4, 3, dec);  // the last desa, the last category, the last period
  tally.add(4, 3, dec);
  tally.add(0, -1, jan);  // an unknown category: "lainnya"
  tally.add(0, 0, jan);
  tally.add(2, 1, jun);
  tally.add(2, 1, *Date::from_ymd(2026, 6, 30));
  tally.add(2, 1, *Date::from_ymd(2026, 6, 30));
  EXPECT_EQ(tally.total(), 7);
  EXPECT_EQ(tally.sparse_cells(), 0u);
  PeriodCounts counts;
  tally.flush_into(counts, policy);
  const auto rows = counts.rows();
  ASSERT_EQ(rows.size(), 4u);
  const int p_jan = period_of(PeriodKind::month, jan), p_dec = period_of(PeriodKind::month, dec);
  // Sorted by desa, period, then code: "lainnya" before "zebra_cross" in January.
  EXPECT_EQ(rows[0].unit, 0);
  EXPECT_EQ(rows[0].period, p_jan);
  EXPECT_EQ(rows[0].category, "lainnya");
  EXPECT_EQ(rows[0].n, 1);
  EXPECT_EQ(rows[1].category, "zebra_cross");
  EXPECT_EQ(rows[1].n, 1);
  EXPECT_EQ(rows[2].unit, 2);
  EXPECT_EQ(rows[2].category, "air_bersih");
  EXPECT_EQ(rows[2].n, 3);
  EXPECT_EQ(rows[3].unit, 4);
  EXPECT_EQ(rows[3].period, p_dec);
  EXPECT_EQ(rows[3].category, "moda");
  EXPECT_EQ(rows[3].n, 2);
  EXPECT_EQ(counts.dated(), 7);
  EXPECT_EQ(counts.count(4, p_dec, "moda"), 2);
  EXPECT_EQ(counts.count(2, period_of(PeriodKind::month, jun)), 3);
}

TEST(PeriodTally, OutOfRangeDesaOrCategoryIsAnError) {
  PeriodTally tally(PeriodKind::month, 3, 2);
  const Date d = *Date::from_ymd(2026, 3, 1);
  EXPECT_THROW(tally.add(3, 0, d), Error);
  EXPECT_THROW(tally.add(-1, 0, d), Error);
  EXPECT_THROW(tally.add(0, 2, d), Error);
  EXPECT_THROW(tally.add(0, -2, d), Error);
  tally.add(2, 1, d);
  EXPECT_EQ(tally.total(), 1);
}

TEST(PeriodTally, WindowGrowsBothWaysAndKeepsEveryCount) {
  const CategoryTaxonomy t = taxonomy();
  const PublicationPolicy policy(t, internal());
  PeriodTally tally(PeriodKind::month, 3, t.size());
  PeriodCounts want;
  // Months arriving out of order: the window first holds one month, then grows forwards and backwards.
  const int months[] = {5, 6, 9, 1, 12, 2, 1, 5};
  for (int m : months) {
    const Date d = *Date::from_ymd(2026, m, 10);
    tally.add(m % 3, m % 4, d);
    want.add(m % 3, t.categories()[std::size_t(m % 4)].code, d);
  }
  EXPECT_EQ(tally.sparse_cells(), 0u);
  EXPECT_LE(tally.first_dense_period(), period_of(PeriodKind::month, *Date::from_ymd(2026, 1, 1)));
  EXPECT_GE(tally.first_dense_period() + int(tally.dense_periods()) - 1,
            period_of(PeriodKind::month, *Date::from_ymd(2026, 12, 1)));
  PeriodCounts got;
  tally.flush_into(got, policy);
  expect_same_rows(got, want);
  EXPECT_EQ(got.dated(), 8);
}

// Random findings over 200 desa, every category and -1, ISO weeks across 1995-2030 plus far outliers (year 1 and
// 9999), with a dense cap so small that most periods spill into the hash: the same rows as PeriodCounts fed
// one finding at a time.
TEST(PeriodTally, MatchesPeriodCountsWithDenseWindowAndSpill) {
  const CategoryTaxonomy t = taxonomy();
  const PublicationPolicy policy(t, internal());
  for (const PeriodKind kind : {PeriodKind::month, PeriodKind::week, PeriodKind::quarter}) {
    const std::size_t desa = 200;
    PeriodTally tally(kind, desa, t.size(), desa * (t.size() + 1) * 40);  // at most 40 periods dense
    PeriodCounts want(kind);
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> any_desa(0, int(desa) - 1), any_category(-1, int(t.size()) - 1);
    std::uniform_int_distribution<int> year(1995, 2030), month(1, 12), day(1, 28), outlier(0, 99);
    for (int i = 0; i < 60000; ++i) {
      const int y = outlier(rng) == 0 ? (i % 2 ? 1 : 9999) : (i < 30000 ? 2026 : year(rng));
      const Date d = *Date::from_ymd(y, month(rng), day(rng));
      const int u = i % 1000 == 0 ? int(desa) - 1 : any_desa(rng);
      const int c = any_category(rng);
      tally.add(u, c, d);
      want.add(u, c >= 0 ? t.categories()[std::size_t(c)].code : std::string("lainnya"), d);
    }
    EXPECT_GT(tally.sparse_cells(), 0u);
    EXPECT_LE(tally.dense_periods(), 40u);
    PeriodCounts got(kind);
    tally.flush_into(got, policy);
    expect_same_rows(got, want);
    EXPECT_EQ(got.dated(), 60000);
  }
}

TEST(PeriodTally, NoDenseRoomCountsEverythingInTheHash) {
  const CategoryTaxonomy t = taxonomy();
  const PublicationPolicy policy(t, internal());
  PeriodTally tally(PeriodKind::month, 10, t.size(), 10);  // less than one period's plane
  PeriodCounts want;
  for (int i = 0; i < 100; ++i) {
    const Date d = *Date::from_ymd(2020 + i % 3, 1 + i % 12, 1);
    tally.add(i % 10, i % 5 - 1, d);
    want.add(i % 10, i % 5 == 0 ? std::string("lainnya") : t.categories()[std::size_t(i % 5 - 1)].code, d);
  }
  EXPECT_EQ(tally.dense_periods(), 0u);
  PeriodCounts got;
  tally.flush_into(got, policy);
  expect_same_rows(got, want);
}

}  // namespace
}  // namespace peta
