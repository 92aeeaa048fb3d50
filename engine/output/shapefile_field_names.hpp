#pragma once
#include <string>
#include <vector>

#include "output/layer.hpp"

namespace peta::output_detail {

// The dBase field name of every field of `schema` (FieldDef::short_name, or the name when that is
// empty). Throws peta::Error naming the field when a name is missing, longer than 10 characters,
// not plain ASCII [A-Za-z][A-Za-z0-9_]*, or collides (case-insensitively) with another field:
// GDAL would otherwise silently launder or truncate it.
std::vector<std::string> shapefile_field_names(const LayerSchema& schema);

}  // namespace peta::output_detail
