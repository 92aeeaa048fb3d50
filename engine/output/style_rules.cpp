#include "output/style_rules.hpp"

#include <algorithm>
#include <cmath>

#include "core/layer_fields.hpp"
#include "core/rejection_reason.hpp"
#include "hotspots/emerging_hotspots.hpp"
#include "output/class_breaks.hpp"

namespace peta {
namespace {

constexpr std::size_t kMaxCategories = 30;  // distinct text values kept for a categorized style

bool starts_with(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

bool is_count_field(const FieldDef& f) {
  return f.type == FieldType::integer && starts_with(f.name, layer_field::count_prefix) && f.name != layer_field::n_desa;
}
bool is_rate_field(const FieldDef& f) { return f.type == FieldType::real && starts_with(f.name, "eb_"); }
bool is_gi_bin_field(const FieldDef& f) { return f.type == FieldType::integer && starts_with(f.name, "gi_bin_"); }
bool is_trend_field(const FieldDef& f) { return f.type == FieldType::text && starts_with(f.name, "tren_"); }
bool is_lisa_field(const FieldDef& f) { return f.type == FieldType::integer && starts_with(f.name, "lisa_q_"); }
bool is_lisa_significance_field(const FieldDef& f) {
  return f.type == FieldType::integer && starts_with(f.name, "lisa_s_");
}
bool is_category_field(const FieldDef& f) { return f.name == "kat_kode" || f.name == "alasan"; }
bool is_matrix_field(const FieldDef& f) { return f.type == FieldType::text && f.name == kMatrixField; }
bool is_profile_number(const FieldDef& f) { return f.type != FieldType::text && f.unit == kProfileNumberUnit; }
bool is_profile_class(const FieldDef& f) {
  return f.type == FieldType::text && f.unit == kProfileClassUnit && !is_matrix_field(f);
}

const FieldDef* find_field(const LayerSchema& s, const std::string& name) {
  for (const auto& f : s.fields)
    if (f.name == name) return &f;
  return nullptr;
}

std::string short_of(const FieldDef& f) { return f.short_name.empty() ? f.name : f.short_name; }

// ColorBrewer YlOrRd (5 classes), picked evenly for fewer.
const Rgba kYlOrRd[] = {{255, 255, 178}, {254, 204, 92}, {253, 141, 60}, {240, 59, 32}, {189, 0, 38}};
const Rgba kZero{242, 242, 242};
const Rgba kBorder{110, 110, 110};

Rgba sequential(std::size_t i, std::size_t n) {
  if (n <= 1) return kYlOrRd[2];
  return kYlOrRd[(i * 4 + (n - 1) / 2) / (n - 1)];
}

// Qualitative colours: the finding categories take ColorBrewer Set1 without its yellow, then Set3's darker half;
// the rejection reasons take Dark2, so no reason shares a colour with a category (a GIS officer saw rejected
// points and akses_sekolah in one red).
const Rgba kCategoryColours[] = {{228, 26, 28},   {55, 126, 184},  {77, 175, 74},  {152, 78, 163}, {255, 127, 0},
                                 {166, 86, 40},   {247, 129, 191}, {128, 177, 211}, {188, 128, 189}, {141, 211, 199},
                                 {251, 128, 114}, {179, 222, 105}};
const Rgba kReasonColours[] = {{27, 158, 119}, {217, 95, 2},   {117, 112, 179}, {231, 41, 138}, {102, 166, 30},
                               {230, 171, 2},  {166, 118, 29}, {102, 102, 102}, {0, 0, 0},      {90, 180, 172},
                               {140, 81, 10}};

SymbolSpec fill(Rgba c) { return {c, kBorder, 0.15, false, 2.0}; }

LayerStyle base_style(const LayerSchema& schema, std::string name) {
  LayerStyle s;
  s.name = std::move(name);
  s.geometry = schema.geometry == GeometryKind::none ? GeometryKind::point : schema.geometry;
  for (const auto& f : schema.fields) {
    if (f.label_id.empty()) continue;
    s.aliases.emplace_back(f.name, f.label_id);
    if (!f.short_name.empty() && f.short_name != f.name) s.aliases.emplace_back(f.short_name, f.label_id);
  }
  if (find_field(schema, "nama") && schema.geometry == GeometryKind::multipolygon) {
    s.has_labels = true;
    s.labels = {"nama", schema.name == "desa" ? 150000.0 : 750000.0, schema.name == "desa" ? 7.5 : 9.0};
  }
  return s;
}

// A style that draws field `f` with `renderer`.
LayerStyle field_style(const LayerSchema& schema, const FieldDef& f, RendererKind renderer, std::string name) {
  LayerStyle s = base_style(schema, std::move(name));
  s.description = f.label_id + " / " + f.label_en;
  s.renderer = renderer;
  s.field = f.name;
  s.field_short = short_of(f);
  return s;
}

std::vector<RangeSpec> coloured_ranges(std::vector<ClassRange> classes) {
  std::vector<RangeSpec> ranges;
  std::size_t positive = 0;
  for (const auto& c : classes) positive += c.upper > 0 ? 1 : 0;
  std::size_t k = 0;
  for (auto& c : classes) {
    bool zero = c.lower == 0 && c.upper == 0;
    Rgba colour = zero ? kZero : sequential(k++, positive);
    ranges.push_back({c.lower, c.upper, std::move(c.label), fill(colour)});
  }
  return ranges;
}

LayerStyle graduated(const LayerSchema& schema, const FieldDef& f, std::vector<ClassRange> classes,
                     std::string name) {
  LayerStyle s = field_style(schema, f, RendererKind::graduated, std::move(name));
  s.ranges = coloured_ranges(std::move(classes));
  return s;
}

LayerStyle categorized(const LayerSchema& schema, const FieldDef& f, std::vector<CategorySpec> categories,
                       std::string name) {
  LayerStyle s = field_style(schema, f, RendererKind::categorized, std::move(name));
  s.categories = std::move(categories);
  return s;
}

LayerStyle gi_style(const LayerSchema& schema, const FieldDef& f) {
  std::string code = f.name.substr(std::string("gi_bin_").size());
  return categorized(schema, f, gi_bin_classes(), "Titik panas Gi*: " + code);
}

LayerStyle lisa_style(const LayerSchema& schema, const FieldDef& f) {
  // GeoDa's LISA cluster colours.
  std::vector<CategorySpec> cats = {{"1", "Tinggi–Tinggi (HH)", fill({228, 26, 28})},
                                    {"2", "Rendah–Tinggi (LH)", fill({166, 189, 219})},
                                    {"3", "Rendah–Rendah (LL)", fill({33, 102, 172})},
                                    {"4", "Tinggi–Rendah (HL)", fill({244, 165, 130})},
                                    {"0", "Tidak signifikan", fill({238, 238, 238})}};
  std::string code = f.name.substr(std::string("lisa_q_").size());
  return categorized(schema, f, std::move(cats), "Kluster LISA: " + code);
}

LayerStyle lisa_significance_style(const LayerSchema& schema, const FieldDef& f) {
  // GeoDa's LISA significance map greens (indicator statistics, indicators/indicator_fields.hpp).
  std::vector<CategorySpec> cats = {{"1", "p <= 0,05", fill({186, 228, 179})},
                                    {"2", "p <= 0,01", fill({116, 196, 118})},
                                    {"3", "p <= 0,001", fill({35, 139, 69})},
                                    {"0", "Tidak signifikan", fill({238, 238, 238})}};
  return categorized(schema, f, std::move(cats), "Signifikansi LISA: " + f.name.substr(std::string("lisa_s_").size()));
}

// Emerging hot spot classes (tren_<category>): trend_classes() below.
LayerStyle trend_style(const LayerSchema& schema, const FieldDef& f) {
  std::string code = f.name.substr(std::string("tren_").size());
  return categorized(schema, f, trend_classes(), "Tren titik panas: " + code);
}

// Coverage: desa without a single finding of any kind (blind spots: nobody looked, or nobody reported) in a
// strong colour, the others light; a withheld (NULL) count is left undrawn rather than guessed.
LayerStyle blind_spot_style(const LayerSchema& schema, const FieldDef& total) {
  LayerStyle s = field_style(schema, total, RendererKind::graduated, "Titik buta: desa tanpa temuan");
  s.ranges.push_back({0, 0, "Belum ada temuan (titik buta)", fill({117, 107, 177})});
  s.ranges.push_back({1, 1e12, "Ada temuan", fill({240, 240, 240})});
  return s;
}

// "jalan_rusak" -> "Jalan rusak"
std::string readable_code(std::string code) {
  std::replace(code.begin(), code.end(), '_', ' ');
  if (!code.empty() && code[0] >= 'a' && code[0] <= 'z') code[0] = static_cast<char>(code[0] - 'a' + 'A');
  return code;
}

LayerStyle value_style(const LayerSchema& schema, const FieldDef& f, const std::set<std::string>& values) {
  std::vector<CategorySpec> cats;
  std::size_t i = 0;
  const bool reasons = f.name == "alasan";
  for (const auto& v : values) {
    if (v.empty()) continue;
    const Rgba colour = reasons ? kReasonColours[i++ % std::size(kReasonColours)]
                                : kCategoryColours[i++ % std::size(kCategoryColours)];
    SymbolSpec sym{colour, {255, 255, 255}, 0.2, false, 2.2};
    cats.push_back({v, f.name == "alasan" ? reason_label(v) : readable_code(v), sym});
  }
  cats.push_back({"", "Lainnya / kosong", {{150, 150, 150}, {255, 255, 255}, 0.2, false, 2.0}});
  return categorized(schema, f, std::move(cats), f.name == "alasan" ? "Alasan penolakan" : "Kategori temuan");
}

// The life of a problem (store/finding_status.hpp): open ones in warm colours by how far along they are,
// handled green, the set-aside ones grey.
LayerStyle status_style(const LayerSchema& schema, const FieldDef& f) {
  struct Status { const char* value; const char* label; Rgba colour; };
  const Status statuses[] = {{"baru", "Baru", {215, 25, 28}},
                             {"diverifikasi", "Diverifikasi", {253, 174, 97}},
                             {"ditindaklanjuti", "Ditindaklanjuti", {255, 255, 51}},
                             {"selesai", "Selesai", {26, 150, 65}},
                             {"bukan_masalah", "Bukan masalah", {189, 189, 189}},
                             {"duplikat", "Duplikat", {240, 240, 240}}};
  std::vector<CategorySpec> cats;
  for (const auto& st : statuses) cats.push_back({st.value, st.label, {st.colour, {60, 60, 60}, 0.2, false, 2.4}});
  return categorized(schema, f, std::move(cats), "Status penanganan");
}

// The problem–potential matrix (engine/profile/problem_potential.hpp): need without capacity red, need with
// capacity orange, capacity without need green, neither light yellow, no data grey.
LayerStyle matrix_style(const LayerSchema& schema, const FieldDef& f) {
  return categorized(schema, f, matrix_classes(), "Matriks masalah–potensi");
}

// A text profile field: one colour per value. The IDM statuses (Indeks Desa Membangun) keep their order, from
// Sangat Tertinggal (red) to Mandiri (green); other values take the qualitative colours in value order.
LayerStyle profile_class_style(const LayerSchema& schema, const FieldDef& f, const std::set<std::string>& values) {
  static const std::vector<std::pair<std::string, Rgba>> idm = {{"Sangat Tertinggal", {215, 25, 28}},
                                                                 {"Tertinggal", {253, 174, 97}},
                                                                 {"Berkembang", {255, 255, 191}},
                                                                 {"Maju", {166, 217, 106}},
                                                                 {"Mandiri", {26, 150, 65}}};
  const bool ordinal = !values.empty() && std::all_of(values.begin(), values.end(), [&](const std::string& v) {
    return std::any_of(idm.begin(), idm.end(), [&](const auto& s) { return s.first == v; });
  });
  std::vector<CategorySpec> cats;
  if (ordinal) {
    for (const auto& [value, colour] : idm)
      if (values.count(value)) cats.push_back({value, value, fill(colour)});
  } else {
    std::size_t i = 0;
    for (const auto& v : values) cats.push_back({v, v, fill(kCategoryColours[i++ % std::size(kCategoryColours)])});
  }
  cats.push_back({"", "Tanpa data", fill({220, 220, 220})});
  return categorized(schema, f, std::move(cats), "Profil: " + f.name);
}

LayerStyle outline_style(const LayerSchema& schema, double width_mm, Rgba colour) {
  LayerStyle s = base_style(schema, kOutlineStyleName);
  s.description = "Batas saja / outlines only";
  s.renderer = RendererKind::single_symbol;
  s.symbol = {{255, 255, 255, 0}, colour, width_mm, true, 2.0};
  return s;
}

LayerStyle single_style(const LayerSchema& schema) {
  LayerStyle s = base_style(schema, "Simbol tunggal");
  s.symbol = schema.geometry == GeometryKind::point ? SymbolSpec{{200, 30, 30}, {255, 255, 255}, 0.2, false, 2.0}
                                                    : fill({200, 200, 200});
  return s;
}

}  // namespace

StyleObserver::StyleObserver(const LayerSchema& schema) {
  for (std::size_t i = 0; i < schema.fields.size(); ++i) {
    const FieldDef& f = schema.fields[i];
    if (is_count_field(f) || is_rate_field(f) || is_profile_number(f)) numeric_.emplace_back(i, f.name);
    if (is_category_field(f) || is_profile_class(f)) textual_.emplace_back(i, f.name);
  }
  for (const auto& [i, name] : numeric_) numbers_[name];
  for (const auto& [i, name] : textual_) texts_[name];
}

void StyleObserver::observe(const Feature& feature) {
  ++features_;
  for (const auto& [i, name] : numeric_) {
    if (i >= feature.values.size()) continue;
    const FieldValue& v = feature.values[i];
    if (auto p = std::get_if<std::int64_t>(&v)) numbers_[name].push_back(static_cast<double>(*p));
    else if (auto d = std::get_if<double>(&v)) numbers_[name].push_back(*d);
  }
  for (const auto& [i, name] : textual_) {
    if (i >= feature.values.size()) continue;
    auto& set = texts_[name];
    if (auto s = std::get_if<std::string>(&feature.values[i]); s && set.size() < kMaxCategories) set.insert(*s);
  }
  struct Extend {
    Box& box;
    void operator()(std::monostate) {}
    void operator()(const Coord& c) { box.expand(c); }
    void operator()(const MultiLineString& m) {
      for (const auto& l : m)
        for (const auto& c : l) box.expand(c);
    }
    void operator()(const MultiPolygon& m) { box.expand(m.bounds()); }
  };
  std::visit(Extend{extent_}, feature.geometry);
}

const std::vector<double>& StyleObserver::numbers(const std::string& field) const {
  static const std::vector<double> none;
  auto it = numbers_.find(field);
  return it == numbers_.end() ? none : it->second;
}

const std::set<std::string>& StyleObserver::texts(const std::string& field) const {
  static const std::set<std::string> none;
  auto it = texts_.find(field);
  return it == texts_.end() ? none : it->second;
}

std::vector<RangeSpec> count_ranges(const std::vector<double>& values) {
  return coloured_ranges(count_classes(values));
}

// Emerging hot spot classes (tren_<category>): ArcGIS's palette logic, reds for the hot trends (darkest
// for intensifying and persistent), blues mirrored for cold, light grey for no pattern.
// ArcGIS's palette logic: reds for the hot trends (darkest for intensifying and persistent), blues mirrored for
// cold, light grey for no pattern; the colours are emerging_class_colour's, shared with the web map.
std::vector<CategorySpec> trend_classes() {
  std::vector<CategorySpec> cats;
  auto colour = [](EmergingClass c) {
    const EmergingColour e = emerging_class_colour(c);
    return Rgba{e.r, e.g, e.b};
  };
  for (int c = 1; c < kEmergingClassCount; ++c)
    cats.push_back({emerging_class_value(EmergingClass(c)), emerging_class_label_id(EmergingClass(c)), fill(colour(EmergingClass(c)))});
  cats.push_back({emerging_class_value(EmergingClass::no_pattern), emerging_class_label_id(EmergingClass::no_pattern),
                  fill(colour(EmergingClass::no_pattern))});
  return cats;
}

std::vector<CategorySpec> matrix_classes() {
  return {{"masalah tinggi, potensi rendah", "Masalah tinggi, potensi rendah", fill({215, 48, 39})},
          {"masalah tinggi, potensi tinggi", "Masalah tinggi, potensi tinggi", fill({252, 141, 89})},
          {"masalah rendah, potensi tinggi", "Masalah rendah, potensi tinggi", fill({26, 152, 80})},
          {"masalah rendah, potensi rendah", "Masalah rendah, potensi rendah", fill({255, 255, 191})},
          {"", "Tanpa data", fill({220, 220, 220})}};
}

std::vector<CategorySpec> gi_bin_classes() {
  // ColorBrewer RdBu (7 classes): hot spots red, not significant near white, cold spots blue.
  struct Bin { int value; const char* label; Rgba colour; };
  const Bin bins[] = {{3, "Titik panas 99%", {178, 24, 43}},     {2, "Titik panas 95%", {239, 138, 98}},
                      {1, "Titik panas 90%", {253, 219, 199}},   {0, "Tidak signifikan", {247, 247, 247}},
                      {-1, "Titik dingin 90%", {209, 229, 240}}, {-2, "Titik dingin 95%", {103, 169, 207}},
                      {-3, "Titik dingin 99%", {33, 102, 172}}};
  std::vector<CategorySpec> cats;
  for (const auto& b : bins) cats.push_back({std::to_string(b.value), b.label, fill(b.colour)});
  return cats;
}

std::vector<LayerStyle> layer_styles(const LayerSchema& schema, const StyleObserver& data) {
  std::vector<LayerStyle> styles;
  const bool polygons = schema.geometry == GeometryKind::multipolygon;
  const FieldDef* total = find_field(schema, layer_field::n_total);
  if (schema.name == "kabupaten") {
    styles.push_back(outline_style(schema, 0.8, {40, 40, 40}));
    styles.back().has_labels = false;
  } else if (polygons && total) {
    styles.push_back(graduated(schema, *total, count_classes(data.numbers(total->name)), "Jumlah temuan"));
  } else if (const FieldDef* matrix = find_field(schema, kMatrixField); matrix && schema.name == "matriks") {
    styles.push_back(matrix_style(schema, *matrix));
  } else if (schema.name == "titik_buta") {
    // The desa without a finding (project/layer_stage.cpp): the blind spot style's colour, drawn over the desa.
    LayerStyle t = base_style(schema, "Titik buta: desa tanpa temuan");
    t.symbol = {{117, 107, 177, 200}, {84, 39, 143}, 0.4, false, 2.0};
    styles.push_back(std::move(t));
    return styles;
  } else if (schema.name == "klaster") {
    // DBSCAN hulls: a see-through purple fill with a strong outline, drawn above the desa (qgis_extras.cpp).
    LayerStyle k = base_style(schema, "Klaster DBSCAN");
    k.has_labels = false;
    k.symbol = {{152, 78, 163, 90}, {84, 39, 143}, 0.6, false, 2.0};
    styles.push_back(std::move(k));
    return styles;
  } else if (const FieldDef* kat = find_field(schema, "kat_kode")) {
    // Findings from the store open styled by status; by category is the second style.
    if (const FieldDef* status = find_field(schema, "status")) styles.push_back(status_style(schema, *status));
    styles.push_back(value_style(schema, *kat, data.texts(kat->name)));
  } else if (const FieldDef* reason = find_field(schema, "alasan")) {
    styles.push_back(value_style(schema, *reason, data.texts(reason->name)));
  } else {
    styles.push_back(single_style(schema));
  }
  if (!polygons || schema.name == "kabupaten") return styles;
  if (schema.name == "desa" && total) styles.push_back(blind_spot_style(schema, *total));

  styles.push_back(outline_style(schema, 0.5, {60, 60, 60}));
  for (const auto& f : schema.fields) {
    if (is_count_field(f) && &f != total) {
      styles.push_back(graduated(schema, f, count_classes(data.numbers(f.name)), f.label_id));
      // Fewer values than features: some counts are NULL, i.e. withheld by the public profile (s_<kat> set).
      if (data.numbers(f.name).size() < data.feature_count()) styles.back().null_label = "disembunyikan";
    }
    else if (is_rate_field(f))
      styles.push_back(graduated(schema, f, rate_classes(data.numbers(f.name)),
                                 "Laju EB: " + f.name.substr(std::string("eb_").size())));
    else if (is_gi_bin_field(f))
      styles.push_back(gi_style(schema, f));
    else if (is_lisa_field(f))
      styles.push_back(lisa_style(schema, f));
    else if (is_lisa_significance_field(f))
      styles.push_back(lisa_significance_style(schema, f));
    else if (is_trend_field(f))
      styles.push_back(trend_style(schema, f));
    else if (is_matrix_field(f) && schema.name != "matriks")
      styles.push_back(matrix_style(schema, f));
    else if (is_profile_number(f) && !data.numbers(f.name).empty()) {
      styles.push_back(graduated(schema, f, rate_classes(data.numbers(f.name)), "Profil: " + f.name));
      if (data.numbers(f.name).size() < data.feature_count()) styles.back().null_label = "tanpa data";
    } else if (is_profile_class(f))
      styles.push_back(profile_class_style(schema, f, data.texts(f.name)));
  }
  return styles;
}

std::size_t style_index(const std::vector<LayerStyle>& styles, const std::string& name) {
  for (std::size_t i = 0; i < styles.size(); ++i)
    if (styles[i].name == name) return i;
  return 0;
}

}  // namespace peta
