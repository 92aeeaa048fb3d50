#pragma once
#include <memory>

#include "output/atomic_file.hpp"
#include "output/format_writer.hpp"

namespace peta::output_detail {

// One FlatGeobuf file per layer: <folder>/<layer>.fgb (EPSG:4326, full field names, dates as FlatGeobuf
// DateTime), with GDAL's packed Hilbert R-tree (SPATIAL_INDEX=YES). QGIS reads it natively and it writes a
// million points several times faster than GeoJSON or a shapefile (BENCHMARKS.md, "The point layer").
std::unique_ptr<FormatWriter> make_flatgeobuf_writer(StagingFolder& staging);

}  // namespace peta::output_detail
