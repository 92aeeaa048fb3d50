#pragma once
#include <memory>

#include "output/atomic_file.hpp"
#include "output/format_writer.hpp"

namespace peta::output_detail {

// One shapefile per layer: <folder>/<layer>.shp/.shx/.dbf/.prj/.cpg/.qix, UTF-8 attributes, dBase
// field names from FieldDef::short_name, explicit widths; text cut at 254 bytes (or the field's
// width) on a UTF-8 character boundary. A layer without geometry becomes <layer>.dbf + .cpg only.
std::unique_ptr<FormatWriter> make_shapefile_writer(StagingFolder& staging);

}  // namespace peta::output_detail
