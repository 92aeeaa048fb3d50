#include "report/booklet.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>

#include "core/error.hpp"
#include "core/layer_fields.hpp"
#include "hotspots/emerging_hotspots.hpp"
#include "output/style_rules.hpp"
#include "render/count_legend.hpp"

namespace peta::report {
namespace {

bool english(const std::string& lang) { return lang == "en"; }

std::string pick(const std::string& lang, const char* id, const char* en) { return english(lang) ? en : id; }

std::string digits_of(const std::string& code) {
  std::string d;
  for (char c : code)
    if (c >= '0' && c <= '9') d += c;
  return d;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string date_text(int yyyymmdd, const std::string& lang) {
  static const char* id_months[] = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                                    "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
  static const char* en_months[] = {"January", "February", "March",     "April",   "May",      "June",
                                    "July",    "August",   "September", "October", "November", "December"};
  const int y = yyyymmdd / 10000, m = yyyymmdd / 100 % 100, d = yyyymmdd % 100;
  if (m < 1 || m > 12) return std::to_string(yyyymmdd);
  return std::to_string(d) + " " + (english(lang) ? en_months : id_months)[m - 1] + " " + std::to_string(y);
}

std::string category_label(const Category& c, const std::string& lang) {
  std::string label = english(lang) && !c.label_en.empty() ? c.label_en : c.label_id;
  return c.sensitive ? label + " *" : label;
}

std::string withheld_text(const std::string& lang) { return pick(lang, "disembunyikan", "withheld"); }

// A category's count for the area: the kecamatan's published value; for the kabupaten the sum of its kecamatan,
// only when every one of them is published.
std::optional<double> area_count(const ReportData& data, const Area& area, const std::string& field) {
  if (!area.kabupaten) return area.unit ? area.unit->number(field) : std::nullopt;
  if (area.unit)
    if (auto v = area.unit->number(field)) return v;
  double sum = 0;
  for (const auto& k : data.kecamatan.units) {
    auto v = k.number(field);
    if (!v) return std::nullopt;
    sum += *v;
  }
  return sum;
}

// Desa of other kecamatan inside the map's extent: drawn pale, for context.
void add_context(render::MapScene& scene, const ReportData& data, const Area& area, const Box& extent) {
  if (area.kabupaten) return;
  for (const auto& d : data.desa.units) {
    if (d.kode_kec == area.kode || !d.shape.bounds().intersects(extent)) continue;
    render::SceneUnit u;
    u.shape = &d.shape;
    u.fill = {246, 246, 246};
    scene.units.push_back(u);
  }
}

// Outlines and names common to the two maps of an area.
void frame_scene(render::MapScene& scene, const ReportData& data, const Area& area) {
  Box extent;
  if (area.unit) extent = area.unit->shape.bounds();
  for (const auto* d : area.desa) extent.expand(d->shape.bounds());
  scene.extent = extent;
  for (const auto& k : data.kecamatan.units) scene.outlines.push_back(&k.shape);
  if (area.kabupaten) {
    for (const auto& k : data.kabupaten.units) scene.boundary.push_back(&k.shape);
    for (const auto& k : data.kecamatan.units) scene.labels.push_back({k.nama, k.label_at, true});
    scene.label_pt = 6.5;
  } else {
    if (area.unit) scene.boundary.push_back(&area.unit->shape);
    std::vector<const render::MapUnit*> by_area = area.desa;
    std::stable_sort(by_area.begin(), by_area.end(),
                     [](const render::MapUnit* a, const render::MapUnit* b) { return a->area_m2 > b->area_m2; });
    for (const auto* d : by_area) scene.labels.push_back({d->nama, d->label_at, false});
    scene.label_pt = 6.5;
  }
}

std::string area_title(const ReportData& data, const Area& area, const std::string& lang) {
  if (area.kabupaten) {
    std::string n = data.kabupaten_name();
    if (lower(n).rfind("kabupaten", 0) == 0) return n;
    return pick(lang, "Kabupaten ", "") + n + pick(lang, "", " Regency");
  }
  return english(lang) ? area.nama + " District (Kecamatan)" : "Kecamatan " + area.nama;
}

CoverPage cover_page(const ReportData& data, const Area& area, const std::string& lang) {
  CoverPage p;
  p.heading = pick(lang, "Profil Permasalahan dan Potensi Desa", "Village Problems and Potential");
  p.area = area_title(data, area, lang);
  Area kab{true, "", data.kabupaten_name(), nullptr, {}};
  p.parent = area.kabupaten ? "" : area_title(data, kab, lang);
  if (data.date_min && data.date_max)
    p.period = pick(lang, "Periode temuan: ", "Findings from ") + date_text(data.date_min, lang) + " – " +
               date_text(data.date_max, lang);
  else
    p.period = pick(lang, "Periode: seluruh temuan", "Period: all findings");
  double km2 = 0;
  for (const auto* d : area.desa) km2 += d->number(layer_field::luas_km2).value_or(0);
  if (area.unit && area.unit->number(layer_field::luas_km2)) km2 = *area.unit->number(layer_field::luas_km2);
  p.facts = std::to_string(area.desa.size()) + " desa · " + format_decimal(km2, 1, lang) + " km²";
  if (!area.kabupaten)
    p.facts = std::to_string(area.desa.size()) + pick(lang, " desa/kelurahan · ", " villages · ") +
              format_decimal(km2, 1, lang) + " km²";
  else
    p.facts = std::to_string(data.kecamatan.units.size()) + pick(lang, " kecamatan · ", " districts · ") +
              std::to_string(area.desa.size()) + pick(lang, " desa/kelurahan · ", " villages · ") +
              format_decimal(km2, 1, lang) + " km²";
  render::MapScene& s = p.locator;
  s.lang = lang;
  for (const auto& k : data.kecamatan.units) {
    render::SceneUnit u;
    u.shape = &k.shape;
    const bool chosen = !area.kabupaten && k.kode == area.kode;
    u.fill = chosen ? Rgba{240, 59, 32} : Rgba{238, 238, 238};
    if (area.kabupaten) u.fill = {253, 204, 138};
    s.units.push_back(u);
  }
  for (const auto& k : data.kabupaten.units) s.boundary.push_back(&k.shape);
  return p;
}

int yyyymmdd_of(const std::string& iso) {
  const std::string d = digits_of(iso);
  return d.size() >= 8 ? std::stoi(d.substr(0, 8)) : 0;
}

std::string status_date_text(const std::string& iso, const std::string& lang) {
  const int d = yyyymmdd_of(iso);
  return d ? date_text(d, lang) : iso;
}

// Handled and overdue, from the findings store (report_store.hpp), for the area.
void add_store_rows(KeyNumbersPage& p, const ReportData& data, const Area& area, const std::string& lang) {
  if (!data.store) return;
  const ReportStore& st = *data.store;
  store::StatusCounts c = st.kabupaten;
  if (!area.kabupaten) {
    auto it = st.kecamatan.find(digits_of(area.kode));
    c = it == st.kecamatan.end() ? store::StatusCounts{} : it->second;
  }
  p.rows.push_back({pick(lang, "Masalah terbuka (belum selesai)", "Open problems (not yet handled)"),
                    format_count(double(c.n_terbuka), lang), false});
  p.rows.push_back({pick(lang, "Masalah selesai ditangani", "Problems handled"), format_count(double(c.n_selesai), lang),
                    false});
  p.rows.push_back({pick(lang, "Persen selesai", "Share handled"), format_decimal(c.persen_selesai, 1, lang) + " %",
                    false});
  p.rows.push_back({pick(lang, "Umur median masalah terbuka", "Median age of open problems"),
                    format_decimal(c.umur_median_hari, 1, lang) + pick(lang, " hari", " days"), false});
  p.rows.push_back({pick(lang, "Masalah terbuka lewat target", "Open problems past their target"),
                    format_count(double(c.n_lewat_target), lang), false});
  std::string note = pick(lang, "Status masalah per ", "Status of the problems as of ") + status_date_text(st.as_of, lang) +
                     pick(lang, ", dari penyimpanan temuan ", ", from the findings store ") + st.path +
                     pick(lang, " (tanpa status bukan_masalah dan duplikat", " (without bukan_masalah and duplikat");
  if (!st.left_out.empty()) note += pick(lang, "; tanpa kategori sensitif", "; without sensitive categories");
  p.notes.push_back(note + pick(lang, "). Target: hari menurut OPD penanggung jawab kategori.",
                                "). Target: days set for the category's responsible department (OPD)."));
}

// The Ngantor di Kecamatan visits of a kecamatan: dates, team, findings from the visit and since it began.
void add_visit_rows(KeyNumbersPage& p, const ReportData& data, const Area& area, const std::string& lang) {
  if (area.kabupaten) return;
  int n = 0;
  for (const auto& v : data.time.visits) {
    if (digits_of(v.kode_kec) != digits_of(area.kode)) continue;
    ++n;
    std::string when = status_date_text(v.mulai, lang) + " – " + status_date_text(v.selesai, lang);
    if (!v.tim.empty()) when += ", " + v.tim;
    p.rows.push_back({pick(lang, "Kunjungan Ngantor di Kecamatan", "Ngantor di Kecamatan visit"), when, false});
    p.rows.push_back({pick(lang, "Temuan selama kunjungan", "Findings during the visit"),
                      format_count(double(v.temuan), lang) + pick(lang, " di ", " in ") +
                          format_count(double(v.desa_temuan), lang) + pick(lang, " desa", " villages"),
                      false});
    if (v.since)
      p.rows.push_back({pick(lang, "Temuan sejak kunjungan dimulai", "Findings since the visit began"),
                        format_count(double(*v.since), lang), false});
  }
  if (n)
    p.notes.push_back(pick(lang, "Temuan kunjungan: temuan bertanggal di desa kecamatan ini pada hari kunjungan",
                           "Findings of a visit: dated findings in the district's villages on the days of the visit") +
                      (data.public_profile ? pick(lang, " (tanpa kategori sensitif).", " (without sensitive categories).")
                                           : "."));
}

KeyNumbersPage key_numbers(const ReportData& data, const Area& area, const std::string& lang) {
  KeyNumbersPage p;
  p.heading = pick(lang, "Angka kunci", "Key numbers");
  auto row = [&](std::string label, std::optional<double> v) {
    p.rows.push_back({std::move(label), v ? format_count(*v, lang) : withheld_text(lang), !v});
  };
  row(pick(lang, "Semua temuan", "All findings") +
          (data.public_profile ? pick(lang, " (tanpa kategori sensitif)", " (without sensitive categories)") : ""),
      area_count(data, area, layer_field::n_total));
  bool any_sensitive = false;
  for (const auto& c : data.categories) {
    row(category_label(c, lang), area_count(data, area, layer_field::count_of(c.code)));
    any_sensitive = any_sensitive || c.sensitive;
  }
  if (data.desa.has_field(layer_field::n_lainnya))
    row(pick(lang, "Kategori lain (tidak dikenal)", "Other (unknown category)"), area_count(data, area, layer_field::n_lainnya));
  std::size_t with_findings = 0;
  for (const auto* d : area.desa) with_findings += d->number(layer_field::n_total).value_or(0) > 0 ? 1 : 0;
  p.rows.push_back({pick(lang, "Desa dengan temuan", "Villages with findings"),
                    std::to_string(with_findings) + pick(lang, " dari ", " of ") + std::to_string(area.desa.size()),
                    false});
  add_store_rows(p, data, area, lang);
  add_visit_rows(p, data, area, lang);
  if (any_sensitive && data.public_profile)
    p.notes.push_back(pick(lang, "* Kategori sensitif (UU 27/2022): hanya jumlah per wilayah, tanpa titik temuan; "
                                 "jumlah di bawah ",
                           "* Sensitive category (Law 27/2022): counts per area only, no finding points; counts "
                           "below ") +
                      std::to_string(data.k) + pick(lang, " disembunyikan.", " are withheld."));
  if (area.kabupaten)
    p.notes.push_back(pick(lang, "Jumlah kabupaten suatu kategori ditulis hanya bila jumlah setiap kecamatannya "
                                 "diterbitkan.",
                           "A regency total of a category is printed only when every district count is published."));
  return p;
}

MapPage count_map(const ReportData& data, const Area& area, const std::string& lang) {
  MapPage p;
  p.heading = pick(lang, "Peta jumlah temuan per desa", "Findings per village");
  std::vector<std::optional<double>> all;
  for (const auto& d : data.desa.units) all.push_back(d.number(layer_field::n_total));
  render::CountLegend legend = render::count_legend(all, data.k, lang);
  render::MapScene& s = p.scene;
  s.lang = lang;
  s.legend_title = pick(lang, "Jumlah temuan", "Findings");
  s.legend = legend.entries();
  frame_scene(s, data, area);
  add_context(s, data, area, s.extent);
  for (const auto* d : area.desa) {
    render::SceneUnit u = legend.fill_of(d->number(layer_field::n_total));
    u.shape = &d->shape;
    s.units.push_back(u);
  }
  p.caption = pick(lang, "Semua kategori", "All categories") +
              (data.public_profile ? pick(lang, " kecuali kategori sensitif", " except sensitive ones") : "") +
              pick(lang, ". Kelas: Jenks atas semua desa kabupaten, sama di setiap buklet.",
                   ". Classes: Jenks over every village of the regency, the same in every booklet.");
  return p;
}

std::optional<MapPage> gi_map(const ReportData& data, const Area& area, const std::string& lang) {
  const std::string field = "gi_bin_semua";
  if (!data.desa.has_field(field)) return std::nullopt;
  MapPage p;
  p.heading = pick(lang, "Peta titik panas dan titik dingin (Gi*)", "Hot and cold spots (Gi*)");
  render::MapScene& s = p.scene;
  s.lang = lang;
  s.legend_title = pick(lang, "Gi* semua temuan", "Gi* all findings");
  const char* en_labels[] = {"Hot spot 99%",  "Hot spot 95%",  "Hot spot 90%", "Not significant",
                             "Cold spot 90%", "Cold spot 95%", "Cold spot 99%"};
  std::vector<CategorySpec> bins = gi_bin_classes();
  for (std::size_t i = 0; i < bins.size(); ++i)
    s.legend.push_back({bins[i].symbol.fill, english(lang) && i < 7 ? en_labels[i] : bins[i].label, false});
  frame_scene(s, data, area);
  add_context(s, data, area, s.extent);
  bool any_missing = false;
  for (const auto* d : area.desa) {
    render::SceneUnit u;
    u.shape = &d->shape;
    auto v = d->number(field);
    u.hatched = !v;
    any_missing = any_missing || !v;
    if (v)
      for (const auto& b : bins)
        if (b.value == std::to_string(static_cast<int>(std::lround(*v)))) u.fill = b.symbol.fill;
    s.units.push_back(u);
  }
  if (any_missing) s.legend.push_back({{228, 228, 228}, pick(lang, "tidak ada nilai", "no value"), true});
  p.caption = pick(lang,
                   "Getis-Ord Gi* atas laju Empirical Bayes semua temuan (tanpa kategori sensitif), bobot "
                   "ketetanggaan queen, dihitung untuk seluruh kabupaten.",
                   "Getis-Ord Gi* on the Empirical Bayes rate of all findings (without sensitive categories), queen "
                   "contiguity weights, computed over the whole regency.");
  return p;
}

std::vector<const render::MapUnit*> ranked(const Area& area, const std::string& field) {
  std::vector<const render::MapUnit*> desa;
  for (const auto* d : area.desa)
    if (d->number(field).value_or(0) > 0) desa.push_back(d);
  std::stable_sort(desa.begin(), desa.end(), [&](const render::MapUnit* a, const render::MapUnit* b) {
    return a->number(field).value_or(0) > b->number(field).value_or(0);
  });
  return desa;
}

TablePage top_table(const ReportData& data, const Area& area, const std::string& lang) {
  TablePage p;
  p.heading = pick(lang, "10 desa dengan temuan terbanyak", "Top 10 villages by findings");
  p.columns = {"No", "Desa"};
  p.widths = {0.45, 2.0};
  if (area.kabupaten) p.columns.push_back("Kecamatan"), p.widths.push_back(1.5);
  p.numeric_from = p.columns.size();
  p.columns.push_back(pick(lang, "Jumlah", "Total"));
  p.widths.push_back(0.9);
  for (const auto& c : data.categories) {
    p.columns.push_back(category_label(c, lang));
    p.widths.push_back(0.9);
  }
  auto desa = ranked(area, layer_field::n_total);
  if (desa.size() > 10) desa.resize(10);
  bool withheld = false;
  for (std::size_t i = 0; i < desa.size(); ++i) {
    std::vector<std::string> row = {std::to_string(i + 1), desa[i]->nama};
    if (area.kabupaten) row.push_back(desa[i]->nama_kec);
    row.push_back(format_count(desa[i]->number(layer_field::n_total).value_or(0), lang));
    for (const auto& c : data.categories) {
      auto v = desa[i]->number(layer_field::count_of(c.code));
      withheld = withheld || !v;
      row.push_back(v ? format_count(*v, lang) : "–");
    }
    p.rows.push_back(std::move(row));
  }
  p.notes.push_back(pick(lang, "Urut menurut jumlah temuan", "Ranked by findings") +
                    (data.public_profile ? pick(lang, " tanpa kategori sensitif", " without sensitive categories") : "") +
                    ".");
  if (withheld)
    p.notes.push_back(pick(lang, "– disembunyikan (jumlah di bawah ", "– withheld (count below ") +
                      std::to_string(data.k) + pick(lang, ", atau agar jumlah desa lain tidak dapat dihitung).",
                                                    ", or so that other villages' counts cannot be worked out)."));
  return p;
}

std::optional<TablePage> potential_table(const ReportData& data, const Area& area, const std::string& lang) {
  const std::string field = "n_potensi";
  if (!data.desa.has_field(field)) return std::nullopt;
  auto desa = ranked(area, field);
  if (desa.empty()) return std::nullopt;
  TablePage p;
  p.heading = pick(lang, "Potensi desa", "Village potential");
  p.columns = {"No", "Desa"};
  p.widths = {0.45, 2.0};
  if (area.kabupaten) p.columns.push_back("Kecamatan"), p.widths.push_back(1.6);
  p.numeric_from = p.columns.size();
  p.columns.push_back(pick(lang, "Temuan potensi", "Potential findings"));
  p.widths.push_back(1.2);
  const std::size_t shown = std::min<std::size_t>(desa.size(), 25);
  for (std::size_t i = 0; i < shown; ++i) {
    std::vector<std::string> row = {std::to_string(i + 1), desa[i]->nama};
    if (area.kabupaten) row.push_back(desa[i]->nama_kec);
    row.push_back(format_count(*desa[i]->number(field), lang));
    p.rows.push_back(std::move(row));
  }
  auto total = area_count(data, area, field);
  p.notes.push_back(pick(lang, "Temuan kategori potensi di wilayah ini: ", "Potential findings in this area: ") +
                    (total ? format_count(*total, lang) : withheld_text(lang)) + pick(lang, ", di ", ", in ") +
                    std::to_string(desa.size()) + pick(lang, " desa", " villages") +
                    (desa.size() > shown ? pick(lang, " (25 teratas ditampilkan).", " (top 25 shown).") : "."));
  return p;
}

// The emerging hot spot class of `value` ("panas_baru") in the language; the value itself when unknown.
std::string trend_label(const std::string& value, const std::string& lang) {
  for (int c = 0; c < kEmergingClassCount; ++c)
    if (value == emerging_class_value(EmergingClass(c)))
      return english(lang) ? emerging_class_label_en(EmergingClass(c)) : emerging_class_label_id(EmergingClass(c));
  return value;
}

// One map per category whose emerging hot spot class is other than "no pattern" in some desa of the area.
std::vector<MapPage> emerging_maps(const ReportData& data, const Area& area, const std::string& lang) {
  std::vector<MapPage> pages;
  if (data.time.trends.empty()) return pages;
  const std::string none = emerging_class_value(EmergingClass::no_pattern);
  const std::vector<CategorySpec> classes = trend_classes();
  for (const auto& c : data.categories) {
    if (data.public_profile && c.sensitive) continue;
    std::vector<std::optional<std::string>> values;
    bool any_pattern = false;
    for (const auto* d : area.desa) {
      std::optional<std::string> v;
      if (auto it = data.time.trends.find(d->kode); it != data.time.trends.end())
        if (auto jt = it->second.find(c.code); jt != it->second.end()) v = jt->second;
      any_pattern = any_pattern || (v && *v != none);
      values.push_back(v);
    }
    if (!any_pattern) continue;
    MapPage p;
    p.heading = pick(lang, "Titik panas yang muncul: ", "Emerging hot spots: ") + category_label(c, lang);
    render::MapScene& s = p.scene;
    s.lang = lang;
    s.legend_title = pick(lang, "Tren titik panas", "Hot spot trend");
    frame_scene(s, data, area);
    add_context(s, data, area, s.extent);
    bool any_missing = false;
    std::set<std::string> present;
    for (std::size_t i = 0; i < area.desa.size(); ++i) {
      render::SceneUnit u;
      u.shape = &area.desa[i]->shape;
      if (!values[i]) {
        u.hatched = any_missing = true;
      } else {
        present.insert(*values[i]);
        for (const auto& k : classes)
          if (k.value == *values[i]) u.fill = k.symbol.fill;
      }
      s.units.push_back(u);
    }
    for (const auto& k : classes)
      if (present.count(k.value) || k.value == none) s.legend.push_back({k.symbol.fill, trend_label(k.value, lang), false});
    if (any_missing) s.legend.push_back({{228, 228, 228}, pick(lang, "tidak dianalisis", "not analysed"), true});
    const std::string& first = data.time.periods.empty() ? std::string() : data.time.periods.front();
    const std::string& last = data.time.periods.empty() ? std::string() : data.time.periods.back();
    p.caption = pick(lang,
                     "Analisis titik panas yang muncul (emerging hot spot): Gi* ruang-waktu per desa dan periode, "
                     "uji tren Mann-Kendall, 17 kelas seperti ArcGIS Pro; periode ",
                     "Emerging hot spot analysis: space-time Gi* per village and period, Mann-Kendall trend test, "
                     "17 classes as in ArcGIS Pro; periods ") +
                first + " – " + last + pick(lang, ", dihitung untuk seluruh kabupaten.", ", computed over the whole regency.");
    pages.push_back(std::move(p));
  }
  return pages;
}

// The problem–potential matrix (engine/profile/problem_potential.hpp) as the build published it: the matriks
// layer's class per desa, in the QGIS style's colours; left out when the build has no matrix.
std::optional<MapPage> matrix_map(const ReportData& data, const Area& area, const std::string& lang) {
  if (data.matrix.empty()) return std::nullopt;
  const std::vector<CategorySpec> classes = matrix_classes();  // kuadran 0..3, then no data
  MapPage p;
  p.heading = pick(lang, "Masalah dan potensi desa", "Problems beside potential");
  render::MapScene& s = p.scene;
  s.lang = lang;
  s.legend_title = pick(lang, "Matriks masalah–potensi", "Problem–potential matrix");
  frame_scene(s, data, area);
  add_context(s, data, area, s.extent);
  std::set<int> present;
  for (const auto* d : area.desa) {
    render::SceneUnit u;
    u.shape = &d->shape;
    auto it = data.matrix.find(d->kode);
    const int q = it == data.matrix.end() ? 4 : std::clamp(it->second, 0, 4);
    present.insert(q);
    u.fill = classes[std::size_t(q)].symbol.fill;
    s.units.push_back(u);
  }
  static const char* labels_en[] = {"Many problems, little potential", "Many problems, much potential",
                                    "Few problems, much potential", "Few problems, little potential", "No data"};
  for (int q = 0; q < 5; ++q)
    if (present.count(q))
      s.legend.push_back({classes[std::size_t(q)].symbol.fill,
                          english(lang) ? std::string(labels_en[q]) : classes[std::size_t(q)].label, false});
  p.caption = english(lang)
                  ? "Problem rate (findings per 1,000 population, or per km² without population) against potential (" +
                        data.matrix_potential + "), each split at the regency's median: high = above the median."
                  : "Laju masalah (temuan per 1.000 penduduk, atau per km² tanpa data penduduk) terhadap potensi (" +
                        data.matrix_potential + "), masing-masing dibagi di median seluruh kabupaten: tinggi = di atas median.";
  return p;
}

// Open problems past their target per OPD (overdue_by_opd): the kabupaten per OPD, a kecamatan per OPD within it.
std::optional<TablePage> opd_table(const ReportData& data, const Area& area, const std::string& lang) {
  if (!data.store) return std::nullopt;
  std::vector<const store::OverdueRow*> rows;
  if (area.kabupaten)
    for (const auto& r : data.store->overdue_kabupaten) rows.push_back(&r);
  else
    for (const auto& r : data.store->overdue)
      if (digits_of(r.kecamatan_code) == digits_of(area.kode)) rows.push_back(&r);
  if (rows.empty()) return std::nullopt;
  std::stable_sort(rows.begin(), rows.end(), [](const store::OverdueRow* a, const store::OverdueRow* b) {
    return a->n_lewat_target > b->n_lewat_target;
  });
  TablePage p;
  p.heading = pick(lang, "Masalah terbuka dan lewat target per OPD", "Open and overdue problems per department (OPD)");
  p.columns = {"No", "OPD", pick(lang, "Terbuka", "Open"), pick(lang, "Lewat target", "Past target"),
               pick(lang, "Terlama lewat (hari)", "Longest past (days)")};
  p.widths = {0.45, 3.2, 1.0, 1.1, 1.3};
  p.numeric_from = 2;
  for (std::size_t i = 0; i < rows.size(); ++i)
    p.rows.push_back({std::to_string(i + 1), rows[i]->opd, format_count(double(rows[i]->n_terbuka), lang),
                      format_count(double(rows[i]->n_lewat_target), lang),
                      format_count(rows[i]->hari_lewat_maks, lang)});
  p.notes.push_back(pick(lang, "Per ", "As of ") + status_date_text(data.store->as_of, lang) +
                    pick(lang, ". Hanya OPD dengan masalah lewat target; terbuka = baru, diverifikasi, "
                               "ditindaklanjuti. Urut menurut jumlah lewat target.",
                         ". Only departments with problems past their target; open = baru, diverifikasi, "
                         "ditindaklanjuti. Ranked by problems past target."));
  if (!data.store->left_out.empty())
    p.notes.push_back(pick(lang, "Kategori sensitif tidak dihitung (profil publik).",
                           "Sensitive categories are not counted (public profile)."));
  return p;
}

// "Jan" ... "Des" (id) / "Jan" ... "Dec" (en) for months; the year goes under the first period and each January.
void period_axis(PeriodKind kind, const std::string& label, bool first, const std::string& lang, std::string& text,
                 std::string& sub, std::string& row) {
  static const char* id_months[] = {"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"};
  static const char* en_months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::string year = label.substr(0, 4);
  text = label, sub = "", row = label;
  if (kind == PeriodKind::month && label.size() >= 7) {
    const int m = std::stoi(label.substr(5, 2));
    text = (english(lang) ? en_months : id_months)[m - 1];
    row = text + " " + year;
    if (first || m == 1) sub = year;
  } else if (kind == PeriodKind::week && label.size() >= 8) {
    text = pick(lang, "M", "W") + label.substr(6);
    if (first || label.substr(6) == "01") sub = year;
  } else if (kind == PeriodKind::quarter && label.size() >= 7) {
    text = pick(lang, "Tw ", "Q") + label.substr(6);
    if (first || label.substr(6) == "1") sub = year;
  }
}

std::optional<ChartPage> trend_chart(const ReportData& data, const Area& area, const std::string& lang) {
  if (!data.time.has_periods()) return std::nullopt;
  static const Rgba palette[] = {{31, 119, 180}, {255, 127, 14}, {44, 160, 44}, {214, 39, 40}, {148, 103, 189},
                                 {140, 86, 75},  {227, 119, 194}, {127, 127, 127}, {188, 189, 34}, {23, 190, 207}};
  const auto counts = data.time.counts(area.kabupaten ? "" : area.kode);
  ChartPage p;
  const std::size_t n = data.time.periods.size();
  std::size_t colour = 0;
  for (const auto& c : data.categories) {
    if (data.public_profile && c.sensitive) continue;
    auto it = counts.find(c.code);
    const Rgba col = palette[colour++ % std::size(palette)];
    if (it == counts.end()) continue;
    ChartSeries series{category_label(c, lang), col, {}};
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) series.values.push_back(i < it->second.size() ? double(it->second[i]) : 0.0),
                                         sum += series.values.back();
    if (sum > 0) p.series.push_back(std::move(series));
  }
  if (p.series.empty()) return std::nullopt;
  const char* kind_id = data.time.kind == PeriodKind::month ? "bulan" : data.time.kind == PeriodKind::week ? "minggu" : "triwulan";
  const char* kind_en = data.time.kind == PeriodKind::month ? "month" : data.time.kind == PeriodKind::week ? "week" : "quarter";
  p.heading = pick(lang, "Tren temuan per ", "Findings per ") + pick(lang, kind_id, kind_en);
  p.y_title = pick(lang, "Jumlah temuan", "Findings");
  p.lang = lang;
  p.table.columns = {pick(lang, "Periode", "Period")};
  p.table.widths = {1.3};
  for (const auto& s : p.series) p.table.columns.push_back(s.label), p.table.widths.push_back(1.0);
  p.table.columns.push_back(pick(lang, "Jumlah", "Total"));
  p.table.widths.push_back(0.9);
  p.table.numeric_from = 1;
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < n; ++i) {
    std::string text, sub, row;
    period_axis(data.time.kind, data.time.periods[i], i == 0, lang, text, sub, row);
    p.x_labels.push_back(text);
    p.x_sublabels.push_back(sub);
    std::vector<std::string> cells = {row};
    double total = 0;
    for (const auto& s : p.series) cells.push_back(format_count(s.values[i], lang)), total += s.values[i];
    cells.push_back(format_count(total, lang));
    rows.push_back(std::move(cells));
  }
  constexpr std::size_t kRows = 24;  // what fits under the chart
  if (rows.size() > kRows) {
    p.table.notes.push_back(pick(lang, "Tabel: ", "Table: ") + std::to_string(kRows) +
                            pick(lang, " periode terakhir; grafik: semua periode.", " last periods; chart: every period."));
    rows.erase(rows.begin(), rows.end() - kRows);
  }
  p.table.rows = std::move(rows);
  p.table.notes.insert(p.table.notes.begin(),
                       pick(lang, "Temuan bertanggal per periode (tabel hitungan_periode_kec", "Dated findings per period (table hitungan_periode_kec") +
                           std::string(area.kabupaten ? pick(lang, ", dijumlah atas semua kecamatan", ", summed over every district") : "") +
                           ")" + (data.public_profile ? pick(lang, "; tanpa kategori sensitif.", "; without sensitive categories.") : "."));
  return p;
}

KeyNumbersPage sources_page(const ReportData& data, const std::string& lang, const std::string& generated) {
  KeyNumbersPage p;
  p.heading = pick(lang, "Sumber data dan catatan", "Data sources and notes");
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
  };
  p.rows.push_back({pick(lang, "Batas wilayah", "Boundaries"), join(data.boundary_sources), false});
  p.rows.push_back({pick(lang, "Temuan lapangan", "Field findings"), join(data.finding_sources), false});
  p.rows.push_back({pick(lang, "Hasil olahan", "Built outputs"),
                    std::filesystem::path(data.gpkg).filename().string() + " (peta build)", false});
  if (data.store)
    p.rows.push_back({pick(lang, "Penyimpanan temuan", "Findings store"),
                      data.store->path + pick(lang, ", status per ", ", status as of ") + data.store->as_of, false});
  p.rows.push_back({pick(lang, "Proyek", "Project"), data.project_name, false});
  p.rows.push_back({pick(lang, "Profil privasi", "Privacy profile"),
                    data.public_profile ? pick(lang, "publik, k = ", "public, k = ") + std::to_string(data.k)
                                        : pick(lang, "internal", "internal"),
                    false});
  p.rows.push_back({pick(lang, "Dibuat", "Generated"), generated, false});
  p.notes.push_back(pick(lang,
                         "Peta digambar dalam EPSG:32749 (UTM 49S); skala batang dalam meter. Angka pada buklet "
                         "ini dibaca dari lapisan yang diterbitkan oleh peta build.",
                         "Maps are drawn in EPSG:32749 (UTM 49S); the scale bar is in metres. Every number in this "
                         "booklet is read from the layers peta build published."));
  return p;
}

}  // namespace

