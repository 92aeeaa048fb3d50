// What a GIS officer saw in QGIS (issue 15): rejects and akses_sekolah in one red, klaster invisible under the
// desa fill, and a stunting legend whose first class read "1–10".
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <tuple>

#include "output/class_breaks.hpp"
#include "output/style_rules.hpp"

namespace {

using namespace peta;

std::vector<CategorySpec> classes_of(const std::string& layer, const std::string& field,
                                     const std::vector<std::string>& values) {
  LayerSchema schema{layer, GeometryKind::point, {FieldDef{field, FieldType::text}}};
  StyleObserver observer(schema);
  for (const auto& v : values) observer.observe(Feature{Coord{113, -7.8}, {FieldValue{v}}});
  return layer_styles(schema, observer).front().categories;
}

TEST(QgisStyleFixes, EveryCategoryAndEveryRejectionReasonHasItsOwnColour) {
  auto categories = classes_of("temuan", "kat_kode",
                               {"jalan_rusak", "stunting", "akses_sekolah", "kemiskinan", "layanan_publik", "potensi"});
  auto reasons = classes_of("ditolak", "alasan",
                            {"coordinate_missing", "coordinate_unparseable", "coordinate_out_of_range", "column_count",
                             "outside_boundaries", "geometry_unparseable", "geometry_unsupported", "desa_code_unknown",
                             "desa_ambiguous", "desa_not_found", "location_missing"});
  std::set<std::tuple<int, int, int>> seen;
  std::size_t n = 0;
  for (const auto* list : {&categories, &reasons})
    for (const auto& c : *list) {
      if (c.value.empty()) continue;  // "Lainnya / kosong" is the same grey in both
      seen.insert({c.symbol.fill.r, c.symbol.fill.g, c.symbol.fill.b});
      ++n;
    }
  EXPECT_EQ(n, 6u + 11u);
  EXPECT_EQ(seen.size(), n) << "two classes share a colour";
}

TEST(QgisStyleFixes, ClustersAreSeeThroughWithAStrongOutline) {
  LayerSchema schema{"klaster", GeometryKind::multipolygon, {FieldDef{"klaster", FieldType::integer}}};
  StyleObserver observer(schema);
  const LayerStyle style = layer_styles(schema, observer).front();
  EXPECT_EQ(style.renderer, RendererKind::single_symbol);
  EXPECT_LT(style.symbol.fill.a, 128);  // the desa below show through
  EXPECT_GE(style.symbol.outline_mm, 0.5);
}

TEST(QgisStyleFixes, TheFirstCountClassStartsAtTheSmallestPublishedCount) {
  // Stunting in the public profile with k = 5: withheld desa are NULL (NaN here), the published counts are >= 5.
  const double nan = std::nan("");
  auto classes = count_classes({nan, nan, 5, 6, 9, 10, 14, 30, nan}, 3);
  ASSERT_FALSE(classes.empty());
  EXPECT_EQ(classes.front().lower, 5);
  EXPECT_EQ(classes.front().label.substr(0, 1), "5");
  EXPECT_NE(classes.front().label.substr(0, 2), "1\xE2");
}

}  // namespace
