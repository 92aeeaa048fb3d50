#include "store/opd_mapping.hpp"

#include "core/embedded_geodata.hpp"
#include "core/error.hpp"
#include "core/json_object_reader.hpp"

namespace peta::store {

OpdMapping OpdMapping::defaults() {
  static const OpdMapping mapping = [] {
    OpdMapping m;
    const auto j = nlohmann::json::parse(embedded_geodata("opd.json"));
    m.override_with(j.at("opd"), "geodata/opd.json: opd");
    return m;
  }();
  return mapping;
}

void OpdMapping::override_with(const nlohmann::json& object, const std::string& where) {
  if (!object.is_object()) throw Error(where + ": must be an object {kategori: {opd, target_hari}}");
  for (const auto& [category, value] : object.items()) {
    const std::string at = where + "." + category;
    JsonObjectReader r(value, at, {"opd", "target_hari"});
    OpdTarget t;
    t.opd = r.required_text("opd");
    auto days = r.integer("target_hari");
    if (!days) throw Error(at + ".target_hari: missing (required)");
    if (*days < 0 || *days > 3650) throw Error(at + ".target_hari: must be between 0 and 3650");
    t.target_days = static_cast<int>(*days);
    entries_[category] = t;
  }
}

std::optional<OpdTarget> OpdMapping::find(const std::string& category) const {
  auto it = entries_.find(category);
  if (it == entries_.end()) return std::nullopt;
  return it->second;
}

}  // namespace peta::store
