#include "output/geojson_layer_writer.hpp"

#include <optional>

#include "output/geojson_point_file.hpp"
#include "output/single_file_layer_writer.hpp"

namespace peta::output_detail {
namespace {

// RFC 7946 mode wants an SRS even for a table of null geometries. GeoJSON has no date type: dates are ISO 8601
// "YYYY-MM-DD" strings (readers such as GDAL detect them).
SingleFileFormat gdal_geojson() {
  return {"GeoJSON", ".geojson", {"RFC7946=YES", "COORDINATE_PRECISION=7", "WRITE_NAME=NO"}, OFTString};
}

// Points and tables (the findings: up to millions) as text written directly (geojson_point_file.hpp, the same
// bytes as GDAL's); polygons and lines through GDAL's GeoJSON driver.
class GeoJsonWriter final : public FormatWriter {
 public:
  explicit GeoJsonWriter(StagingFolder& staging)
      : staging_(staging), gdal_(make_single_file_writer(staging, gdal_geojson())) {}

  void begin_layer(const LayerSchema& schema) override {
    if (!GeoJsonPointFile::suits(schema)) return gdal_->begin_layer(schema);
    file_name_ = schema.name + ".geojson";
    const std::string where = (staging_.final_folder() / file_name_).string() + ", layer " + schema.name;
    fast_.emplace(staging_.temp_path(file_name_).string(), schema, where);
  }
  void write(const Feature& feature) override {
    if (fast_) fast_->write(feature);
    else gdal_->write(feature);
  }
  void end_layer() override {
    if (!fast_) return gdal_->end_layer();
    fast_->close();
    fast_.reset();
    staging_.stage(file_name_);
  }
  void finish() override { gdal_->finish(); }

 private:
  StagingFolder& staging_;
  std::unique_ptr<FormatWriter> gdal_;
  std::optional<GeoJsonPointFile> fast_;
  std::string file_name_;
};

}  // namespace

std::unique_ptr<FormatWriter> make_geojson_writer(StagingFolder& staging) {
  return std::make_unique<GeoJsonWriter>(staging);
}

std::unique_ptr<FormatWriter> make_gdal_geojson_writer(StagingFolder& staging) {
  return make_single_file_writer(staging, gdal_geojson());
}

}  // namespace peta::output_detail
