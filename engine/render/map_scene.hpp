#pragma once
// What one map shows, as plain values (no cairo here): filled units (desa) with their labels, outlines over them
// (kecamatan, then the kabupaten), a legend, and the extent, all in EPSG:32749 metres. The same scene is drawn
// to PNG, SVG or PDF (render/map_image.hpp) and onto a report page (render/cairo_map.hpp): one code path.
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "output/qml_style.hpp"

namespace peta::render {

struct LegendEntry {
  Rgba fill;
  std::string label;
  bool hatched = false;  // withheld counts: grey with diagonal hatching, on the map and in the legend
};

struct SceneUnit {
  const MultiPolygon* shape = nullptr;  // EPSG:32749; owned by the caller (a MapLayer)
  Rgba fill{255, 255, 255};
  bool hatched = false;
  bool filled = true;  // false: outline only
};

struct SceneLabel {
  std::string text;
  Coord at;            // EPSG:32749
  bool bold = false;   // kecamatan names on a kabupaten map
};

struct MapScene {
  std::string title;
  std::string legend_title;
  std::vector<LegendEntry> legend;
  std::vector<SceneUnit> units;                 // drawn first, with thin borders
  std::vector<const MultiPolygon*> outlines;    // drawn over the units (kecamatan)
  std::vector<const MultiPolygon*> boundary;    // drawn last, thickest (kabupaten, or the report's area)
  std::vector<SceneLabel> labels;               // placed greedily in this order (most important first)
  double label_pt = 7;
  Box extent;                                   // empty: the bounds of the units
  std::string lang = "id";                      // north arrow letter (U / N)
};

}  // namespace peta::render
