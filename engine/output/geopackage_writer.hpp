#pragma once
#include <memory>
#include <string>

#include "output/atomic_file.hpp"
#include "output/format_writer.hpp"

namespace peta::output_detail {

// One GeoPackage holding every layer (EPSG:4326, R-tree spatial index; a layer without geometry is
// a plain attributes table). Features are written in transactions of `batch_size`.
std::unique_ptr<FormatWriter> make_geopackage_writer(StagingFolder& staging, std::string file_name,
                                                     std::size_t batch_size = 100000);

}  // namespace peta::output_detail
