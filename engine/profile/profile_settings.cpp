#include "profile/profile_settings.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/json_object_reader.hpp"

namespace peta::profile {
namespace {

DeclaredType declared_type(const std::string& t, const std::string& where) {
  if (t == "angka" || t == "number" || t == "numeric") return DeclaredType::number;
  if (t == "teks" || t == "text") return DeclaredType::text;
  throw Error(where + ": expected \"angka\" or \"teks\", got '" + t + "'");
}

ProfileTableSettings read_table(const nlohmann::json& j, const std::string& where,
                                const std::function<std::string(const std::string&)>& resolve) {
  JsonObjectReader r(j, where,
                     {"path", "sheet", "kode", "kode_bps", "crosswalk", "desa", "kecamatan", "fields", "tipe", "sensitif"});
  ProfileTableSettings t;
  t.path = resolve(r.required_text("path"));
  t.sheet = r.text("sheet").value_or("");
  const int keys = int(r.has("kode")) + int(r.has("kode_bps")) + int(r.has("desa"));
  if (keys != 1)
    throw Error(where + ": give exactly one of \"kode\" (Kemendagri code column), \"kode_bps\" (with \"crosswalk\") or "
                        "\"desa\" (name column, with an optional \"kecamatan\")");
  if (r.has("kode")) {
    t.key = KeyKind::kemendagri;
    t.key_column = r.required_text("kode");
  } else if (r.has("kode_bps")) {
    t.key = KeyKind::bps;
    t.key_column = r.required_text("kode_bps");
    if (!r.has("crosswalk")) throw Error(r.where("crosswalk") + ": missing (required with kode_bps)");
    JsonObjectReader c(r.at("crosswalk"), r.where("crosswalk"), {"path", "bps", "kemendagri"});
    t.crosswalk.path = resolve(c.required_text("path"));
    t.crosswalk.bps_column = c.required_text("bps");
    t.crosswalk.kemendagri_column = c.required_text("kemendagri");
  } else {
    t.key = KeyKind::name;
    t.key_column = r.required_text("desa");
  }
  if (r.has("crosswalk") && t.key != KeyKind::bps) throw Error(r.where("crosswalk") + ": only with kode_bps");
  if (r.has("kecamatan")) {
    if (t.key != KeyKind::name) throw Error(r.where("kecamatan") + ": only with desa (a join by name)");
    t.kecamatan_column = r.required_text("kecamatan");
  }
  t.fields = r.texts("fields").value_or(std::vector<std::string>{});
  if (t.fields.empty()) throw Error(r.where("fields") + ": missing or empty (the columns to join onto the desa)");
  if (r.has("tipe")) {
    const auto& types = r.at("tipe");
    if (!types.is_object()) throw Error(r.where("tipe") + ": must be an object of field -> \"angka\" | \"teks\"");
    for (const auto& [field, value] : types.items()) {
      const std::string w = r.where("tipe") + "." + field;
      if (std::find(t.fields.begin(), t.fields.end(), field) == t.fields.end()) throw Error(w + ": not one of the fields");
      if (!value.is_string()) throw Error(w + ": must be \"angka\" or \"teks\"");
      t.types[field] = declared_type(value.get<std::string>(), w);
    }
  }
  t.sensitive = r.texts("sensitif").value_or(std::vector<std::string>{});
  for (const auto& s : t.sensitive)
    if (std::find(t.fields.begin(), t.fields.end(), s) == t.fields.end())
      throw Error(r.where("sensitif") + ": '" + s + "' is not one of the fields");
  return t;
}

}  // namespace

Aggregation parse_aggregation(const std::string& text, const std::string& where) {
  Aggregation a;
  const std::string weighted = "rata_rata_tertimbang:";
  if (text == "jumlah" || text == "sum") a.kind = Aggregation::Kind::sum;
  else if (text == "rata_rata" || text == "mean") a.kind = Aggregation::Kind::mean;
  else if (text == "modus" || text == "mode") a.kind = Aggregation::Kind::mode;
  else if (text == "tidak" || text == "none") a.kind = Aggregation::Kind::none;
  else if (text == "otomatis" || text == "auto") a.kind = Aggregation::Kind::automatic;
  else if (text.rfind(weighted, 0) == 0 && text.size() > weighted.size()) {
    a.kind = Aggregation::Kind::weighted_mean;
    a.weight = text.substr(weighted.size());
  } else
    throw Error(where + ": expected jumlah, rata_rata, rata_rata_tertimbang:<field>, modus or tidak, got '" + text + "'");
  return a;
}

ProfileSettings read_profile_settings(const nlohmann::json& tables, const nlohmann::json& aggregation,
                                      const nlohmann::json& matrix,
                                      const std::function<std::string(const std::string&)>& resolve) {
  ProfileSettings s;
  if (!tables.is_null()) {
    if (!tables.is_array()) throw Error("profil: must be an array of tables");
    for (std::size_t i = 0; i < tables.size(); ++i)
      s.tables.push_back(read_table(tables[i], "profil[" + std::to_string(i) + "]", resolve));
  }
  std::vector<std::string> fields;
  for (const auto& t : s.tables)
    for (const auto& f : t.fields) {
      if (std::find(fields.begin(), fields.end(), f) != fields.end())
        throw Error("profil: field '" + f + "' is given by two tables (rename one column)");
      fields.push_back(f);
    }
  auto known = [&](const std::string& f, const std::string& where) {
    if (std::find(fields.begin(), fields.end(), f) == fields.end())
      throw Error(where + ": '" + f + "' is not a field of any profil table");
  };
  if (!aggregation.is_null()) {
    if (!aggregation.is_object()) throw Error("agregasi: must be an object of field -> rule");
    for (const auto& [field, value] : aggregation.items()) {
      const std::string where = "agregasi." + field;
      known(field, where);
      if (!value.is_string()) throw Error(where + ": must be a text such as \"jumlah\"");
      Aggregation a = parse_aggregation(value.get<std::string>(), where);
      if (a.kind == Aggregation::Kind::weighted_mean) known(a.weight, where);
      s.aggregation[field] = a;
    }
  }
  if (!matrix.is_null()) {
    JsonObjectReader r(matrix, "matriks", {"masalah", "potensi", "penduduk"});
    MatrixSettings m;
    if (r.has("masalah")) {
      const auto& p = r.at("masalah");
      if (p.is_string() && (p.get<std::string>() == "semua" || p.get<std::string>() == "all")) m.all_categories = true;
      else if (auto list = r.texts("masalah")) {
        m.all_categories = false;
        m.categories = *list;
      } else
        throw Error("matriks.masalah: \"semua\" or a list of category codes");
    }
    m.potential = r.required_text("potensi");
    known(m.potential, "matriks.potensi");
    m.population = r.text("penduduk").value_or("");
    if (!m.population.empty()) known(m.population, "matriks.penduduk");
    s.matrix = m;
  }
  return s;
}

}  // namespace peta::profile
