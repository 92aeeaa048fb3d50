#pragma once
// The ruas layer of a build from the findings store: each counted segment cut at the desa borders, one feature a
// piece in one desa with its length (panjang_m, m in EPSG:32749, as output/ruas_layer.hpp measures it), and the
// segment's life as the store's temuan layer carries it (id_temuan, status, OPD, first seen, due date, age,
// overdue). The fields are those of StoreTemuanLayer (the published source columns, place fields, tanggal,
// status...), presisi "garis", then panjang_m.
#include <string>
#include <vector>

#include "output/layer.hpp"
#include "output/store_temuan_layer.hpp"

namespace peta {

class StoreRuasLayer {
 public:
  explicit StoreRuasLayer(std::vector<std::string> published_columns);
  const LayerSchema& schema() const { return schema_; }
  // One piece of segment `f` in desa `desa`.
  Feature feature(const store::StoredFinding& f, int desa, const MultiLineString& piece, double length_m,
                  const Boundaries& b, const FindingLife& life) const;

 private:
  StoreTemuanLayer fields_;  // the finding's fields, shared with temuan
  LayerSchema schema_;
};

}  // namespace peta
