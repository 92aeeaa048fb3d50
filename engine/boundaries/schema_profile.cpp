#include "boundaries/schema_profile.hpp"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "core/embedded_geodata.hpp"
#include "core/error.hpp"

namespace peta {
namespace {

FieldMapping mapping_from_json(const nlohmann::json& j) {
  FieldMapping m;
  auto get = [&](const char* key) { return j.contains(key) ? j.at(key).get<std::string>() : std::string(); };
  m.code = get("code");
  m.name = get("name");
  m.parent_code = get("parent_code");
  m.parent_name = get("parent_name");
  m.kab_code = get("kab_code");
  m.kab_name = get("kab_name");
  m.jenis = get("jenis");
  return m;
}

bool iequals(const std::string& a, const std::string& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// The layer's own spelling of `wanted`, or empty.
std::string find_field(const std::vector<std::string>& fields, const std::string& wanted) {
  if (wanted.empty()) return {};
  for (const auto& f : fields)
    if (iequals(f, wanted)) return f;
  return {};
}

std::string* members(FieldMapping& m, int i) {
  std::string* all[] = {&m.code, &m.name, &m.parent_code, &m.parent_name, &m.kab_code, &m.kab_name, &m.jenis};
  return all[i];
}
constexpr const char* kRoleNames[] = {"code", "name", "parent_code", "parent_name", "kab_code", "kab_name", "jenis"};

}  // namespace

const FieldMapping& SchemaProfile::level(const std::string& level_name) const {
  if (level_name == "desa") return desa;
  if (level_name == "kecamatan") return kecamatan;
  if (level_name == "kabupaten") return kabupaten;
  throw Error("unknown boundary level '" + level_name + "'");
}

const std::vector<SchemaProfile>& known_profiles() {
  static const std::vector<SchemaProfile> profiles = [] {
    std::vector<SchemaProfile> out;
    for (const auto& [path, text] : embedded_geodata_files()) {
      if (path.rfind("profiles/", 0) != 0) continue;
      auto j = nlohmann::json::parse(text);
      SchemaProfile p;
      p.name = j.at("name").get<std::string>();
      const auto& levels = j.at("levels");
      p.desa = mapping_from_json(levels.at("desa"));
      p.kecamatan = mapping_from_json(levels.at("kecamatan"));
      p.kabupaten = mapping_from_json(levels.at("kabupaten"));
      out.push_back(std::move(p));
    }
    // peta's own layout first, then the others by name.
    std::stable_sort(out.begin(), out.end(), [](const SchemaProfile& a, const SchemaProfile& b) {
      return (a.name != "peta") < (b.name != "peta") || ((a.name != "peta") == (b.name != "peta") && a.name < b.name);
    });
    return out;
  }();
  return profiles;
}

std::optional<std::pair<std::string, FieldMapping>> detect_profile(const std::string& level,
                                                                   const std::vector<std::string>& fields) {
  for (const auto& profile : known_profiles()) {
    FieldMapping m = profile.level(level);
    if (find_field(fields, m.code).empty() || find_field(fields, m.name).empty()) continue;
    for (int i = 0; i < 7; ++i) *members(m, i) = find_field(fields, *members(m, i));
    return std::make_pair(profile.name, m);
  }
  return std::nullopt;
}

FieldMapping resolve_mapping(const FieldMapping& mapping, const std::vector<std::string>& fields,
                             const std::string& source_name) {
  FieldMapping out = mapping;
  if (mapping.code.empty()) throw Error(source_name + ": the field mapping names no 'code' attribute");
  for (int i = 0; i < 7; ++i) {
    std::string* role = members(out, i);
    if (role->empty()) continue;
    std::string found = find_field(fields, *role);
    if (found.empty())
      throw Error(source_name + ": mapped attribute '" + *role + "' (" + kRoleNames[i] + ") is not in the layer");
    *role = found;
  }
  return out;
}

}  // namespace peta
