#include "output/store_temuan_layer.hpp"

#include <nlohmann/json.hpp>

#include "core/date.hpp"
#include "output/source_fields.hpp"
#include "store/finding_status.hpp"
#include "store/store_aggregates.hpp"
#include "store/store_dates.hpp"

namespace peta {
namespace {

FieldValue text_or_null(const std::string& s) { return s.empty() ? FieldValue{} : FieldValue{s}; }

FieldValue date_or_null(const std::string& s) {
  const std::string iso = store::normalised_date(s);
  return iso.empty() ? FieldValue{} : FieldValue{iso};
}

FieldValue days_or_null(int days) { return days < 0 ? FieldValue{} : FieldValue{static_cast<std::int64_t>(days)}; }

}  // namespace

FindingLife finding_life(const store::StoredFinding& f, int as_of, const store::OpdMapping& opd) {
  FindingLife life;
  life.open = store::is_open_status(f.status);
  const auto start = store::start_day(f);  // the same clock as store::StatusAccumulator
  if (!start) return life;
  if (const auto due = store::due_day(f, opd)) life.due_day = *due;
  if (life.open) {
    if (as_of >= *start) life.age_days = as_of - *start;
    if (life.due_day >= 0 && as_of > life.due_day) life.days_overdue = as_of - life.due_day;
  } else if (f.status == store::kStatusDone) {
    const auto done = store::day_number(f.status_date);
    if (done && *done >= *start) life.age_days = *done - *start;
  }
  return life;
}

StoreTemuanLayer::StoreTemuanLayer(std::vector<std::string> published_columns) : published_(std::move(published_columns)) {
  schema_ = {"temuan", GeometryKind::point, {}};
  std::vector<FieldDef> fixed = {
      text_field("id_temuan", 254, "Identitas temuan di store", "Identity of the finding in the store")};
  for (auto& f : place_fields("Kode desa tempat temuan", "Code of the village of the finding")) fixed.push_back(std::move(f));
  fixed.insert(fixed.end(), {
      {"tanggal", FieldType::date, "", 0, 0, "Tanggal temuan", "Date of the finding", ""},
      text_field("status", 20, "Status: baru, diverifikasi, ditindaklanjuti, selesai",
                 "Status: baru (new), diverifikasi (verified), ditindaklanjuti (in progress), selesai (handled)"),
      text_field("opd", 80, "OPD penanggung jawab", "Responsible department (OPD)"),
      {"pertama_dilihat", FieldType::date, "pertama", 0, 0, "Pertama tercatat di store", "First recorded in the store", ""},
      {"tenggat", FieldType::date, "", 0, 0, "Tenggat penanganan (pertama dilihat + target hari OPD)",
       "Due date (first seen + the OPD's target days)", ""},
      {"umur_hari", FieldType::integer, "", 10, 0, "Umur (hari): terbuka sampai tanggal build, selesai sampai tanggal selesai",
       "Age in days: open ones to the build's date, handled ones to the date handled", "hari"},
      {"lewat_target", FieldType::integer, "lewat_tgt", 1, 0, "Terbuka dan lewat tenggat (1) atau tidak (0)",
       "Open and past its due date (1) or not (0)", ""},
      {"hari_lewat", FieldType::integer, "", 10, 0, "Hari lewat tenggat (terbuka saja)", "Days past the due date (open only)", "hari"},
      {"tanggal_status", FieldType::date, "tgl_status", 0, 0, "Tanggal perubahan status terakhir", "Date of the last status change", ""},
      text_field("presisi", 5, "Presisi lokasi: titik (koordinat) atau desa (dari nama/kode desa)",
                 "Location precision: titik (coordinates) or desa (from the desa name/code)"),
      text_field("tanda", 64, "Tanda geokode (celah, tumpang_tindih)", "Geocoding flags (gap, overlap)"),
      text_field("sumber", 254, "Sumber (formulir) temuan", "Source (form) of the finding"),
      {"baris", FieldType::integer, "", 10, 0, "Nomor baris di ekspor terakhir", "Row number in the latest export", ""},
      {"tidak_di_sumber", FieldType::integer, "tdk_sumber", 1, 0, "Tidak ada lagi di ekspor terakhir sumbernya (1)",
       "Missing from the latest export of its source (1)", ""}});
  schema_.fields = source_fields(published_, fixed);
  for (auto& f : fixed) schema_.fields.push_back(std::move(f));
}

Feature StoreTemuanLayer::feature(const store::StoredFinding& f, int desa, Coord where, const Boundaries& b,
                                  const FindingLife& life) const {
  Feature out;
  out.geometry = where;
  out.values.reserve(schema_.fields.size());
  if (!published_.empty()) {
    // The stored source values, as a JSON object keyed by column name.
    const nlohmann::json values = nlohmann::json::parse(f.values_json, nullptr, false);
    for (const auto& column : published_) {
      const auto it = values.is_object() ? values.find(column) : values.end();
      if (it == values.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) out.values.emplace_back(std::monostate{});
      else out.values.emplace_back(it->get<std::string>());
    }
  }
  out.values.emplace_back(f.id);
  append_place_values(out, b, desa, f.category);
  out.values.push_back(date_or_null(f.date));
  out.values.push_back(text_or_null(f.status));
  out.values.push_back(text_or_null(f.opd));
  out.values.push_back(date_or_null(f.first_seen));
  out.values.push_back(life.due_day >= 0 ? FieldValue{store::date_text(life.due_day)} : FieldValue{});
  out.values.push_back(days_or_null(life.age_days));
  out.values.emplace_back(static_cast<std::int64_t>(life.days_overdue >= 0 ? 1 : 0));
  out.values.push_back(days_or_null(life.days_overdue));
  out.values.push_back(date_or_null(f.status_date));
  out.values.push_back(text_or_null(f.placed_by));
  out.values.push_back(text_or_null(f.flags));
  out.values.push_back(text_or_null(f.source));
  out.values.emplace_back(static_cast<std::int64_t>(f.source_row));
  out.values.emplace_back(static_cast<std::int64_t>(f.not_in_source ? 1 : 0));
  return out;
}

}  // namespace peta
