// The time layers: the hitungan_periode table and its kecamatan rollup, tren_<kat> fields and their QGIS
// style, and the temuan layer's date field (ISO value, NULL + flag + original text for a bad date).
#include "output/time_layers.hpp"

#include <gtest/gtest.h>

#include "output/peta_layers.hpp"
#include "output/style_rules.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

TEST(TimeLayers, PeriodTableRowsAndRollup) {
  Boundaries b;
  b.kecamatan.push_back({*AdminCode::parse("35.13.01"), "Sukapura", "", {}, 0});
  b.desa.push_back({*AdminCode::parse("35.13.01.2001"), "Ngadisari", "desa", {}, 0});
  b.desa.push_back({*AdminCode::parse("35.13.01.2002"), "Wonotoro", "desa", {}, 0});
  b.desa_kecamatan = {0, 0};
  PeriodCounts counts;
  counts.add(0, "jalan", *Date::from_ymd(2025, 6, 2));
  counts.add(1, "jalan", *Date::from_ymd(2025, 6, 20));
  counts.add(1, "jalan", *Date::from_ymd(2025, 7, 1));
  const LayerSchema s = period_table_schema(PeriodTableLevel::desa);
  EXPECT_EQ(s.name, "hitungan_periode");
  EXPECT_EQ(s.geometry, GeometryKind::none);
  const auto rows = period_table_features(counts, b, PeriodTableLevel::desa);
  ASSERT_EQ(rows.size(), 3u);
  ASSERT_EQ(rows[0].values.size(), s.fields.size());
  EXPECT_EQ(std::get<std::string>(rows[0].values[0]), "35.13.01.2001");
  EXPECT_EQ(std::get<std::string>(rows[0].values[2]), "2025-06");
  EXPECT_EQ(std::get<std::string>(rows[0].values[3]), "2025-06-01");
  EXPECT_EQ(std::get<std::string>(rows[0].values[4]), "2025-06-30");
  EXPECT_EQ(std::get<std::int64_t>(rows[0].values[6]), 1);
  const auto kec = period_table_features(counts.rollup(b.desa_kecamatan), b, PeriodTableLevel::kecamatan);
  ASSERT_EQ(kec.size(), 2u);
  EXPECT_EQ(std::get<std::string>(kec[0].values[0]), "35.13.01");
  EXPECT_EQ(std::get<std::int64_t>(kec[0].values[6]), 2);  // June: both desa
  EXPECT_EQ(period_table_schema(PeriodTableLevel::kecamatan).fields[0].name, "kode_kec");
}

TEST(TimeLayers, TrendFieldsValuesAndStyle) {
  const CategoryTaxonomy categories = CategoryTaxonomy::defaults();
  ASSERT_GE(categories.size(), 2u);
  const auto fields = trend_fields(categories);
  ASSERT_EQ(fields.size(), categories.size());
  EXPECT_EQ(fields[0].name, "tren_" + categories.categories()[0].code);
  EXPECT_LE(fields[0].short_name.size(), 10u);
  EmergingResult r;
  r.classes = {EmergingClass::new_hot, EmergingClass::no_pattern};
  std::vector<const EmergingResult*> trends(categories.size(), nullptr);
  trends[0] = &r;
  Feature f;
  append_trend_values(f, 0, trends);
  ASSERT_EQ(f.values.size(), categories.size());
  EXPECT_EQ(std::get<std::string>(f.values[0]), "panas_baru");
  if (f.values.size() > 1) {
    EXPECT_TRUE(std::holds_alternative<std::monostate>(f.values[1]));
  }

  LayerSchema desa{"desa", GeometryKind::multipolygon, fields};
  desa.fields.insert(desa.fields.begin(), FieldDef{"nama", FieldType::text, "", 80, 0, "Nama", "Name", ""});
  StyleObserver observer(desa);
  const auto styles = layer_styles(desa, observer);
  const LayerStyle* trend = nullptr;
  for (const auto& s : styles)
    if (s.field == fields[0].name) trend = &s;
  ASSERT_NE(trend, nullptr);
  EXPECT_EQ(trend->renderer, RendererKind::categorized);
  ASSERT_EQ(trend->categories.size(), 17u);
  EXPECT_EQ(trend->categories[0].value, "panas_baru");
  EXPECT_EQ(trend->categories[0].label, "Titik panas baru");
  EXPECT_EQ(trend->categories[16].label, "Tidak ada pola");

  // With n_total, the desa layer also offers the coverage style: the desa without any finding.
  desa.fields.push_back({"n_total", FieldType::integer, "", 10, 0, "Jumlah", "Total", "jumlah"});
  const auto with_total = layer_styles(desa, StyleObserver(desa));
  const LayerStyle* blind = nullptr;
  for (const auto& s : with_total)
    if (s.name == "Titik buta: desa tanpa temuan") blind = &s;
  ASSERT_NE(blind, nullptr);
  EXPECT_EQ(blind->field, "n_total");
  ASSERT_EQ(blind->ranges.size(), 2u);
  EXPECT_EQ(blind->ranges[0].upper, 0);
  EXPECT_EQ(blind->ranges[0].label, "Belum ada temuan (titik buta)");
}

