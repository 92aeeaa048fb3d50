#pragma once
// What every format writer does with OGR: create the file, create a layer with its fields, and write
// features into it; each step throws peta::Error naming the file and layer.
#include <string>
#include <vector>

#include <gdal_priv.h>

#include "output/ogr_feature_conversion.hpp"

namespace peta::output_detail {

// An empty dataset at `path` made by the OGR driver `driver` ("GeoJSON", "ESRI Shapefile", "GPKG").
GDALDatasetUniquePtr create_dataset(const char* driver, const std::string& path, const std::string& where);

// One layer of `dataset` being written.
class OgrLayerOutput {
 public:
  // `options`: the driver's layer creation options, nullptr-terminated (or nullptr).
  OgrLayerOutput(GDALDataset& dataset, const std::string& name, OGRSpatialReference* srs, GeometryKind geometry,
                 const char* const* options, std::vector<OgrFieldSpec> fields, std::string where);
  void write(const Feature& feature);

 private:
  static OGRLayer& create_layer(GDALDataset& dataset, const std::string& name, OGRSpatialReference* srs,
                                GeometryKind geometry, const char* const* options,
                                const std::vector<OgrFieldSpec>& fields, const std::string& where);
  std::string where_;
  OGRLayer& layer_;
  OgrFeatureBuilder builder_;
};

}  // namespace peta::output_detail
