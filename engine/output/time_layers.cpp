#include "output/time_layers.hpp"

namespace peta {

LayerSchema period_table_schema(PeriodTableLevel level) {
  const bool desa = level == PeriodTableLevel::desa;
  LayerSchema s;
  s.name = desa ? "hitungan_periode" : "hitungan_periode_kec";
  s.geometry = GeometryKind::none;
  s.fields = {
      {desa ? "kode_desa" : "kode_kec", FieldType::text, "", desa ? 13 : 8, 0,
       desa ? "Kode desa (Kemendagri)" : "Kode kecamatan (Kemendagri)",
       desa ? "Village code (Kemendagri)" : "District code (Kemendagri)", ""},
      {desa ? "nama_desa" : "nama_kec", FieldType::text, "", 80, 0, desa ? "Nama desa" : "Nama kecamatan",
       desa ? "Village name" : "District name", ""},
      {"periode", FieldType::text, "", 8, 0, "Periode (2025-06, 2025-W23, 2025-Q2)",
       "Period (2025-06, 2025-W23, 2025-Q2)", ""},
      {"mulai", FieldType::date, "", 0, 0, "Hari pertama periode", "First day of the period", ""},
      {"selesai", FieldType::date, "", 0, 0, "Hari terakhir periode", "Last day of the period", ""},
      {"kategori", FieldType::text, "", 32, 0, "Kode kategori (taksonomi)", "Category code (taxonomy)", ""},
      {"n", FieldType::integer, "", 10, 0, "Jumlah temuan bertanggal pada periode", "Dated findings in the period",
       "jumlah"}};
  return s;
}

std::vector<Feature> period_table_features(const PeriodCounts& counts, const Boundaries& b, PeriodTableLevel level) {
  const bool desa = level == PeriodTableLevel::desa;
  const auto& units = desa ? b.desa : b.kecamatan;
  std::vector<Feature> out;
  for (const auto& row : counts.rows()) {
    const AdminUnit& u = units.at(static_cast<std::size_t>(row.unit));
    Feature f;
    f.values = {u.code.dotted(),
                u.name.empty() ? FieldValue{} : FieldValue{u.name},
                period_label(counts.kind(), row.period),
                period_start(counts.kind(), row.period).iso(),
                period_end(counts.kind(), row.period).iso(),
                row.category.empty() ? FieldValue{} : FieldValue{row.category},
                static_cast<std::int64_t>(row.n)};
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<FieldDef> trend_fields(const CategoryTaxonomy& categories) {
  std::vector<FieldDef> out;
  for (const auto& c : categories.categories())
    out.push_back({"tren_" + c.code, FieldType::text, "tr" + c.short_code, 16, 0,
                   "Tren titik panas (emerging hot spot): " + c.label_id, "Emerging hot spot trend: " + c.label_en,
                   ""});
  return out;
}

void append_trend_values(Feature& desa_feature, std::size_t desa, const std::vector<const EmergingResult*>& trends) {
  for (const EmergingResult* r : trends) {
    if (!r || desa >= r->classes.size()) desa_feature.values.emplace_back(std::monostate{});
    else desa_feature.values.emplace_back(std::string(emerging_class_value(r->classes[desa])));
  }
}

}  // namespace peta
