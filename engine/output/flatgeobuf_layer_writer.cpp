#include "output/flatgeobuf_layer_writer.hpp"

#include "output/single_file_layer_writer.hpp"

namespace peta::output_detail {

std::unique_ptr<FormatWriter> make_flatgeobuf_writer(StagingFolder& staging) {
  return make_single_file_writer(staging, {"FlatGeobuf", ".fgb", {"SPATIAL_INDEX=YES"}, OFTDate});
}

}  // namespace peta::output_detail
