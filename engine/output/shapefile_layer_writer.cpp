#include "output/shapefile_layer_writer.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>

#include <gdal_priv.h>

#include "core/error.hpp"
#include "output/ogr_layer_output.hpp"
#include "output/shapefile_field_names.hpp"

namespace peta::output_detail {
namespace {

constexpr int kMaxTextBytes = 254;      // dBase character fields
constexpr int kDefaultIntegerWidth = 10;
constexpr int kMaxIntegerWidth = 18;    // GDAL's limit for Integer64 in .dbf
constexpr int kDefaultRealPrecision = 6;

// Every sidecar a shapefile may have; the stale ones of a previous run are removed at commit.
constexpr const char* kSidecars[] = {".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx"};

std::vector<OgrFieldSpec> shapefile_fields(const LayerSchema& schema) {
  const std::vector<std::string> names = shapefile_field_names(schema);
  std::vector<OgrFieldSpec> specs;
  for (std::size_t i = 0; i < schema.fields.size(); ++i) {
    const FieldDef& f = schema.fields[i];
    const DbfFieldSize size = dbf_field_size(f, schema.name);
    OgrFieldSpec s{names[i], f.type};
    s.width = size.width;
    s.precision = size.precision;
    switch (f.type) {
      case FieldType::integer: s.type = s.width <= 9 ? OFTInteger : OFTInteger64; break;
      case FieldType::real: s.type = OFTReal; break;
      case FieldType::text:
        s.type = OFTString;
        s.max_text_bytes = static_cast<std::size_t>(s.width);
        break;
      case FieldType::date: s.type = OFTDate; break;
    }
    specs.push_back(std::move(s));
  }
  return specs;
}

class ShapefileWriter final : public FormatWriter {
 public:
  explicit ShapefileWriter(StagingFolder& staging) : staging_(staging) {}

  void begin_layer(const LayerSchema& schema) override {
    auto fields = shapefile_fields(schema);  // validates the short names before any file exists
    base_name_ = schema.name;
    const bool spatial = schema.geometry != GeometryKind::none;
    // A single-file data source: GDAL names the files after this path (and writes only the .dbf
    // when the layer has no geometry).
    const std::string path = staging_.temp_path(base_name_ + (spatial ? ".shp" : ".dbf")).string();
    where_ = (staging_.final_folder() / (base_name_ + (spatial ? ".shp" : ".dbf"))).string() + ", layer " +
             schema.name;
    dataset_ = create_dataset("ESRI Shapefile", path, where_);
    const char* spatial_options[] = {"ENCODING=UTF-8", "SPATIAL_INDEX=YES", nullptr};
    const char* table_options[] = {"ENCODING=UTF-8", nullptr};
    layer_.emplace(*dataset_, base_name_, spatial ? wgs84_lonlat() : nullptr, schema.geometry,
                   spatial ? spatial_options : table_options, std::move(fields), where_);
  }

  void write(const Feature& feature) override { layer_->write(feature); }

  void end_layer() override {
    layer_.reset();
    dataset_.reset();  // closes the files and builds the .qix
    for (const char* ext : kSidecars) {
      const std::string name = base_name_ + ext;
      if (std::filesystem::exists(staging_.temp_path(name)))
        staging_.stage(name);
      else
        staging_.remove_at_commit(name);
    }
  }

  void finish() override {}

 private:
  StagingFolder& staging_;
  GDALDatasetUniquePtr dataset_;
  std::optional<OgrLayerOutput> layer_;
  std::string base_name_;
  std::string where_;
};

}  // namespace

DbfFieldSize dbf_field_size(const FieldDef& f, const std::string& layer) {
  DbfFieldSize s;
  switch (f.type) {
    case FieldType::integer:
      s.width = f.width > 0 ? f.width : kDefaultIntegerWidth;
      if (s.width > kMaxIntegerWidth)
        throw Error("layer " + layer + ", field " + f.name + ": integer width " + std::to_string(s.width) +
                    " exceeds 18");
      break;
    case FieldType::real:
      s.precision = f.precision > 0 ? f.precision : kDefaultRealPrecision;
      s.width = f.width > 0 ? f.width : s.precision + 13;  // sign, 11 integer digits, point
      if (s.width <= s.precision + 1)
        throw Error("layer " + layer + ", field " + f.name + ": width " + std::to_string(s.width) +
                    " leaves no room for " + std::to_string(s.precision) + " decimals");
      break;
    case FieldType::text: s.width = f.width > 0 ? std::min(f.width, kMaxTextBytes) : kMaxTextBytes; break;
    case FieldType::date: s.width = 8; break;
  }
  return s;
}

std::unique_ptr<FormatWriter> make_shapefile_writer(StagingFolder& staging) {
  return std::make_unique<ShapefileWriter>(staging);
}

}  // namespace peta::output_detail
