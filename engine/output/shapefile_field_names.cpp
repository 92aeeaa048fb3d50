#include "output/shapefile_field_names.hpp"

#include <map>

#include "core/error.hpp"

namespace peta::output_detail {
namespace {

constexpr std::size_t kMaxDbfNameLength = 10;

bool is_ascii_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

std::string upper_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

}  // namespace

std::vector<std::string> shapefile_field_names(const LayerSchema& schema) {
  std::vector<std::string> names;
  std::map<std::string, std::string> owner_by_upper;  // upper-cased short name -> field name
  for (const FieldDef& field : schema.fields) {
    const std::string where = "layer " + schema.name + ", field " + field.name;
    const std::string& candidate = field.short_name.empty() ? field.name : field.short_name;
    if (candidate.empty()) throw Error(where + ": shapefile short name is missing");
    if (candidate.size() > kMaxDbfNameLength)
      throw Error(where + ": shapefile short name '" + candidate + "' is longer than 10 characters" +
                  (field.short_name.empty() ? " (set FieldDef::short_name)" : ""));
    if (!is_ascii_letter(candidate.front()))
      throw Error(where + ": shapefile short name '" + candidate + "' must start with an ASCII letter");
    for (char c : candidate)
      if (!is_ascii_letter(c) && !is_ascii_digit(c) && c != '_')
        throw Error(where + ": shapefile short name '" + candidate +
                    "' may only hold ASCII letters, digits and '_'");
    auto [it, inserted] = owner_by_upper.emplace(upper_ascii(candidate), field.name);
    if (!inserted)
      throw Error(where + ": shapefile short name '" + candidate + "' collides with field " + it->second);
    names.push_back(candidate);
  }
  return names;
}

}  // namespace peta::output_detail
