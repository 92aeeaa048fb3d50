#pragma once
// The category taxonomy: codes with Indonesian and English labels, a sensitivity mark, and synonyms.
// Values match case-insensitively, ignoring spaces, '_' and '-'.
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

namespace peta {

struct Category {
  std::string code;      // "jalan_rusak"
  std::string short_code;  // <= 8 ASCII characters, for shapefile field names ("jalan")
  std::string label_id;
  std::string label_en;
  bool sensitive = false;
  std::vector<std::string> synonyms;
};

class CategoryTaxonomy {
 public:
  // The default taxonomy shipped in geodata/categories.json.
  static CategoryTaxonomy defaults();
  // From a JSON array of category objects; throws peta::Error naming the entry and key on bad input.
  static CategoryTaxonomy from_json(const nlohmann::json& array, const std::string& where);

  const std::vector<Category>& categories() const { return categories_; }
  std::size_t size() const { return categories_.size(); }
  // Index of the category a value means, or nullopt for an unknown value.
  std::optional<std::size_t> match(const std::string& value) const;

 private:
  void index();
  std::vector<Category> categories_;
  std::unordered_map<std::string, std::size_t> by_key_;
};

}  // namespace peta
