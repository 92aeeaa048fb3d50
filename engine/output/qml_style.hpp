#pragma once
// QGIS layer styles as plain values, and their QML text (QGIS 3.x).
// A LayerStyle is what a layer shows when it opens: one renderer (single symbol, graduated ranges or
// categories), optional labels with scale-based visibility, and field aliases (the Indonesian labels).
// The same text serves as the <layer>.qml beside a file layer (QGIS loads it automatically), as a row of
// the GeoPackage's layer_styles table, and inside the QGIS project. Written from C++: peta never needs
// QGIS at run time.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "output/layer.hpp"

namespace peta {

struct Rgba {
  int r = 0, g = 0, b = 0, a = 255;
};

struct SymbolSpec {
  Rgba fill{200, 200, 200};
  Rgba outline{80, 80, 80};
  double outline_mm = 0.2;
  bool hollow = false;   // polygons: outline only
  double size_mm = 2.0;  // markers
};

struct RangeSpec {
  double lower = 0, upper = 0;  // inclusive; the first range holding a value wins
  std::string label;
  SymbolSpec symbol;
};

struct CategorySpec {
  std::string value;  // empty: every other value, NULL included
  std::string label;
  SymbolSpec symbol;
};

enum class RendererKind { single_symbol, graduated, categorized };

struct LabelSpec {
  std::string field;
  double max_scale = 150000;  // labels show at 1:max_scale and closer
  double font_pt = 8;
};

struct LayerStyle {
  std::string name;            // the style's name in QGIS (style manager, layer_styles.styleName)
  std::string description;     // layer_styles.description
  GeometryKind geometry = GeometryKind::multipolygon;
  RendererKind renderer = RendererKind::single_symbol;
  std::string field;           // graduated / categorized: the full field name
  std::string field_short;     // its shapefile name (empty: the same)
  std::vector<RangeSpec> ranges;
  // Graduated: when not empty, a NULL value (a count withheld by the public profile) gets a class of its own with
  // this label, drawn grey (the renderer classifies coalesce(field, -1)), instead of being left blank.
  std::string null_label;
  std::vector<CategorySpec> categories;
  SymbolSpec symbol;           // single symbol
  bool has_labels = false;
  LabelSpec labels;
  std::vector<std::pair<std::string, std::string>> aliases;  // field name -> alias (full and short names)
};

// Which field names the renderer and labels refer to.
enum class FieldNaming {
  full,  // GeoPackage, GeoJSON, the project: the full names
  any,   // a .qml shared by <layer>.geojson and <layer>.shp: an expression that takes either name
};

// The elements inside <qgis> (renderer-v2, labeling, aliases, ...), for embedding in a project.
std::string qml_style_elements(const LayerStyle& style, FieldNaming naming);
// Attributes of the <qgis>/<maplayer> element that belong to the style (labelsEnabled, ...).
std::string qml_root_attributes(const LayerStyle& style);
// A complete .qml document.
std::string qml_document(const LayerStyle& style, FieldNaming naming);

// XML escaping of text and attribute values.
std::string xml_escape(std::string_view text);

}  // namespace peta
