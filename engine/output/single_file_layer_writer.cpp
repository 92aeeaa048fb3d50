#include "output/single_file_layer_writer.hpp"

#include <optional>

#include <gdal_priv.h>

#include "output/ogr_layer_output.hpp"

namespace peta::output_detail {
namespace {

class SingleFileWriter final : public FormatWriter {
 public:
  SingleFileWriter(StagingFolder& staging, SingleFileFormat format) : staging_(staging), format_(std::move(format)) {
    format_.layer_options.push_back(nullptr);
  }

  void begin_layer(const LayerSchema& schema) override {
    file_name_ = schema.name + format_.extension;
    const std::string path = staging_.temp_path(file_name_).string();
    where_ = (staging_.final_folder() / file_name_).string() + ", layer " + schema.name;
    dataset_ = create_dataset(format_.driver, path, where_);
    layer_.emplace(*dataset_, schema.name, wgs84_lonlat(), schema.geometry, format_.layer_options.data(),
                   full_name_fields(schema, format_.date_type), where_);
  }

  void write(const Feature& feature) override { layer_->write(feature); }

  void end_layer() override {
    layer_.reset();
    dataset_.reset();  // closes and flushes the file (FlatGeobuf: sorts along the Hilbert curve, writes the index)
    staging_.stage(file_name_);
  }

  void finish() override {}

 private:
  StagingFolder& staging_;
  SingleFileFormat format_;
  GDALDatasetUniquePtr dataset_;
  std::optional<OgrLayerOutput> layer_;
  std::string file_name_;
  std::string where_;
};

}  // namespace

std::unique_ptr<FormatWriter> make_single_file_writer(StagingFolder& staging, SingleFileFormat format) {
  return std::make_unique<SingleFileWriter>(staging, std::move(format));
}

}  // namespace peta::output_detail
