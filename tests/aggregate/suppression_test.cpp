// Complementary suppression: no withheld sensitive count can be worked out from a published kecamatan count
// minus the published counts of its desa.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "aggregate/suppression.hpp"

namespace peta {
namespace {

// Kecamatan given as lists of desa counts of one sensitive category (index 0); category 1 is not sensitive
// and gets count 1 everywhere.
struct Fixture {
  Boundaries b;
  CategoryTaxonomy taxonomy = CategoryTaxonomy::from_json(
      nlohmann::json::parse(R"([{"code": "stunting", "sensitive": true}, {"code": "jalan_rusak"}])"), "test");
  UnitCounts counts{0, 2};

  explicit Fixture(const std::vector<std::vector<int>>& kecamatan) {
    std::size_t n = 0;
    for (const auto& k : kecamatan) n += k.size();
    counts = UnitCounts(n, 2);
    for (std::size_t k = 0; k < kecamatan.size(); ++k)
      b.kecamatan.push_back({*AdminCode::parse("35.13." + std::to_string(10 + k)), "", "", {}, 0});
    for (std::size_t k = 0; k < kecamatan.size(); ++k)
      for (int c : kecamatan[k]) {
        const int d = static_cast<int>(b.desa.size());
        b.desa.push_back({*AdminCode::parse(b.kecamatan[k].code.dotted() + "." + std::to_string(2001 + d)), "", "", {}, 0});
        b.desa_kecamatan.push_back(static_cast<int>(k));
        for (int i = 0; i < c; ++i) counts.add(d, 0);
        counts.add(d, 1);
      }
  }
};

std::vector<int> reasons(const Suppression& s, std::size_t desa_count, std::size_t category) {
  std::vector<int> out;
  for (std::size_t d = 0; d < desa_count; ++d) out.push_back(static_cast<int>(s.desa(d)[category]));
  return out;
}

TEST(Suppression, WithholdsBelowKAndEnoughMoreThatNoWithheldCountCanBeWorkedOut) {
  Fixture f({{6, 0, 0}, {2, 8, 9}, {3, 4, 7}, {1, 2}, {10, 12}, {9, 6, 0}});
  const Suppression s(f.b, f.counts, f.taxonomy, 5);
  // 0 = published, 1 = below k, 2 = complementary.
  EXPECT_EQ(reasons(s, f.b.desa.size(), 0), (std::vector<int>{
                                                2, 1, 1,  // 6 - 6 = 0 would show both zeros: the 6 goes too
                                                1, 2, 0,  // 2 alone: the smallest published (8) goes too
                                                1, 1, 0,  // 3 + 4 = 7 >= k, two of them: enough
                                                1, 1,     // the kecamatan itself is below k
                                                0, 0,     // nothing to hide
                                                0, 2, 1,  // 0 alone: the smallest published (6) goes too
                                            }));
  for (std::size_t k = 0; k < f.b.kecamatan.size(); ++k)
    EXPECT_EQ(static_cast<int>(s.kecamatan(k)[0]), k == 3 ? 1 : 0) << k;
  // The category that is not sensitive keeps every count, however small.
  EXPECT_EQ(reasons(s, f.b.desa.size(), 1), std::vector<int>(f.b.desa.size(), 0));
  EXPECT_EQ(s.withheld_desa_count(Withheld::complementary), 3u);

  // What a reader can do with the published numbers: a published kecamatan count minus its published desa
  // counts is the sum of the withheld ones. It never pins them down.
  std::size_t first = 0;
  for (std::size_t k = 0; k < f.b.kecamatan.size(); ++k) {
    std::size_t size = 0;
    for (std::size_t d = 0; d < f.b.desa.size(); ++d) size += f.b.desa_kecamatan[d] == static_cast<int>(k);
    if (s.kecamatan(k)[0] == Withheld::no) {
      int withheld = 0, sum = 0;
      for (std::size_t d = first; d < first + size; ++d)
        if (s.desa(d)[0] != Withheld::no) ++withheld, sum += static_cast<int>(f.counts.desa(d, 0));
      EXPECT_TRUE(withheld == 0 || (withheld >= 2 && sum >= 5)) << "kecamatan " << k;
    }
    first += size;
  }
}

TEST(Suppression, StatisticsSeeAWithheldCountAsTheMiddleOfBelowK) {
  Fixture f({{6, 0, 0}, {10, 12}});
  const Suppression s(f.b, f.counts, f.taxonomy, 5);
  EXPECT_EQ(s.visible_desa_counts(f.counts, 0), (std::vector<double>{2, 2, 2, 10, 12}));
  EXPECT_EQ(s.visible_desa_counts(f.counts, 1), (std::vector<double>{1, 1, 1, 1, 1}));
  // The internal profile withholds nothing: statistics see the counts themselves.
  const Suppression none;
  EXPECT_TRUE(none.desa(0).empty());
  EXPECT_EQ(none.visible_desa_counts(f.counts, 0), (std::vector<double>{6, 0, 0, 10, 12}));
}

}  // namespace
}  // namespace peta
