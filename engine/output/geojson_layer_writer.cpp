#include "output/geojson_layer_writer.hpp"

#include <optional>

#include <gdal_priv.h>

#include "core/error.hpp"
#include "output/ogr_feature_conversion.hpp"

namespace peta::output_detail {
namespace {


class GeoJsonWriter final : public FormatWriter {
 public:
  explicit GeoJsonWriter(StagingFolder& staging) : staging_(staging) {}

  void begin_layer(const LayerSchema& schema) override {
    file_name_ = schema.name + ".geojson";
    const std::string path = staging_.temp_path(file_name_).string();
    where_ = (staging_.final_folder() / file_name_).string() + ", layer " + schema.name;
    dataset_.reset(ogr_driver("GeoJSON").Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!dataset_) throw Error(where_ + ": cannot create: " + CPLGetLastErrorMsg());

    const char* options[] = {"RFC7946=YES", "COORDINATE_PRECISION=7", "WRITE_NAME=NO", nullptr};
    // RFC 7946 mode wants an SRS even for a table of null geometries.
    layer_ = dataset_->CreateLayer(schema.name.c_str(), wgs84_lonlat(),
                                   ogr_geometry_type(schema.geometry), const_cast<char**>(options));
    if (!layer_) throw Error(where_ + ": cannot create layer: " + CPLGetLastErrorMsg());
  // GeoJSON has no date type: an ISO 8601 "YYYY-MM-DD" string (readers such as GDAL detect it).
    auto fields = full_name_fields(schema, OFTString);
    create_fields(*layer_, fields, where_);
    builder_.emplace(schema.geometry, std::move(fields), layer_->GetLayerDefn(), where_);
  }

  void write(const Feature& feature) override {
    if (layer_->CreateFeature(&builder_->build(feature)) != OGRERR_NONE)
      throw Error(where_ + ": cannot write a feature: " + CPLGetLastErrorMsg());
  }

  void end_layer() override {
    builder_.reset();
    layer_ = nullptr;
    dataset_.reset();  // closes and flushes the file
    staging_.stage(file_name_);
  }

  void finish() override {}

 private:
  StagingFolder& staging_;
  GDALDatasetUniquePtr dataset_;
  OGRLayer* layer_ = nullptr;
  std::optional<OgrFeatureBuilder> builder_;
  std::string file_name_;
  std::string where_;
};

}  // namespace

std::unique_ptr<FormatWriter> make_geojson_writer(StagingFolder& staging) {
  return std::make_unique<GeoJsonWriter>(staging);
}

}  // namespace peta::output_detail
