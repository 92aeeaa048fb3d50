#pragma once
// A quick-look PNG of the desa layer in its default style, drawn by the map renderer (render/, cairo + pango):
// desa filled by class with thin borders, kecamatan outlines and the kabupaten boundary over them, kecamatan and
// desa names placed without collisions, a legend (with a hatched class for withheld counts), a scale bar in
// metres (the map is drawn in EPSG:32749) and a north arrow.
#include <functional>
#include <string>

#include "output/qml_style.hpp"

namespace peta {

struct MapPictureSpec {
  std::string source;            // OGR dataset holding the desa layer
  std::string layer;             // layer name in `source` (empty: its first layer)
  std::string field;             // the field the style classifies (as named in `source`)
  std::string kecamatan_source;  // optional: the kecamatan, drawn as outlines with their names
  std::string kecamatan_layer;
  std::string outline_source;    // optional: the kabupaten, drawn as a thick outline on top
  std::string outline_layer;
  std::string title;
  int k = 5;                     // the public profile's threshold, for the withheld class's label
  double width_pt = 1000;        // the picture's width in points; the PNG has png_scale pixels per point
  double png_scale = 1.6;
};

// Draws the picture into `png_path` (render/map_picture.hpp: render_map_picture). The output set is given one by
// its caller, so that the layer writers do not depend on the renderer; without one, no picture is drawn.
using MapPictureDrawer =
    std::function<void(const MapPictureSpec& spec, const LayerStyle& style, const std::string& png_path)>;

}  // namespace peta
