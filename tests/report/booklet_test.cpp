// The booklet's pages as plain data, on the hand-made query fixture (2 kecamatan, 5 desa): which pages a booklet
// has, the numbers they print, and that a withheld count is never printed (not even through a kabupaten sum).
#include <gtest/gtest.h>

#include <algorithm>
#include <variant>

#include "core/error.hpp"

#include "query_fixture.hpp"
#include "report/booklet.hpp"
#include "test_support.hpp"

namespace {

using namespace peta;

class Booklet : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string dir = test::temp_dir("booklet");
    data.gpkg = dir + "/fixture.gpkg";
    test::write_query_fixture(data.gpkg, false, false);
    data.desa = render::read_map_layer(data.gpkg, "desa");
    data.kecamatan = render::read_map_layer(data.gpkg, "kecamatan");
    const CategoryTaxonomy taxonomy = CategoryTaxonomy::defaults();
    for (const auto& c : taxonomy.categories())
      if (data.desa.has_field("n_" + c.code)) data.categories.push_back(c);
    data.k = 5;
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
  report::ReportData data;
};

TEST_F(Booklet, PagesAndNumbersOfAKecamatan) {
  auto lumbang = report::build_booklet(data, report::find_area(data, "Lumbang"), "id", "6 Desember 2026");
  // cover, key numbers, count map, top 10, potential, sources (no Gi* fields in this fixture)
  ASSERT_EQ(lumbang.pages.size(), 6u);
  EXPECT_EQ(lumbang.title, "Kecamatan Lumbang");
  const auto* key = pages<report::KeyNumbersPage>(lumbang).front();
  EXPECT_EQ(row(*key, "Semua temuan (tanpa kategori sensitif)")->value, "5");  // Delta 5 + Echo 0
  EXPECT_EQ(row(*key, "Jalan rusak")->value, "2");
  EXPECT_EQ(row(*key, "Potensi desa")->value, "3");
  EXPECT_EQ(row(*key, "Desa dengan temuan")->value, "1 dari 2");
  auto tables = pages<report::TablePage>(lumbang);
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(tables[0]->heading, "10 desa dengan temuan terbanyak");
  ASSERT_EQ(tables[0]->rows.size(), 1u);  // Echo has no finding: not in the list
  EXPECT_EQ(tables[0]->rows[0][1], "Delta");
  EXPECT_EQ(tables[1]->heading, "Potensi desa");
  ASSERT_EQ(tables[1]->rows.size(), 1u);
  EXPECT_EQ(tables[1]->rows[0], (std::vector<std::string>{"1", "Delta", "3"}));
  // The count map draws the kecamatan's 2 desa and, pale, the desa of other kecamatan within its extent: only
  // Charlie (Sumber), whose edge touches Delta; Alpha and Bravo lie outside and are not drawn.
  const auto* map = pages<report::MapPage>(lumbang).front();
  EXPECT_EQ(map->scene.units.size(), 3u);
  // Sumber has no potential: no such page (no empty placeholder).
  auto sumber = report::build_booklet(data, report::find_area(data, "35.13.01"), "id", "x");
  EXPECT_EQ(sumber.pages.size(), 5u);
  EXPECT_TRUE(std::none_of(sumber.pages.begin(), sumber.pages.end(), [](const report::Page& p) {
    auto t = std::get_if<report::TablePage>(&p);
    return t && t->heading == "Potensi desa";
  }));
  EXPECT_THROW(report::find_area(data, "Atlantis"), Error);
}

TEST_F(Booklet, AWithheldCountIsNeverPrinted) {
  // Withhold stunting in desa Alpha (1 finding) and in kecamatan Lumbang, as the public profile would.
  for (auto& d : data.desa.units)
    if (d.nama == "Alpha") d.numbers.erase("n_stunting");
  for (auto& k : data.kecamatan.units)
    if (k.nama == "Lumbang") k.numbers.erase("n_stunting");
  auto sumber = report::build_booklet(data, report::find_area(data, "Sumber"), "id", "x");
  const auto* top = pages<report::TablePage>(sumber).front();
  std::size_t stunting_column = 0;
  for (std::size_t i = 0; i < top->columns.size(); ++i)
    if (top->columns[i] == "Stunting *") stunting_column = i;
  ASSERT_GT(stunting_column, 0u);
  bool alpha_seen = false;
  for (const auto& r : top->rows)
    if (r[1] == "Alpha") {
      alpha_seen = true;
      EXPECT_EQ(r[stunting_column], "–");
    }
  EXPECT_TRUE(alpha_seen);
  EXPECT_NE(top->notes.back().find("disembunyikan"), std::string::npos);
  // The kabupaten sum of stunting would give Lumbang's withheld count away (total minus Sumber): withheld too.
  auto kab = report::build_booklet(data, report::find_area(data, ""), "id", "x");
  const auto* key = pages<report::KeyNumbersPage>(kab).front();
  const auto* stunting = row(*key, "Stunting *");
  ASSERT_TRUE(stunting);
  EXPECT_TRUE(stunting->withheld);
  EXPECT_EQ(stunting->value, "disembunyikan");
  EXPECT_EQ(row(*key, "Jalan rusak")->value, "13");  // 4 + 6 + 1 + 2 + 0: every kecamatan published
  // The count map of Sumber is n_total (never withheld): Alpha keeps its colour; a withheld n_total is hatched.
  for (auto& d : data.desa.units)
    if (d.nama == "Bravo") d.numbers.erase("n_total");
  auto again = report::build_booklet(data, report::find_area(data, "Sumber"), "id", "x");
  const auto* map = pages<report::MapPage>(again).front();
  EXPECT_EQ(std::count_if(map->scene.units.begin(), map->scene.units.end(), [](const auto& u) { return u.hatched; }), 1);
  EXPECT_EQ(map->scene.legend.back().label, "disembunyikan, < 5");
}

TEST(ReportNumbers, IndonesianAndEnglishSeparators) {
  EXPECT_EQ(report::format_count(5000, "id"), "5.000");
  EXPECT_EQ(report::format_count(1234567, "en"), "1,234,567");
  EXPECT_EQ(report::format_count(12, "id"), "12");
  EXPECT_EQ(report::format_decimal(1725.94, 1, "id"), "1.725,9");
  EXPECT_EQ(report::format_decimal(109.05, 2, "en"), "109.05");
}

}  // namespace
