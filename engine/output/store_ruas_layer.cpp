#include "output/store_ruas_layer.hpp"

namespace peta {

StoreRuasLayer::StoreRuasLayer(std::vector<std::string> published_columns) : fields_(std::move(published_columns)) {
  schema_ = fields_.schema();
  schema_.name = "ruas";
  schema_.geometry = GeometryKind::multilinestring;
  schema_.fields.push_back({"panjang_m", FieldType::real, "", 12, 1, "Panjang potongan di desa ini (m, UTM 49S)",
                            "Length of the piece in this village (m, UTM 49S)", "m"});
}

Feature StoreRuasLayer::feature(const store::StoredFinding& f, int desa, const MultiLineString& piece, double length_m,
                                const Boundaries& b, const FindingLife& life) const {
  Feature out = fields_.feature(f, desa, Coord{}, b, life);
  out.geometry = piece;
  out.values.emplace_back(length_m);
  return out;
}

}  // namespace peta
