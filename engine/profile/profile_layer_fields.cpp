#include "profile/profile_layer_fields.hpp"

#include <cmath>
#include <filesystem>

#include "core/error.hpp"
#include "output/short_names.hpp"

namespace peta::profile {
namespace {

FieldDef profile_def(const std::string& name, FieldKind kind, const std::string& table, const std::string& how_id,
                     const std::string& how_en) {
  const std::string file = std::filesystem::path(table).filename().string();
  FieldDef f;
  f.name = name;
  f.type = kind == FieldKind::integer ? FieldType::integer : kind == FieldKind::real ? FieldType::real : FieldType::text;
  f.width = kind == FieldKind::integer ? 12 : kind == FieldKind::real ? 18 : 80;
  f.precision = kind == FieldKind::real ? 4 : 0;
  f.label_id = "Profil desa: " + name + " (" + file + how_id + ")";
  f.label_en = "Village profile: " + name + " (" + file + how_en + ")";
  f.unit = kind == FieldKind::text ? kProfileClassUnit : kProfileNumberUnit;
  return f;
}

std::string rule_text(const Aggregation& a, bool english) {
  switch (a.kind) {
    case Aggregation::Kind::sum: return english ? ", sum of the desa" : ", jumlah desa";
    case Aggregation::Kind::mean: return english ? ", mean of the desa" : ", rata-rata desa";
    case Aggregation::Kind::weighted_mean:
      return english ? ", mean of the desa weighted by " + a.weight : ", rata-rata desa tertimbang " + a.weight;
    case Aggregation::Kind::mode: return english ? ", most frequent among the desa" : ", modus desa";
    default: return "";
  }
}

}  // namespace

ProfileLayerFields ProfileLayerFields::for_desa(const DesaProfile& p, const MatrixResult* matrix, bool public_profile) {
  ProfileLayerFields out;
  for (const auto& f : p.fields) {
    if (public_profile && f.sensitive) continue;
    Column c{profile_def(f.name, f.kind, p.tables[f.table].path, "", ""), nullptr, nullptr, nullptr};
    if (f.numeric()) c.numbers = &f.numbers;
    else c.texts = &f.texts;
    out.columns_.push_back(std::move(c));
  }
  if (matrix) {
    Column rate;
    rate.def = {"laju_masalah", FieldType::real, "", 18, 4, "Laju masalah untuk matriks (" + matrix->rate_unit + ")",
                "Problem rate of the matrix (" + matrix->rate_unit + ")", kProfileNumberUnit};
    rate.reals = &matrix->problem_rate;
    out.columns_.push_back(std::move(rate));
    for (auto q : matrix->quadrant) out.quadrant_text_.push_back(quadrant_label(q));
    Column m;
    m.def = {kMatrixField, FieldType::text, "", 32, 0,
             "Matriks masalah–potensi (dibagi di median: tinggi = di atas median)",
             "Problem–potential matrix (split at the medians: high = above the median)", kProfileClassUnit};
    out.columns_.push_back(std::move(m));
  }
  return out;
}

ProfileLayerFields ProfileLayerFields::for_kecamatan(const DesaProfile& p, const std::vector<KecamatanField>& fields) {
  ProfileLayerFields out;
  for (const auto& k : fields) {
    Column c{profile_def(k.name, k.kind, p.tables[k.source->table].path, rule_text(k.rule, false), rule_text(k.rule, true)),
             nullptr, nullptr, nullptr};
    if (k.source->numeric()) c.numbers = &k.numbers;
    else c.texts = &k.texts;
    out.columns_.push_back(std::move(c));
  }
  return out;
}

void ProfileLayerFields::extend(LayerSchema& schema) const {
  std::vector<std::string> taken, names;
  for (const auto& f : schema.fields) taken.push_back(f.short_name.empty() ? f.name : f.short_name);
  for (const auto& c : columns_) {
    for (const auto& f : schema.fields)
      if (f.name == c.def.name)
        throw Error("profil: field '" + c.def.name + "' has the name of a " + schema.name + " layer field; rename the column");
    names.push_back(c.def.name);
  }
  const auto shorts = make_short_names(names, taken);
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    FieldDef def = columns_[i].def;
    if (shorts[i] != def.name) def.short_name = shorts[i];
    schema.fields.push_back(std::move(def));
  }
}

void ProfileLayerFields::apply(Feature& feature, std::size_t unit) const {
  for (const auto& c : columns_) {
    if (c.numbers) {
      const auto& v = (*c.numbers)[unit];
      if (!v) feature.values.emplace_back(std::monostate{});
      else if (c.def.type == FieldType::integer) feature.values.emplace_back(static_cast<std::int64_t>(std::llround(*v)));
      else feature.values.emplace_back(*v);
    } else if (c.texts) {
      const auto& v = (*c.texts)[unit];
      feature.values.emplace_back(v ? FieldValue{*v} : FieldValue{});
    } else if (c.reals) {
      const double v = (*c.reals)[unit];
      feature.values.emplace_back(std::isfinite(v) ? FieldValue{v} : FieldValue{});
    } else {
      feature.values.emplace_back(quadrant_text_[unit]);
    }
  }
}

LayerSchema matrix_schema(const std::string& potential_field, const std::string& rate_unit) {
  LayerSchema s{"matriks", GeometryKind::multipolygon, {}};
  s.fields = {{"kode", FieldType::text, "", 13, 0, "Kode desa (Kemendagri)", "Village code (Kemendagri)", ""},
              {"nama", FieldType::text, "", 80, 0, "Nama desa/kelurahan", "Village name", ""},
              {"nama_kec", FieldType::text, "", 80, 0, "Nama kecamatan", "District name", ""},
              {"masalah", FieldType::integer, "", 10, 0, "Jumlah temuan masalah", "Problem findings", "jumlah"},
              {"laju_masalah", FieldType::real, "laju_msl", 18, 4, "Laju masalah (" + rate_unit + ")",
               "Problem rate (" + rate_unit + ")", ""},
              {"potensi", FieldType::real, "", 18, 4, "Potensi: " + potential_field, "Potential: " + potential_field, ""},
              {kMatrixField, FieldType::text, "", 32, 0, "Matriks masalah–potensi (dibagi di median: tinggi = di atas median)",
               "Problem–potential matrix (split at the medians: high = above the median)", ""},
              {"kuadran", FieldType::integer, "", 2, 0,
               "Kuadran: 0 masalah tinggi/potensi rendah, 1 tinggi/tinggi, 2 rendah/tinggi, 3 rendah/rendah, 4 tanpa data",
               "Quadrant: 0 high problem/low potential, 1 high/high, 2 low/high, 3 low/low, 4 no data", ""}};
  return s;
}

Feature matrix_feature(const Boundaries& b, std::size_t d, const std::vector<double>& problems, const MatrixResult& m) {
  Feature f;
  f.geometry = b.desa[d].geometry;
  const AdminUnit& k = b.kecamatan_of(d);
  f.values = {b.desa[d].code.dotted(), b.desa[d].name, k.name.empty() ? FieldValue{} : FieldValue{k.name},
              static_cast<std::int64_t>(std::llround(problems[d])),
              std::isfinite(m.problem_rate[d]) ? FieldValue{m.problem_rate[d]} : FieldValue{},
              m.potential[d] ? FieldValue{*m.potential[d]} : FieldValue{}, std::string(quadrant_label(m.quadrant[d])),
              static_cast<std::int64_t>(m.quadrant[d])};
  return f;
}

}  // namespace peta::profile
