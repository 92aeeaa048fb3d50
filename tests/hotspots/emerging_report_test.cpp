// The time stage as the pipeline will call it (desa_trends) and the hotspot report's time section.
#include "hotspots/emerging_report.hpp"

#include <gtest/gtest.h>

#include <map>

#include "hotspots/desa_trends.hpp"

namespace peta {
namespace {

Boundaries row_of_desa(int n) {
  Boundaries b;
  b.kecamatan.push_back({*AdminCode::parse("35.13.01"), "Sukapura", "", {}, 0});
  for (int i = 0; i < n; ++i) {
    b.desa.push_back({*AdminCode::parse("35.13.01.20" + std::string(i < 10 ? "0" : "") + std::to_string(i + 1)),
                      "Desa" + std::to_string(i + 1), "desa", {}, 0});
    b.desa_kecamatan.push_back(0);
  }
  return b;
}

TEST(DesaTrendsTest, AnalysesCategoriesWithDatedFindings) {
  const Boundaries b = row_of_desa(12);
  std::vector<std::pair<SpatialWeights::Index, SpatialWeights::Index>> pairs;
  for (SpatialWeights::Index i = 0; i + 1 < 12; ++i) pairs.push_back({i, i + 1});
  const SpatialWeights w = SpatialWeights::from_pairs(12, pairs);
  const CategoryTaxonomy taxonomy = CategoryTaxonomy::defaults();
  const std::string code = taxonomy.categories()[0].code;
  PeriodCounts counts;
  // Desa 1-3 carry most findings in every month of 2025; the rest one each in some months.
  for (int m = 1; m <= 12; ++m)
    for (int d = 0; d < 12; ++d) {
      const int n = d < 3 ? 6 + m : (d + m) % 3 == 0 ? 1 : 0;
      for (int k = 0; k < n; ++k) counts.add(d, code, *Date::from_ymd(2025, m, 1 + k % 28));
    }
  counts.add_undated(true);
  const DesaTrends t = desa_trends(counts, taxonomy, w);
  ASSERT_EQ(t.results.size(), taxonomy.size());
  ASSERT_TRUE(t.results[0].has_value());
  for (std::size_t c = 1; c < t.results.size(); ++c) EXPECT_FALSE(t.results[c].has_value());
  EXPECT_EQ(t.last - t.first + 1, 12);
  // The same as calling the analysis on the cube directly.
  const EmergingResult direct = emerging_hotspots(counts.cube(12, code, t.first, t.last), w);
  EXPECT_EQ(t.results[0]->classes, direct.classes);
  EXPECT_EQ(t.pointers()[0], &*t.results[0]);
  EXPECT_EQ(t.pointers()[1], nullptr);

  std::vector<EmergingCategory> cats;
  for (std::size_t c = 0; c < taxonomy.size(); ++c)
    cats.push_back({taxonomy.categories()[c].code, taxonomy.categories()[c].label_id, taxonomy.categories()[c].label_en,
                    t.pointers()[c]});
  const std::string text = emerging_report_text(b, counts, t.first, t.last, {cats[0], cats[1]}, "id");
  EXPECT_NE(text.find("Periode: 2025-01 – 2025-12 (bulan)"), std::string::npos) << text;
  EXPECT_NE(text.find("di antaranya tanggal tidak valid: 1"), std::string::npos) << text;
  // January: desa 1-3 have 7 each, and desa d with (d + 1) % 3 == 0 (d = 5, 8, 11) one each.
  EXPECT_NE(text.find("Temuan per periode: 2025-01=24 2025-02="), std::string::npos) << text;
  EXPECT_NE(text.find("tidak dianalisis"), std::string::npos);  // the second category has no finding
  // Every class that occurs is listed with its desa count.
  std::map<EmergingClass, int> tally;
  for (auto c : t.results[0]->classes) ++tally[c];
  for (const auto& [cls, n] : tally) {
    if (cls == EmergingClass::no_pattern) continue;
    EXPECT_NE(text.find(std::string(emerging_class_label_id(cls)) + ": " + std::to_string(n) + " desa"), std::string::npos)
        << text;
  }
  const auto j = emerging_report_json(b, counts, t.first, t.last, {cats[0]});
  EXPECT_EQ(j["periode"]["dari"], "2025-01");
  EXPECT_EQ(j["kategori"][0]["per_periode"].size(), 12u);
  EXPECT_EQ(j["kategori"][0]["per_periode"][0]["n"], 24);
}

TEST(DesaTrendsTest, TooFewPeriodsAreNotAnalysed) {
  const SpatialWeights w = SpatialWeights::from_pairs(2, {{0, 1}});
  PeriodCounts counts;
  const CategoryTaxonomy taxonomy = CategoryTaxonomy::defaults();
  counts.add(0, taxonomy.categories()[0].code, *Date::from_ymd(2025, 1, 5));
  counts.add(1, taxonomy.categories()[0].code, *Date::from_ymd(2025, 2, 5));
  const DesaTrends t = desa_trends(counts, taxonomy, w);
  for (const auto& r : t.results) EXPECT_FALSE(r.has_value());
  EXPECT_TRUE(desa_trends(PeriodCounts(), taxonomy, w).results[0] == std::nullopt);
}

}  // namespace
}  // namespace peta
