#include "output/ruas_layer.hpp"

#include <algorithm>
#include <cctype>

#include "output/source_fields.hpp"

namespace peta {

RuasLayer::RuasLayer(std::vector<std::string> passthrough) : passthrough_(passthrough.size()) {
  schema_ = {"ruas", GeometryKind::multilinestring, {}};
  std::vector<FieldDef> fixed = place_fields("Kode desa potongan ruas", "Code of the village of the piece");
  fixed.insert(fixed.end(), {
      {"panjang_m", FieldType::real, "", 12, 1, "Panjang potongan di desa ini (m, UTM 49S)",
       "Length of the piece in this village (m, UTM 49S)", "m"},
      {"baris", FieldType::integer, "", 10, 0, "Nomor baris/fitur di sumber", "Row or feature number in the source", ""},
      text_field("sumber", 254, "Berkas sumber", "Source file")});
  schema_.fields = source_fields(passthrough, fixed);
  for (auto& f : fixed) schema_.fields.push_back(std::move(f));
}

Feature RuasLayer::feature(const Finding& f, const std::vector<int>& column_map, int desa, const MultiLineString& piece,
                           double length_m, const Boundaries& b, const std::string& category_code,
                           const std::string& source) const {
  Feature out;
  out.geometry = piece;
  append_passthrough_values(out, f, column_map, passthrough_);
  append_place_values(out, b, desa, category_code);
  out.values.emplace_back(length_m);
  out.values.emplace_back(static_cast<std::int64_t>(f.row));
  out.values.emplace_back(source);
  return out;
}

}  // namespace peta
