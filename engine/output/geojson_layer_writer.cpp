#include "output/geojson_layer_writer.hpp"

#include "output/single_file_layer_writer.hpp"

namespace peta::output_detail {

// RFC 7946 mode wants an SRS even for a table of null geometries. GeoJSON has no date type: dates are ISO 8601
// "YYYY-MM-DD" strings (readers such as GDAL detect them).
std::unique_ptr<FormatWriter> make_geojson_writer(StagingFolder& staging) {
  return make_single_file_writer(staging,
                                 {"GeoJSON", ".geojson", {"RFC7946=YES", "COORDINATE_PRECISION=7", "WRITE_NAME=NO"}, OFTString});
}

}  // namespace peta::output_detail
