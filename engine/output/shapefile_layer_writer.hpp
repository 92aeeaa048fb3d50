#pragma once
#include <memory>
#include <string>

#include "output/atomic_file.hpp"
#include "output/format_writer.hpp"

namespace peta::output_detail {

// The width and precision a field gets in the .dbf (explicit in the schema, or the defaults:
// integers 10 digits, reals 6 decimals in 19 characters, text 254 bytes, dates 8). Throws peta::Error
// when they cannot hold the type (an integer wider than 18, a real with no room for its decimals).
struct DbfFieldSize {
  int width = 0;
  int precision = 0;
};
DbfFieldSize dbf_field_size(const FieldDef& field, const std::string& layer);

// One shapefile per layer: <folder>/<layer>.shp/.shx/.dbf/.prj/.cpg/.qix, UTF-8 attributes, dBase
// field names from FieldDef::short_name, explicit widths; text cut at 254 bytes (or the field's
// width) on a UTF-8 character boundary. A layer without geometry becomes <layer>.dbf + .cpg only.
std::unique_ptr<FormatWriter> make_shapefile_writer(StagingFolder& staging);

}  // namespace peta::output_detail
