#pragma once
// Draws a map scene onto any cairo context (image, SVG or PDF surface) inside a box: the title on top, the map
// on the left, and a column on the right with the legend, the scale bar and the north arrow.
// Engine-internal (cairo types).
#include <cairo.h>

#include "render/map_scene.hpp"

namespace peta::render {

struct MapFrame {
  double x = 0, y = 0, w = 0, h = 0;       // the map area inside the box (page units)
  double metres_per_unit = 0;              // ground metres per page unit (EPSG:32749)
};

// Draws `scene` in the box (x, y, w, h) and returns where the map itself went.
MapFrame draw_map(cairo_t* cr, const MapScene& scene, double x, double y, double w, double h);

}  // namespace peta::render
