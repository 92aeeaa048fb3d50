#pragma once
// A format that writes one file per layer through an OGR driver (GeoJSON, FlatGeobuf): the file is written under
// its temporary name in the staging folder and staged when the layer ends.
#include <memory>
#include <string>
#include <vector>

#include <ogr_core.h>

#include "output/atomic_file.hpp"
#include "output/format_writer.hpp"

namespace peta::output_detail {

struct SingleFileFormat {
  const char* driver;                      // OGR driver name
  const char* extension;                   // ".geojson", ".fgb"
  std::vector<const char*> layer_options;  // without the closing nullptr
  OGRFieldType date_type;                  // how a date field is stored (OFTString where the format has no date)
};

std::unique_ptr<FormatWriter> make_single_file_writer(StagingFolder& staging, SingleFileFormat format);

}  // namespace peta::output_detail