std::string format_count(double value, const std::string& lang) {
  long long v = std::llround(value);
  std::string digits = std::to_string(v < 0 ? -v : v), out;
  const char sep = english(lang) ? ',' : '.';
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += sep;
    out += digits[i];
  }
  return (v < 0 ? "-" : "") + out;
}

std::string format_decimal(double value, int decimals, const std::string& lang) {
  const double scale = std::pow(10.0, decimals);
  const long long whole = std::llround(value * scale);
  std::string text = format_count(static_cast<double>(whole / static_cast<long long>(scale)), lang);
  if (decimals > 0) {
    std::string frac = std::to_string(std::llabs(whole % static_cast<long long>(scale)));
    frac.insert(0, static_cast<std::size_t>(decimals) - std::min<std::size_t>(frac.size(), decimals), '0');
    text += (english(lang) ? "." : ",") + frac;
  }
  return text;
}

Area find_area(const ReportData& data, const std::string& kecamatan) {
  Area a;
  if (kecamatan.empty()) {
    a.kabupaten = true;
    a.nama = data.kabupaten_name();
    if (!data.kabupaten.units.empty()) a.unit = &data.kabupaten.units.front(), a.kode = a.unit->kode;
    for (const auto& d : data.desa.units) a.desa.push_back(&d);
    return a;
  }
  std::string wanted = lower(kecamatan);
  if (wanted.rfind("kec. ", 0) == 0) wanted = wanted.substr(5);
  if (wanted.rfind("kecamatan ", 0) == 0) wanted = wanted.substr(10);
  std::string names;
  for (const auto& k : data.kecamatan.units) {
    if (lower(k.nama) == wanted || (!digits_of(wanted).empty() && digits_of(k.kode) == digits_of(wanted))) {
      a.kabupaten = false;
      a.kode = k.kode;
      a.nama = k.nama;
      a.unit = &k;
      for (const auto& d : data.desa.units)
        if (d.kode_kec == k.kode) a.desa.push_back(&d);
      return a;
    }
    names += (names.empty() ? "" : ", ") + k.nama;
  }
  throw Error("kecamatan '" + kecamatan + "' not found in " + data.gpkg + " (kecamatan: " + names + ")");
}

