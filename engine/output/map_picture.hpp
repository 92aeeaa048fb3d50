#pragma once
// A quick-look PNG of a polygon layer in its graduated or categorized style, drawn with GDAL alone
// (no QGIS): polygons filled by class (GDALRasterizeGeometries on an RGBA MEM raster), thin borders,
// an optional thick outline layer on top (the kabupaten), a title and a legend drawn with a built-in
// 5x7 pixel font (upper case), then copied to PNG. Square ground pixels (longitude scaled by the
// cosine of the latitude).
#include <string>

#include "output/qml_style.hpp"

namespace peta {

struct MapPictureSpec {
  std::string source;          // OGR dataset holding the layer
  std::string layer;           // layer name in `source` (empty: its first layer)
  std::string field;           // the field the style classifies (as named in `source`)
  std::string outline_source;  // optional: dataset and layer drawn as a thick outline on top
  std::string outline_layer;
  std::string title;
  int map_width_px = 1400;
};

// Writes `png_path`. Throws peta::Error when the source cannot be read or the PNG written.
void render_map_picture(const MapPictureSpec& spec, const LayerStyle& style, const std::string& png_path);

}  // namespace peta
