#include "output/peta_layers.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "boundaries/unit_dissolve.hpp"
#include "core/date.hpp"
#include "core/layer_fields.hpp"
#include "findings/date_column.hpp"
#include "output/field_slots.hpp"
#include "output/source_fields.hpp"

namespace peta {
namespace {

FieldDef integer(std::string name, std::string short_name, std::string id, std::string en) {
  return {std::move(name), FieldType::integer, std::move(short_name), 10, 0, std::move(id), std::move(en), "jumlah"};
}
FieldDef real(const char* name, int width, int precision, const char* id, const char* en, const char* unit) {
  return {name, FieldType::real, "", width, precision, id, en, unit};
}

void add_count_fields(LayerSchema& s, const CategoryTaxonomy& categories) {
  s.fields.push_back(integer(layer_field::n_total, layer_field::n_total, "Jumlah semua temuan",
                             "Number of findings, all categories"));
  for (const auto& c : categories.categories())
    s.fields.push_back(integer(layer_field::count_of(c.code), layer_field::count_of(c.short_code),
                               "Jumlah temuan: " + c.label_id, "Number of findings: " + c.label_en));
  s.fields.push_back(integer(layer_field::n_lainnya, layer_field::n_lainnya, "Jumlah temuan kategori tak dikenal",
                             "Number of findings with an unknown category"));
}

DesaLayer::CountSlots count_slots(const FieldSlots& slots, const CategoryTaxonomy& categories) {
  DesaLayer::CountSlots c;
  c.total = slots[layer_field::n_total];
  c.other = slots[layer_field::n_lainnya];
  for (const auto& cat : categories.categories()) c.category.push_back(slots[layer_field::count_of(cat.code)]);
  return c;
}

// row: [category...][total]. The unknown category's count is what the total holds beyond the known ones.
void fill_counts(Feature& f, const DesaLayer::CountSlots& slots, const std::vector<std::int64_t>& row) {
  const std::int64_t total = row.back();
  std::int64_t known = 0;
  f.values[slots.total] = total;
  for (std::size_t c = 0; c + 1 < row.size() && c < slots.category.size(); ++c) {
    f.values[slots.category[c]] = row[c];
    known += row[c];
  }
  f.values[slots.other] = total - known;
}

// The per-category statistics fields and their names, in layer order.
struct HotspotField {
  std::string_view prefix, short_prefix;
  std::size_t DesaLayer::HotspotSlots::*slot;
};
constexpr HotspotField kHotspotFields[] = {
    {"rate_", "rt", &DesaLayer::HotspotSlots::rate},     {"eb_", "eb", &DesaLayer::HotspotSlots::eb},
    {"gi_z_", "gz", &DesaLayer::HotspotSlots::gi_z},     {"gi_p_", "gp", &DesaLayer::HotspotSlots::gi_p},
    {"gi_bin_", "gb", &DesaLayer::HotspotSlots::gi_bin}, {"lisa_i_", "li", &DesaLayer::HotspotSlots::lisa_i},
    {"lisa_p_", "lp", &DesaLayer::HotspotSlots::lisa_p}, {"lisa_q_", "lq", &DesaLayer::HotspotSlots::lisa_q}};

std::string joined(std::string_view prefix, const std::string& code) {
  std::string name(prefix);
  name += code;
  return name;
}

void add_hotspot_fields(LayerSchema& s, const DesaHotspots& h) {
  const std::string unit = h.base == "km2" ? "per km2" : "per " + std::to_string(static_cast<long long>(h.per)) + " penduduk";
  const std::string texts[][2] = {
      {"Laju kasar (" + unit + ")", "Crude rate (" + unit + ")"},
      {"Laju Empirical Bayes (" + unit + ")", "Empirical Bayes rate (" + unit + ")"},
      {"Gi* skor z", "Gi* z-score"},
      {"Gi* nilai p (dua sisi)", "Gi* p-value (two-sided)"},
      {"Gi* kelas: +3/+2/+1 titik panas 99/95/90%, -3/-2/-1 titik dingin, 0 tidak signifikan",
       "Gi* bin: +3/+2/+1 hot spot 99/95/90%, -3/-2/-1 cold spot, 0 not significant"},
      {"Moran lokal Ii", "Local Moran's Ii"},
      {"Moran lokal nilai p semu (999 permutasi)", "Local Moran pseudo p-value (999 permutations)"},
      {"Kuadran LISA signifikan: 1 HH, 2 LH, 3 LL, 4 HL, 0 tidak signifikan",
       "Significant LISA quadrant: 1 HH, 2 LH, 3 LL, 4 HL, 0 not significant"}};
  const std::string units[] = {unit, unit, "z", "p", "", "", "p", ""};
  for (const auto& c : h.categories)
    for (std::size_t i = 0; i < std::size(kHotspotFields); ++i) {
      const bool integral = kHotspotFields[i].slot == &DesaLayer::HotspotSlots::gi_bin ||
                            kHotspotFields[i].slot == &DesaLayer::HotspotSlots::lisa_q;
      FieldDef f{joined(kHotspotFields[i].prefix, c.code), integral ? FieldType::integer : FieldType::real,
                 joined(kHotspotFields[i].short_prefix, c.short_code), integral ? 4 : 18, integral ? 0 : 6,
                 texts[i][0] + ": " + c.label_id, texts[i][1] + ": " + c.label_en, units[i]};
      s.fields.push_back(std::move(f));
    }
}

FieldValue real_or_null(double v) { return std::isfinite(v) ? FieldValue{v} : FieldValue{}; }

// A real-valued field: 12 wide with 4 decimals, the area of a unit.
FieldDef area_field(const char* id, const char* en) { return real(layer_field::luas_km2, 12, 4, id, en, "km2"); }

}  // namespace

DesaLayer::DesaLayer(const CategoryTaxonomy& categories, const DesaHotspots* hotspots) : hotspots_(hotspots) {
  schema_ = {"desa", GeometryKind::multipolygon, {}};
  schema_.fields = {text_field(layer_field::kode, 13, "Kode desa (Kemendagri)", "Village code (Kemendagri)"),
                    text_field(layer_field::nama, 80, "Nama desa/kelurahan", "Village name"),
                    text_field(layer_field::jenis, 9, "Desa atau kelurahan", "Desa or kelurahan"),
                    text_field(layer_field::kode_kec, 8, "Kode kecamatan", "District code"),
                    text_field(layer_field::nama_kec, 80, "Nama kecamatan", "District name"),
                    area_field("Luas (km², UTM 49S)", "Area (km², UTM 49S)")};
  add_count_fields(schema_, categories);
  if (hotspots) add_hotspot_fields(schema_, *hotspots);
  const FieldSlots slots(schema_);
  kode_ = slots[layer_field::kode];
  nama_ = slots[layer_field::nama];
  jenis_ = slots[layer_field::jenis];
  kode_kec_ = slots[layer_field::kode_kec];
  nama_kec_ = slots[layer_field::nama_kec];
  luas_ = slots[layer_field::luas_km2];
  counts_ = count_slots(slots, categories);
  if (hotspots)
    for (const auto& c : hotspots->categories) {
      HotspotSlots h{};
      for (const auto& field : kHotspotFields) h.*field.slot = slots[joined(field.prefix, c.code)];
      hotspot_slots_.push_back(h);
    }
}

Feature DesaLayer::feature(const Boundaries& b, std::size_t d, const UnitCounts& counts) const {
  const AdminUnit& u = b.desa[d];
  const AdminUnit& k = b.kecamatan_of(d);
  Feature f;
  f.values.resize(schema_.fields.size());
  f.geometry = u.geometry;
  const bool orphan = b.desa_kecamatan[d] < 0;  // its kecamatan is in no kecamatan layer: its own code, no name
  f.values[kode_] = u.code.dotted();
  f.values[nama_] = u.name;
  f.values[jenis_] = u.jenis;
  if (orphan) {
    f.values[kode_kec_] = u.code.parent()->dotted();
  } else {
    f.values[kode_kec_] = k.code.dotted();
    f.values[nama_kec_] = k.name;
  }
  f.values[luas_] = u.area_km2;
  std::vector<std::int64_t> row;
  for (std::size_t c = 0; c <= counts.category_count(); ++c) row.push_back(counts.desa(d, c));
  fill_counts(f, counts_, row);
  if (hotspots_)
    for (std::size_t i = 0; i < hotspots_->categories.size(); ++i) {
      const auto& c = hotspots_->categories[i];
      const HotspotSlots& h = hotspot_slots_[i];
      f.values[h.rate] = real_or_null(c.rate[d]);
      f.values[h.eb] = real_or_null(c.eb[d]);
      f.values[h.gi_z] = real_or_null(c.gi_z[d]);
      f.values[h.gi_p] = real_or_null(c.gi_p[d]);
      f.values[h.gi_bin] = static_cast<std::int64_t>(c.gi_bin[d]);
      f.values[h.lisa_i] = real_or_null(c.lisa_i[d]);
      f.values[h.lisa_p] = real_or_null(c.lisa_p[d]);
      f.values[h.lisa_q] = static_cast<std::int64_t>(c.lisa_q[d]);
    }
  return f;
}

LayerSchema desa_schema(const CategoryTaxonomy& categories, const DesaHotspots* hotspots) {
  return DesaLayer(categories, hotspots).schema();
}

KecamatanLayer::KecamatanLayer(const CategoryTaxonomy& categories) {
  schema_ = {"kecamatan", GeometryKind::multipolygon, {}};
  schema_.fields = {text_field(layer_field::kode, 8, "Kode kecamatan (Kemendagri)", "District code (Kemendagri)"),
                    text_field(layer_field::nama, 80, "Nama kecamatan", "District name"),
                    area_field("Luas (km², UTM 49S)", "Area (km², UTM 49S)"),
                    integer(layer_field::n_desa, layer_field::n_desa, "Jumlah desa/kelurahan", "Number of villages")};
  add_count_fields(schema_, categories);
  const FieldSlots slots(schema_);
  kode_ = slots[layer_field::kode];
  nama_ = slots[layer_field::nama];
  luas_ = slots[layer_field::luas_km2];
  n_desa_ = slots[layer_field::n_desa];
  counts_ = count_slots(slots, categories);
}

Feature KecamatanLayer::feature(const Boundaries& b, std::size_t k, const std::vector<std::int64_t>& row) const {
  const AdminUnit& u = b.kecamatan[k];
  const std::int64_t villages = std::count(b.desa_kecamatan.begin(), b.desa_kecamatan.end(), static_cast<int>(k));
  Feature f;
  f.values.resize(schema_.fields.size());
  f.geometry = u.geometry;
  f.values[kode_] = u.code.dotted();
  f.values[nama_] = u.name;
  f.values[luas_] = u.area_km2;
  f.values[n_desa_] = villages;
  fill_counts(f, counts_, row);
  return f;
}

LayerSchema kecamatan_schema(const CategoryTaxonomy& categories) { return KecamatanLayer(categories).schema(); }

LayerSchema klaster_schema(const CategoryTaxonomy& categories) {
  LayerSchema s{"klaster", GeometryKind::multipolygon, {}};
  s.fields = {{"klaster", FieldType::integer, "", 8, 0, "Nomor klaster DBSCAN", "DBSCAN cluster number", ""},
              integer("jumlah", "jumlah", "Jumlah temuan dalam klaster", "Findings in the cluster"),
              integer("inti", "inti", "Jumlah titik inti", "Core points"),
              area_field("Luas selubung (km²)", "Hull area (km²)"),
              real("pusat_lon", 12, 7, "Bujur pusat", "Centre longitude", "derajat"),
              real("pusat_lat", 12, 7, "Lintang pusat", "Centre latitude", "derajat")};
  for (const auto& c : categories.categories())
    s.fields.push_back(integer(layer_field::count_of(c.code), layer_field::count_of(c.short_code),
                               "Jumlah temuan: " + c.label_id, "Findings: " + c.label_en));
  s.fields.push_back(integer(layer_field::n_lainnya, layer_field::n_lainnya, "Kategori tak dikenal", "Unknown category"));
  return s;
}

Feature klaster_feature(const DbscanCluster& c, const DbscanResult& result, const CategoryTaxonomy& categories) {
  Feature f;
  f.geometry = c.hull;
  f.values = {static_cast<std::int64_t>(c.id), static_cast<std::int64_t>(c.size), static_cast<std::int64_t>(c.core_count),
              c.hull_area_km2, c.centre.x, c.centre.y};
  auto count_of = [&](const std::string& code) -> std::int64_t {
    for (std::size_t i = 0; i < result.categories.size(); ++i)
      if (result.categories[i] == code && i < c.category_counts.size()) return static_cast<std::int64_t>(c.category_counts[i]);
    return 0;
  };
  for (const auto& cat : categories.categories()) f.values.emplace_back(count_of(cat.code));
  f.values.emplace_back(count_of("lainnya"));
  return f;
}

KabupatenLayer::KabupatenLayer(const CategoryTaxonomy* leave_out_sensitive) : leave_out_sensitive_(leave_out_sensitive) {
  schema_ = {"kabupaten", GeometryKind::multipolygon, {}};
  schema_.fields = {
      text_field(layer_field::kode, 5, "Kode kabupaten/kota (Kemendagri)", "Regency code (Kemendagri)"),
      text_field(layer_field::nama, 80, "Nama kabupaten/kota", "Regency name"),
      area_field("Luas (km², UTM 49S)", "Area (km², UTM 49S)"),
      integer(layer_field::n_kecamatan, "n_kec", "Jumlah kecamatan", "Number of districts"),
      integer(layer_field::n_desa, layer_field::n_desa, "Jumlah desa/kelurahan", "Number of villages"),
      leave_out_sensitive ? integer(layer_field::n_total, layer_field::n_total, "Jumlah temuan, tanpa kategori sensitif",
                                    "Number of findings, sensitive categories left out")
                          : integer(layer_field::n_total, layer_field::n_total, "Jumlah semua temuan",
                                    "Number of findings, all categories")};
  const FieldSlots slots(schema_);
  kode_ = slots[layer_field::kode];
  nama_ = slots[layer_field::nama];
  luas_ = slots[layer_field::luas_km2];
  n_kecamatan_ = slots[layer_field::n_kecamatan];
  n_desa_ = slots[layer_field::n_desa];
  n_total_ = slots[layer_field::n_total];
}

LayerSchema kabupaten_schema(bool leaves_out_sensitive) {
  // Only whether a taxonomy is given matters to the schema.
  const CategoryTaxonomy none;
  return KabupatenLayer(leaves_out_sensitive ? &none : nullptr).schema();
}

Feature KabupatenLayer::feature(const Boundaries& b, std::size_t kab, const UnitCounts& counts) const {
  const AdminUnit& u = b.kabupaten[kab];
  std::int64_t districts = 0, villages = 0, findings = 0;
  for (std::size_t k = 0; k < b.kecamatan.size(); ++k)
    if (k < b.kecamatan_kabupaten.size() && b.kecamatan_kabupaten[k] == static_cast<int>(kab)) ++districts;
  for (std::size_t d = 0; d < b.desa.size(); ++d) {
    // An orphan desa (in no kecamatan layer) still counts in the kabupaten its code names.
    const int kec = b.desa_kecamatan[d];
    const bool inside = kec >= 0 ? b.kecamatan_kabupaten[static_cast<std::size_t>(kec)] == static_cast<int>(kab)
                                 : b.desa[d].code.at(AdminLevel::kabupaten) == b.kabupaten[kab].code;
    if (!inside) continue;
    ++villages;
    findings += leave_out_sensitive_ ? counts.desa_total_without_sensitive(d, *leave_out_sensitive_) : counts.desa_total(d);
  }
  Feature f;
  f.values.resize(schema_.fields.size());
  const bool given = !u.geometry.empty();
  DissolvedOutline outline = given ? DissolvedOutline{u.geometry, u.area_km2} : dissolve_kabupaten(b, kab);
  f.geometry = std::move(outline.geometry);
  f.values[kode_] = u.code.dotted();
  if (!u.name.empty()) f.values[nama_] = u.name;
  f.values[luas_] = outline.area_km2;
  f.values[n_kecamatan_] = districts;
  f.values[n_desa_] = villages;
  f.values[n_total_] = findings;
  return f;
}

TemuanLayer::TemuanLayer(std::vector<std::string> passthrough, const std::string& date_column)
    : passthrough_(passthrough.size()), date_field_(find_date_column(passthrough, date_column)) {
  schema_ = {"temuan", GeometryKind::point, {}};
  std::vector<FieldDef> fixed = place_fields("Kode desa tempat temuan", "Code of the village of the finding");
  fixed.insert(fixed.end(), {
      text_field("tanda", 64, "Tanda geokode (celah, tumpang_tindih)", "Geocoding flags (gap, overlap)"),
      real("jarak_m", 10, 1, "Jarak ke desa bila di celah (m)", "Distance to the village when in a gap (m)", "m"),
      {"baris", FieldType::integer, "", 10, 0, "Nomor baris di sumber", "Row number in the source", ""},
      text_field("sumber", 254, "Berkas sumber", "Source file"),
      text_field("presisi", 5, "Presisi lokasi: titik (koordinat) atau desa (dari nama/kode desa)",
           "Location precision: titik (coordinates) or desa (from the desa name/code)"),
      {"desa_disebut", FieldType::text, "desa_sbt", 96, 0,
       "Desa yang disebut di baris bila berbeda dari koordinat (kode nama)",
       "Village named in the row when it differs from the coordinates (code name)", ""},
      {"jarak_disebut_m", FieldType::real, "jarak_sbt", 12, 1, "Jarak titik ke desa yang disebut (m)",
       "Distance from the point to the named village (m)", "m"},
      {"keyakinan", FieldType::real, "", 5, 2,
       "Keyakinan penempatan dari nama desa (0-1; 1 dari kode; kosong bila dari koordinat); < 0,85: tanda perlu_cek",
       "Confidence of a placement by desa name (0-1; 1 by code; empty from coordinates); < 0.85: flag perlu_cek", ""}});
  // The date's original text when it is no date: a fixed field, so a source column of that name becomes
  // tanggal_teks_asli like any other clash.
  if (date_field_ >= 0)
    fixed.push_back({"tanggal_teks", FieldType::text, "tgl_teks", 64, 0,
                     "Teks tanggal di sumber bila bukan tanggal yang sah (tanda tanggal_tidak_valid)",
                     "The source's date text when it is no valid date (flag tanggal_tidak_valid)", ""});
  schema_.fields = source_fields(passthrough, fixed);
  for (auto& f : fixed) schema_.fields.push_back(std::move(f));
  if (date_field_ >= 0) {
    FieldDef& date = schema_.fields[static_cast<std::size_t>(date_field_)];
    date.type = FieldType::date;
    date.width = 0;
    date.label_id += " (tanggal)";
    date.label_en += " (date)";
  }
}

Feature TemuanLayer::feature(const Finding& f, const std::vector<int>& column_map, const Assignment& a,
                             const Boundaries& b, const std::string& category_code, const std::string& source,
                             const TemuanPlacement& placement) const {
  Feature out;
  out.geometry = f.lonlat;
  out.values.reserve(schema_.fields.size());
  append_passthrough_values(out, f, column_map, passthrough_);
  std::uint32_t flag_bits = a.flags;
  FieldValue date_text;
  if (date_field_ >= 0) {
    FieldValue& cell = out.values[static_cast<std::size_t>(date_field_)];
    if (const auto* text = std::get_if<std::string>(&cell)) {
      const DateReading date = read_date(*text);
      if (date.ok()) {
        cell = date.date->iso();
      } else {
        flag_bits |= kFlagInvalidDate;
        date_text = *text;
        cell = std::monostate{};
      }
    }
  }
  append_place_values(out, b, a.desa, category_code);
  std::string flags = flag_names(flag_bits);
  out.values.emplace_back(flags.empty() ? FieldValue{} : FieldValue{flags});
  out.values.emplace_back(a.distance_m);
  out.values.emplace_back(static_cast<std::int64_t>(f.row));
  out.values.emplace_back(source);
  out.values.emplace_back(std::string(placement.by_name_or_code ? "desa" : "titik"));
  if (placement.named_desa >= 0) {
    const AdminUnit& n = b.desa[static_cast<std::size_t>(placement.named_desa)];
    out.values.emplace_back(n.code.dotted() + " " + n.name);
    out.values.emplace_back(placement.named_distance_m);
  } else {
    out.values.emplace_back(std::monostate{});
    out.values.emplace_back(std::monostate{});
  }
  if (placement.confidence >= 0) out.values.emplace_back(std::round(placement.confidence * 1000) / 1000);  // float -> 3 decimals
  else out.values.emplace_back(std::monostate{});
  if (date_field_ >= 0) out.values.push_back(std::move(date_text));
  return out;
}

DitolakLayer::DitolakLayer(std::vector<std::string> columns) : columns_(columns.size()) {
  schema_ = {"ditolak", GeometryKind::point, {}};
  schema_.fields = {text_field("sumber", 254, "Berkas sumber", "Source file"),
                    {"baris", FieldType::integer, "", 10, 0, "Nomor baris di sumber (judul = 1)", "Row number in the source (header = 1)", ""},
                    text_field("kolom", 64, "Kolom yang bermasalah", "Column at fault"),
                    text_field("alasan", 40, "Kode alasan penolakan", "Rejection reason code"),
                    text_field("keterangan", 254, "Keterangan alasan", "Reason, in words"),
                    real("jarak_m", 12, 1, "Jarak ke desa terdekat (m)", "Distance to the nearest village (m)", "m")};
  for (auto& f : source_fields(columns, schema_.fields)) schema_.fields.push_back(std::move(f));
}

Feature DitolakLayer::feature(const Rejection& r, const std::vector<int>& column_map) const {
  Feature out;
  if (r.has_point) out.geometry = r.lonlat;
  out.values = {r.file, static_cast<std::int64_t>(r.row), r.field.empty() ? FieldValue{} : FieldValue{r.field}, std::string(r.code()),
                r.detail, r.distance_m >= 0 ? FieldValue{r.distance_m} : FieldValue{}};
  for (std::size_t i = 0; i < columns_; ++i) {
    int c = column_map[i];
    if (c >= 0 && static_cast<std::size_t>(c) < r.values.size()) out.values.emplace_back(r.values[static_cast<std::size_t>(c)]);
    else out.values.emplace_back(std::monostate{});
  }
  return out;
}

}  // namespace peta
