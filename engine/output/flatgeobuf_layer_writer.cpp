#include "output/flatgeobuf_layer_writer.hpp"

#include <optional>

#include <gdal_priv.h>

#include "output/ogr_layer_output.hpp"

namespace peta::output_detail {
namespace {

class FlatGeobufWriter final : public FormatWriter {
 public:
  explicit FlatGeobufWriter(StagingFolder& staging) : staging_(staging) {}

  void begin_layer(const LayerSchema& schema) override {
    file_name_ = schema.name + ".fgb";
    const std::string path = staging_.temp_path(file_name_).string();
    where_ = (staging_.final_folder() / file_name_).string() + ", layer " + schema.name;
    dataset_ = create_dataset("FlatGeobuf", path, where_);
    const char* options[] = {"SPATIAL_INDEX=YES", nullptr};
    layer_.emplace(*dataset_, schema.name, wgs84_lonlat(), schema.geometry, options, full_name_fields(schema, OFTDate),
                   where_);
  }

  void write(const Feature& feature) override { layer_->write(feature); }

  void end_layer() override {
    layer_.reset();
    dataset_.reset();  // closes the file: GDAL sorts the features along the Hilbert curve and writes the index
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

std::unique_ptr<FormatWriter> make_flatgeobuf_writer(StagingFolder& staging) {
  return std::make_unique<FlatGeobufWriter>(staging);
}

}  // namespace peta::output_detail
