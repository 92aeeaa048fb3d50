#include "output/status_fields.hpp"

#include "core/layer_fields.hpp"
namespace peta {

void StatusFields::extend(LayerSchema& schema) {
  schema.fields.insert(schema.fields.end(), {
      {layer_field::n_terbuka, FieldType::integer, "", 10, 0, "Masalah terbuka (baru, diverifikasi, ditindaklanjuti)",
       "Open problems (new, verified, in progress)", "jumlah"},
      {layer_field::n_selesai, FieldType::integer, "", 10, 0, "Masalah selesai ditangani", "Problems handled", "jumlah"},
      {layer_field::persen_selesai, FieldType::real, "pct_selesa", 6, 1, "Persen selesai dari terbuka + selesai",
       "Share handled of open + handled", "%"},
      {layer_field::umur_median_hari, FieldType::real, "umur_med", 8, 1, "Umur median masalah terbuka (hari)",
       "Median age of the open problems (days)", "hari"},
      {layer_field::n_lewat_target, FieldType::integer, "n_lewat", 10, 0, "Masalah terbuka yang lewat tenggat OPD",
       "Open problems past the OPD's due date", "jumlah"}});
}

void StatusFields::apply(Feature& feature, const store::StatusCounts* counts) {
  static const store::StatusCounts kNone;
  if (!counts) counts = &kNone;
  const bool any = counts->n_terbuka + counts->n_selesai > 0;
  feature.values.emplace_back(static_cast<std::int64_t>(counts->n_terbuka));
  feature.values.emplace_back(static_cast<std::int64_t>(counts->n_selesai));
  // Ternaries of FieldValue here draw a false -Wmaybe-uninitialized from GCC 12: one emplace per branch.
  if (any) feature.values.emplace_back(counts->persen_selesai);
  else feature.values.emplace_back(std::monostate{});
  if (counts->n_terbuka > 0) feature.values.emplace_back(counts->umur_median_hari);
  else feature.values.emplace_back(std::monostate{});
  feature.values.emplace_back(static_cast<std::int64_t>(counts->n_lewat_target));
}

}  // namespace peta