std::vector<Area> all_areas(const ReportData& data) {
  std::vector<Area> areas{find_area(data, "")};
  for (const auto& k : data.kecamatan.units) areas.push_back(find_area(data, k.kode));
  return areas;
}

// The Moran scatterplot of each analysed indicator, for the kabupaten booklet (the statistics are the regency's).
std::vector<ScatterPage> moran_scatter_pages(const ReportData& data, const Area& area, const std::string& lang) {
  std::vector<ScatterPage> pages;
  if (!area.kabupaten) return pages;
  for (const auto& a : data.indicators) {
    ScatterPage p;
    p.lang = lang;
    const std::string x = a.bivariate() ? a.x : a.indicator, y = a.bivariate() ? a.y : a.indicator;
    p.heading = pick(lang, "Diagram Moran: ", "Moran scatterplot: ") + (a.bivariate() ? x + " × " + y : x);
    p.x_title = pick(lang, "nilai baku ", "standardised ") + x;
    p.y_title = pick(lang, "lag spasial nilai baku ", "spatial lag of standardised ") + y;
    double zz = 0, zl = 0;
    for (const auto& u : data.desa.units) {
      const auto z = u.number("mz_" + a.key), lag = u.number("mlag_" + a.key);
      if (!z || !lag) continue;
      const auto q = u.number("lisa_q_" + a.key);
      p.points.push_back({*z, *lag, q ? static_cast<int>(*q) : 0});
      zz += *z * *z;
      zl += *z * *lag;
    }
    if (p.points.empty()) continue;
    p.slope = zz > 0 ? zl / zz : 0;
    p.notes.push_back(pick(lang, "Satu titik satu desa (", "One point per desa (") + format_count(double(p.points.size()), lang) +
                      pick(lang, "); bobot ", "); weights ") + a.weights.describe() + ". " +
                      pick(lang, "Garis: regresi lag pada nilai baku, kemiringan ", "Line: lag regressed on the value, slope ") +
                      format_decimal(p.slope, 3, lang) +
                      pick(lang, " (I Moran bila bobot standar baris dan tiap desa bertetangga; desa tanpa tetangga "
                                 "berlag 0).",
                           " (Moran's I when weights are row-standardised and every desa has a neighbour; a desa "
                           "without one has lag 0)."));
    p.notes.push_back(pick(lang, "Warna: kuadran LISA yang signifikan (HH merah, LL biru, LH biru muda, HL merah muda); "
                                 "abu-abu: tidak signifikan.",
                           "Colour: significant LISA quadrant (HH red, LL blue, LH light blue, HL pink); grey: not "
                           "significant."));
    pages.push_back(std::move(p));
  }
  return pages;
}

