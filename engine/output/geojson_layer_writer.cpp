#include "output/geojson_layer_writer.hpp"

#include <optional>

#include <gdal_priv.h>

#include "core/error.hpp"
#include "output/ogr_layer_output.hpp"

namespace peta::output_detail {
namespace {


class GeoJsonWriter final : public FormatWriter {
 public:
  explicit GeoJsonWriter(StagingFolder& staging) : staging_(staging) {}

  void begin_layer(const LayerSchema& schema) override {
    file_name_ = schema.name + ".geojson";
    const std::string path = staging_.temp_path(file_name_).string();
    where_ = (staging_.final_folder() / file_name_).string() + ", layer " + schema.name;
    dataset_ = create_dataset("GeoJSON", path, where_);
    const char* options[] = {"RFC7946=YES", "COORDINATE_PRECISION=7", "WRITE_NAME=NO", nullptr};
    // RFC 7946 mode wants an SRS even for a table of null geometries. GeoJSON has no date type: dates are
    // ISO 8601 "YYYY-MM-DD" strings (readers such as GDAL detect them).
    layer_.emplace(*dataset_, schema.name, wgs84_lonlat(), schema.geometry, options,
                   full_name_fields(schema, OFTString), where_);
  }

  void write(const Feature& feature) override { layer_->write(feature); }

  void end_layer() override {
    layer_.reset();
    dataset_.reset();  // closes and flushes the file
    staging_.stage(file_name_);
  }

  void finish() override {}

 private:
  StagingFolder& staging_;
  GDALDatasetUniquePtr dataset_;
  std::optional<OgrLayerOutput> layer_;
  std::string file_name_;
  std::string where_;
};

}  // namespace

std::unique_ptr<FormatWriter> make_geojson_writer(StagingFolder& staging) {
  return std::make_unique<GeoJsonWriter>(staging);
}

}  // namespace peta::output_detail
