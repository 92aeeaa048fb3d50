#pragma once
// The line layer of damaged road stretches cut at desa borders: one feature per piece in one desa, with
// its length in metres (EPSG:32749).
#include <string>
#include <vector>

#include "core/admin_unit.hpp"
#include "core/finding.hpp"
#include "output/layer.hpp"

namespace peta {

class RuasLayer {
 public:
  explicit RuasLayer(std::vector<std::string> passthrough_columns);
  const LayerSchema& schema() const { return schema_; }
  // `column_map[i]`: index in the finding's attributes of pass-through column i, or -1.
  Feature feature(const Finding& f, const std::vector<int>& column_map, int desa, const MultiLineString& piece,
                  double length_m, const Boundaries& b, const std::string& category_code, const std::string& source) const;

 private:
  LayerSchema schema_;
  std::size_t passthrough_;
};

}  // namespace peta