TEST(TimeLayers, TemuanDateField) {
  TemuanLayer layer({"id", "tanggal", "keterangan"});
  ASSERT_EQ(layer.date_field(), 1);
  const LayerSchema& s = layer.schema();
  EXPECT_EQ(s.fields[1].type, FieldType::date);
  EXPECT_EQ(s.fields.back().name, "tanggal_teks");
  std::size_t tanda = 0;
  for (std::size_t i = 0; i < s.fields.size(); ++i)
    if (s.fields[i].name == "tanda") tanda = i;

  Boundaries b;
  b.kecamatan.push_back({*AdminCode::parse("35.13.01"), "Sukapura", "", {}, 0});
  b.desa.push_back({*AdminCode::parse("35.13.01.2001"), "Ngadisari", "desa", {}, 0});
  b.desa_kecamatan = {0};
  Assignment a;
  a.desa = 0;
  auto feature_for = [&](const std::string& date) {
    Finding f;
    f.row = 2;
    for (const std::string& cell : {std::string("7"), date, std::string("x")}) f.attributes.push_back(cell);
    return layer.feature(f, {0, 1, 2}, a, b, "jalan", "a.csv");
  };
  const Feature good = feature_for("17/7/2026");
  EXPECT_EQ(std::get<std::string>(good.values[1]), "2026-07-17");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(good.values[tanda]));
  EXPECT_TRUE(std::holds_alternative<std::monostate>(good.values.back()));
  const Feature bad = feature_for("2025-02-30");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(bad.values[1]));
  EXPECT_EQ(std::get<std::string>(bad.values[tanda]), "tanggal_tidak_valid");
  EXPECT_EQ(std::get<std::string>(bad.values.back()), "2025-02-30");
  const Feature empty = feature_for("");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(empty.values[1]));
  EXPECT_TRUE(std::holds_alternative<std::monostate>(empty.values[tanda]));
  EXPECT_EQ(empty.values.size(), s.fields.size());

  // Kobo's metadata when no tanggal column is published; none at all: no date field.
  EXPECT_EQ(TemuanLayer({"_submission_time", "today"}).date_field(), 1);
  EXPECT_EQ(TemuanLayer({"keterangan"}).date_field(), -1);
  EXPECT_EQ(TemuanLayer({"keterangan"}).schema().fields.back().name, "keyakinan");  // no tanggal_teks without a date
  EXPECT_EQ(TemuanLayer({"waktu_lapor", "tgl_survei"}, "tgl_survei").date_field(), 1);
  // A source column already called tanggal_teks is renamed like any clash with a field peta adds.
  const TemuanLayer clash({"tanggal", "tanggal_teks"});
  EXPECT_EQ(clash.schema().fields[1].name, "tanggal_teks_asli");
  EXPECT_EQ(clash.schema().fields.back().name, "tanggal_teks");
}

}  // namespace
}  // namespace peta
