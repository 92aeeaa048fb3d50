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

std::vector<FieldDef> place_fields(const char* kode_desa_id, const char* kode_desa_en) {
  return {text_field("kode_desa", 13, kode_desa_id, kode_desa_en),
          text_field("nama_desa", 80, "Nama desa", "Village name"),
          text_field("kode_kec", 8, "Kode kecamatan", "District code"),
          text_field("nama_kec", 80, "Nama kecamatan", "District name"),
          text_field("kat_kode", 32, "Kode kategori (taksonomi)", "Category code (taxonomy)")};
}

void append_passthrough_values(Feature& out, const Finding& f, const std::vector<int>& column_map, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) {
    const std::string_view cell = f.attributes.get(column_map[i]);
    if (cell.empty()) out.values.emplace_back(std::monostate{});
    else out.values.emplace_back(std::string(cell));
  }
}

void append_place_values(Feature& out, const Boundaries& b, int desa, const std::string& category_code) {
  const AdminUnit& d = b.desa[static_cast<std::size_t>(desa)];
  const AdminUnit& k = b.kecamatan_of(static_cast<std::size_t>(desa));
  out.values.emplace_back(d.code.dotted());
  out.values.emplace_back(d.name);
  if (k.code.dotted().empty()) {  // an orphan desa: in no kecamatan
    out.values.emplace_back(std::monostate{});
    out.values.emplace_back(std::monostate{});
  } else {
    out.values.emplace_back(k.code.dotted());
    out.values.emplace_back(k.name);
  }
  out.values.emplace_back(category_code.empty() ? FieldValue{} : FieldValue{category_code});
}

}  // namespace peta
