#include "aggregate/category_taxonomy.hpp"

#include <cctype>

#include "core/embedded_geodata.hpp"
#include "core/error.hpp"

namespace peta {
namespace {

std::string match_key(const std::string& s) {
  std::string k;
  for (char c : s) {
    if (c == ' ' || c == '_' || c == '-' || c == '\t') continue;
    k += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return k;
}

}  // namespace

CategoryTaxonomy CategoryTaxonomy::defaults() {
  static const CategoryTaxonomy taxonomy =
      from_json(nlohmann::json::parse(embedded_geodata("categories.json")).at("categories"), "geodata/categories.json");
  return taxonomy;
}

CategoryTaxonomy CategoryTaxonomy::from_json(const nlohmann::json& array, const std::string& where) {
  if (!array.is_array()) throw Error(where + ": 'categories' must be an array");
  CategoryTaxonomy t;
  static const std::vector<std::string> allowed = {"code", "short", "label_id", "label_en", "sensitive", "synonyms"};
  for (std::size_t i = 0; i < array.size(); ++i) {
    const auto& j = array[i];
    std::string at = where + " categories[" + std::to_string(i) + "]";
    if (!j.is_object()) throw Error(at + ": must be an object");
    for (const auto& [k, v] : j.items())
      if (std::find(allowed.begin(), allowed.end(), k) == allowed.end()) throw Error(at + ": unknown key '" + k + "'");
    auto text = [&](const char* key, bool required) -> std::string {
      if (!j.contains(key)) {
        if (required) throw Error(at + ": missing key '" + key + "'");
        return {};
      }
      if (!j.at(key).is_string()) throw Error(at + "." + key + ": must be a string");
      return j.at(key).get<std::string>();
    };
    Category c;
    c.code = text("code", true);
    c.short_code = text("short", false);
    if (c.short_code.empty()) c.short_code = c.code.substr(0, 8);
    if (c.short_code.size() > 8) throw Error(at + ".short: at most 8 characters ('" + c.short_code + "')");
    c.label_id = text("label_id", false);
    c.label_en = text("label_en", false);
    if (c.label_id.empty()) c.label_id = c.code;
    if (c.label_en.empty()) c.label_en = c.label_id;
    if (j.contains("sensitive")) {
      if (!j.at("sensitive").is_boolean()) throw Error(at + ".sensitive: must be true or false");
      c.sensitive = j.at("sensitive").get<bool>();
    }
    if (j.contains("synonyms")) {
      if (!j.at("synonyms").is_array()) throw Error(at + ".synonyms: must be an array of strings");
      for (const auto& s : j.at("synonyms")) {
        if (!s.is_string()) throw Error(at + ".synonyms: must be an array of strings");
        c.synonyms.push_back(s.get<std::string>());
      }
    }
    t.categories_.push_back(std::move(c));
  }
  t.index();
  return t;
}

void CategoryTaxonomy::index() {
  by_key_.clear();
  for (std::size_t i = 0; i < categories_.size(); ++i) {
    by_key_.emplace(match_key(categories_[i].code), i);
    by_key_.emplace(match_key(categories_[i].label_id), i);
    by_key_.emplace(match_key(categories_[i].label_en), i);
    for (const auto& s : categories_[i].synonyms) by_key_.emplace(match_key(s), i);
  }
}

std::optional<std::size_t> CategoryTaxonomy::match(const std::string& value) const {
  // Fast path: the value is already a code.
  for (std::size_t i = 0; i < categories_.size(); ++i)
    if (value == categories_[i].code) return i;
  auto it = by_key_.find(match_key(value));
  if (it == by_key_.end()) return std::nullopt;
  return it->second;
}

}  // namespace peta
