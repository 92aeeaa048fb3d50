#pragma once
#include <memory>

#include "output/atomic_file.hpp"
#include "output/format_writer.hpp"

namespace peta::output_detail {

// One RFC 7946 GeoJSON file per layer: <folder>/<layer>.geojson (no "crs" member, counter-clockwise
// outer rings, 7 decimals), full field names.
// Point layers and tables are written as text directly (geojson_point_file.hpp: GDAL's bytes, faster).
std::unique_ptr<FormatWriter> make_geojson_writer(StagingFolder& staging);
// Every layer through GDAL's GeoJSON driver (the reference the tests compare the fast writer with).
std::unique_ptr<FormatWriter> make_gdal_geojson_writer(StagingFolder& staging);

}  // namespace peta::output_detail
