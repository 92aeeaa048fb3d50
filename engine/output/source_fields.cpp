#include "output/source_fields.hpp"

#include <algorithm>
#include <cctype>

#include "output/short_names.hpp"

namespace peta {

std::vector<FieldDef> source_fields(const std::vector<std::string>& columns, const std::vector<FieldDef>& fixed) {
  auto key = [](std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  std::vector<std::string> names, taken;
  for (const auto& f : fixed) taken.push_back(f.name);
  for (const auto& c : columns) {
    bool clash = std::any_of(fixed.begin(), fixed.end(), [&](const FieldDef& f) { return key(f.name) == key(c); });
    names.push_back(clash ? c + "_asli" : c);
  }
  auto shorts = make_short_names(names, taken);
  std::vector<FieldDef> out;
  for (std::size_t i = 0; i < columns.size(); ++i)
    out.push_back({names[i], FieldType::text, shorts[i], 254, 0, "Kolom dari sumber: " + columns[i],
                   "Source column: " + columns[i], ""});
  return out;
}

}  // namespace peta
