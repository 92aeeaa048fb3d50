#include "output/ruas_layer.hpp"

#include <algorithm>
#include <cctype>

#include "output/source_fields.hpp"

namespace peta {

RuasLayer::RuasLayer(std::vector<std::string> passthrough) : passthrough_(passthrough.size()) {
  schema_ = {"ruas", GeometryKind::multilinestring, {}};
  std::vector<FieldDef> fixed = {
      text_field("kode_desa", 13, "Kode desa potongan ruas", "Code of the village of the piece"),
      text_field("nama_desa", 80, "Nama desa", "Village name"),
      text_field("kode_kec", 8, "Kode kecamatan", "District code"),
      text_field("nama_kec", 80, "Nama kecamatan", "District name"),
      text_field("kat_kode", 32, "Kode kategori (taksonomi)", "Category code (taxonomy)"),
      {"panjang_m", FieldType::real, "", 12, 1, "Panjang potongan di desa ini (m, UTM 49S)",
       "Length of the piece in this village (m, UTM 49S)", "m"},
      {"baris", FieldType::integer, "", 10, 0, "Nomor baris/fitur di sumber", "Row or feature number in the source", ""},
      text_field("sumber", 254, "Berkas sumber", "Source file")};
  schema_.fields = source_fields(passthrough, fixed);
  for (auto& f : fixed) schema_.fields.push_back(std::move(f));
}

Feature RuasLayer::feature(const Finding& f, const std::vector<int>& column_map, int desa, const MultiLineString& piece,
                           double length_m, const Boundaries& b, const std::string& category_code,
                           const std::string& source) const {
  Feature out;
  out.geometry = piece;
  for (std::size_t i = 0; i < passthrough_; ++i) {
    int c = column_map[i];
    if (c >= 0 && static_cast<std::size_t>(c) < f.attributes.size() && !f.attributes[static_cast<std::size_t>(c)].empty())
      out.values.emplace_back(std::string(f.attributes[static_cast<std::size_t>(c)]));
    else
      out.values.emplace_back(std::monostate{});
  }
  const AdminUnit& d = b.desa[static_cast<std::size_t>(desa)];
  const AdminUnit& k = b.kecamatan_of(static_cast<std::size_t>(desa));
  out.values.emplace_back(d.code.dotted());
  out.values.emplace_back(d.name);
  out.values.emplace_back(k.code.dotted());
  out.values.emplace_back(k.name);
  out.values.emplace_back(category_code.empty() ? FieldValue{} : FieldValue{category_code});
  out.values.emplace_back(length_m);
  out.values.emplace_back(static_cast<std::int64_t>(f.row));
  out.values.emplace_back(source);
  return out;
}

}  // namespace peta
