// What a GIS officer saw in QGIS (issue 15): rejects and akses_sekolah in one red, klaster invisible under the
// desa fill, and a stunting legend whose first class read "1–10".
#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <set>
#include <tuple>

#include "output/class_breaks.hpp"
#include "output/qml_style.hpp"
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

TEST(QgisStyleFixes, WithheldCountsGetALegendClassInsteadOfABlankDesa) {
  LayerSchema schema{"desa", GeometryKind::multipolygon,
                     {FieldDef{"n_total", FieldType::integer}, FieldDef{"n_stunting", FieldType::integer, "n_stunt"}}};
  StyleObserver observer(schema);
  const std::vector<std::optional<std::int64_t>> stunting = {std::nullopt, 5, 9, std::nullopt, 14, 30};
  for (std::size_t i = 0; i < stunting.size(); ++i) {
    Feature f;
    f.values = {FieldValue{std::int64_t(10 + i)},
                stunting[i] ? FieldValue{*stunting[i]} : FieldValue{std::monostate{}}};
    observer.observe(f);
  }
  const auto styles = layer_styles(schema, observer);
  const LayerStyle* st = nullptr;
  for (const auto& x : styles)
    if (x.field == "n_stunting") st = &x;
  ASSERT_TRUE(st);
  EXPECT_EQ(st->null_label, "disembunyikan");
  EXPECT_EQ(st->ranges.front().lower, 5);  // no "1–..." and no "0": neither is ever published
  const std::string qml = qml_document(*st, FieldNaming::full);
  EXPECT_NE(qml.find("attr=\"coalesce(&quot;n_stunting&quot;, -1)\""), std::string::npos) << qml.substr(0, 600);
  EXPECT_NE(qml.find("<range lower=\"-1\" upper=\"-1\" symbol=\"0\" label=\"disembunyikan\""), std::string::npos);
  // The shapefile's .qml reads either name.
  const std::string any = qml_document(*st, FieldNaming::any);
  EXPECT_NE(any.find("attr=\"coalesce(coalesce(attribute(@feature, &apos;n_stunting&apos;)"), std::string::npos)
      << any.substr(0, 600);
  // n_total (never NULL) keeps its plain field.
  const LayerStyle* total = nullptr;
  for (const auto& x : styles)
    if (x.field == "n_total") total = &x;
  ASSERT_TRUE(total);
  EXPECT_TRUE(total->null_label.empty());
}

}  // namespace