Booklet build_booklet(const ReportData& data, const Area& area, const std::string& lang, const std::string& generated) {
  Booklet b;
  b.title = area_title(data, area, lang);
  b.header = b.title + " · " + pick(lang, "Profil permasalahan dan potensi desa", "Village problems and potential");
  b.pages.push_back(cover_page(data, area, lang));
  b.pages.push_back(key_numbers(data, area, lang));
  b.pages.push_back(count_map(data, area, lang));
  if (auto gi = gi_map(data, area, lang)) b.pages.push_back(std::move(*gi));
  for (auto& m : emerging_maps(data, area, lang)) b.pages.push_back(std::move(m));
  b.pages.push_back(top_table(data, area, lang));
  if (auto opd = opd_table(data, area, lang)) b.pages.push_back(std::move(*opd));
  if (auto trend = trend_chart(data, area, lang)) b.pages.push_back(std::move(*trend));
  if (auto pot = potential_table(data, area, lang)) b.pages.push_back(std::move(*pot));
  if (auto matrix = matrix_map(data, area, lang)) b.pages.push_back(std::move(*matrix));
  for (auto& scatter : moran_scatter_pages(data, area, lang)) b.pages.push_back(std::move(scatter));
  b.pages.push_back(sources_page(data, lang, generated));
  return b;
}

}  // namespace peta::report
