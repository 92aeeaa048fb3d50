#pragma once
// Which department (OPD) answers for a category, and in how many days (geodata/opd.json, overridable
// by the project file's "opd" object with the same form).
#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace peta::store {

struct OpdTarget {
  std::string opd;
  int target_days = 0;
};

class OpdMapping {
 public:
  static OpdMapping defaults();  // geodata/opd.json
  // Entries of `object` ({"jalan_rusak": {"opd": "...", "target_hari": 30}, ...}) replace or add to this
  // mapping; a bad entry throws peta::Error naming `where` and the key.
  void override_with(const nlohmann::json& object, const std::string& where);
  // nullopt for a category without an OPD.
  std::optional<OpdTarget> find(const std::string& category) const;
  const std::map<std::string, OpdTarget>& entries() const { return entries_; }

 private:
  std::map<std::string, OpdTarget> entries_;
};

}  // namespace peta::store
