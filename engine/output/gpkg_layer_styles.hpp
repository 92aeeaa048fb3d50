#pragma once
// QGIS's layer_styles table in a GeoPackage (the table QGIS itself creates when it saves a style
// "in the database"): one row per style, the default one flagged useAsDefault, so QGIS applies it
// the moment the layer opens and offers the others in its style manager.
#include <string>
#include <vector>

#include "output/qml_style.hpp"

namespace peta::output_detail {

struct StoredStyle {
  std::string table;            // the layer's table name
  std::string geometry_column;  // "geom", or empty for an attributes table
  LayerStyle style;
  bool is_default = false;
};

// Creates layer_styles in the (closed) GeoPackage at `path` and inserts every style.
void write_gpkg_layer_styles(const std::string& path, const std::vector<StoredStyle>& styles);

}  // namespace peta::output_detail
