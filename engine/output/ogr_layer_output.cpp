#include "output/ogr_layer_output.hpp"

#include <cpl_error.h>

#include "core/error.hpp"

namespace peta::output_detail {

GDALDatasetUniquePtr create_dataset(const char* driver, const std::string& path, const std::string& where) {
  GDALDatasetUniquePtr dataset(ogr_driver(driver).Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!dataset) throw Error(where + ": cannot create: " + CPLGetLastErrorMsg());
  return dataset;
}

OGRLayer& OgrLayerOutput::create_layer(GDALDataset& dataset, const std::string& name, OGRSpatialReference* srs,
                                       GeometryKind geometry, const char* const* options,
                                       const std::vector<OgrFieldSpec>& fields, const std::string& where) {
  OGRLayer* layer =
      dataset.CreateLayer(name.c_str(), srs, ogr_geometry_type(geometry), const_cast<char**>(options));
  if (!layer) throw Error(where + ": cannot create layer: " + CPLGetLastErrorMsg());
  create_fields(*layer, fields, where);
  return *layer;
}

OgrLayerOutput::OgrLayerOutput(GDALDataset& dataset, const std::string& name, OGRSpatialReference* srs,
                               GeometryKind geometry, const char* const* options, std::vector<OgrFieldSpec> fields,
                               std::string where)
    : where_(std::move(where)),
      layer_(create_layer(dataset, name, srs, geometry, options, fields, where_)),
      builder_(geometry, std::move(fields), layer_.GetLayerDefn(), where_) {}

void OgrLayerOutput::write(const Feature& feature) {
  if (layer_.CreateFeature(&builder_.build(feature)) != OGRERR_NONE)
    throw Error(where_ + ": cannot write a feature: " + CPLGetLastErrorMsg());
}

}  // namespace peta::output_detail
