#include "output/qml_style.hpp"

#include <cstdio>
#include <sstream>

namespace peta {
namespace {

constexpr const char* kQgisVersion = "3.22.16-Białowieża";

std::string rgba(const Rgba& c) {
  return std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b) + "," + std::to_string(c.a);
}

std::string number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

// A symbol layer's properties, written both as an <Option> map (QGIS >= 3.16) and as legacy <prop>
// elements, as QGIS 3.22 itself writes them, so older and newer readers both take them.
void write_properties(std::ostream& o, const std::vector<std::pair<std::string, std::string>>& props) {
  o << "<Option type=\"Map\">";
  for (const auto& [k, v] : props)
    o << "<Option name=\"" << k << "\" type=\"QString\" value=\"" << xml_escape(v) << "\"/>";
  o << "</Option>";
  for (const auto& [k, v] : props) o << "<prop k=\"" << k << "\" v=\"" << xml_escape(v) << "\"/>";
}

void write_symbol(std::ostream& o, const std::string& name, GeometryKind geometry, const SymbolSpec& s) {
  const char* type = geometry == GeometryKind::point ? "marker"
                     : geometry == GeometryKind::multilinestring ? "line" : "fill";
  o << "<symbol type=\"" << type << "\" name=\"" << name
    << "\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">";
  if (geometry == GeometryKind::point) {
    o << "<layer class=\"SimpleMarker\" enabled=\"1\" pass=\"0\" locked=\"0\">";
    write_properties(o, {{"name", "circle"}, {"color", rgba(s.fill)}, {"outline_color", rgba(s.outline)},
                         {"outline_style", "solid"}, {"outline_width", number(s.outline_mm)},
                         {"outline_width_unit", "MM"}, {"size", number(s.size_mm)}, {"size_unit", "MM"},
                         {"scale_method", "diameter"}, {"angle", "0"}, {"joinstyle", "bevel"}});
  } else if (geometry == GeometryKind::multilinestring) {
    o << "<layer class=\"SimpleLine\" enabled=\"1\" pass=\"0\" locked=\"0\">";
    write_properties(o, {{"line_color", rgba(s.outline)}, {"line_style", "solid"},
                         {"line_width", number(s.outline_mm)}, {"line_width_unit", "MM"},
                         {"capstyle", "round"}, {"joinstyle", "round"}});
  } else {
    o << "<layer class=\"SimpleFill\" enabled=\"1\" pass=\"0\" locked=\"0\">";
    write_properties(o, {{"color", rgba(s.fill)}, {"style", s.hollow ? "no" : "solid"},
                         {"outline_color", rgba(s.outline)}, {"outline_style", "solid"},
                         {"outline_width", number(s.outline_mm)}, {"outline_width_unit", "MM"},
                         {"joinstyle", "bevel"}, {"offset", "0,0"}, {"offset_unit", "MM"}});
  }
  o << "</layer></symbol>";
}

std::string quoted_literal(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// The attribute a renderer classifies: the field name, or, for a .qml shared by the GeoJSON (full
// names) and the shapefile (short names), an expression that reads whichever exists.
std::string renderer_attribute(const LayerStyle& s, FieldNaming naming) {
  if (naming == FieldNaming::full || s.field_short.empty() || s.field_short == s.field) return s.field;
  return "coalesce(attribute(@feature, " + quoted_literal(s.field) + "), attribute(@feature, " +
         quoted_literal(s.field_short) + "))";
}

void write_renderer(std::ostream& o, const LayerStyle& s, FieldNaming naming) {
  const char* common = " symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\" referencescale=\"-1\"";
  switch (s.renderer) {
    case RendererKind::single_symbol:
      o << "<renderer-v2 type=\"singleSymbol\"" << common << "><symbols>";
      write_symbol(o, "0", s.geometry, s.symbol);
      o << "</symbols><rotation/><sizescale/></renderer-v2>";
      break;
    case RendererKind::graduated: {
      std::vector<RangeSpec> ranges = s.ranges;
      std::string attr = renderer_attribute(s, naming);
      if (!s.null_label.empty()) {
        // NULL (withheld) reads as -1, a class of its own: no count is ever below 0.
        if (attr == s.field) attr = "\"" + s.field + "\"";
        attr = "coalesce(" + attr + ", -1)";
        ranges.insert(ranges.begin(), RangeSpec{-1, -1, s.null_label, {{228, 228, 228}, {110, 110, 110}, 0.15, false, 2.0}});
      }
      o << "<renderer-v2 type=\"graduatedSymbol\" attr=\"" << xml_escape(attr)
        << "\" graduatedMethod=\"GraduatedColor\"" << common << "><ranges>";
      for (std::size_t i = 0; i < ranges.size(); ++i)
        o << "<range lower=\"" << number(ranges[i].lower) << "\" upper=\"" << number(ranges[i].upper)
          << "\" symbol=\"" << i << "\" label=\"" << xml_escape(ranges[i].label) << "\" render=\"true\"/>";
      o << "</ranges><symbols>";
      for (std::size_t i = 0; i < ranges.size(); ++i)
        write_symbol(o, std::to_string(i), s.geometry, ranges[i].symbol);
      o << "</symbols><classificationMethod id=\"Custom\"><symmetricMode enabled=\"0\" astride=\"0\" "
           "symmetrypoint=\"0\"/><labelFormat format=\"%1–%2\" labelprecision=\"0\" trimtrailingzeroes=\"1\"/>"
           "<parameters><Option/></parameters><extraInformation/></classificationMethod>"
           "<rotation/><sizescale/></renderer-v2>";
      break;
    }
    case RendererKind::categorized:
      o << "<renderer-v2 type=\"categorizedSymbol\" attr=\"" << xml_escape(renderer_attribute(s, naming)) << "\""
        << common << "><categories>";
      for (std::size_t i = 0; i < s.categories.size(); ++i)
        o << "<category value=\"" << xml_escape(s.categories[i].value) << "\" symbol=\"" << i << "\" label=\""
          << xml_escape(s.categories[i].label) << "\" render=\"true\"/>";
      o << "</categories><symbols>";
      for (std::size_t i = 0; i < s.categories.size(); ++i)
        write_symbol(o, std::to_string(i), s.geometry, s.categories[i].symbol);
      o << "</symbols><rotation/><sizescale/></renderer-v2>";
      break;
  }
}

void write_labeling(std::ostream& o, const LayerStyle& s) {
  if (!s.has_labels) return;
  const LabelSpec& l = s.labels;
  // placement 1 = over the point (for polygons: their centroid, kept inside); rendering scaleMax is the
  // largest scale denominator at which labels still show.
  o << "<labeling type=\"simple\"><settings calloutType=\"simple\">"
    << "<text-style fieldName=\"" << xml_escape(l.field) << "\" isExpression=\"0\" fontFamily=\"Sans Serif\" "
    << "namedStyle=\"Regular\" fontSize=\"" << number(l.font_pt) << "\" fontSizeUnit=\"Point\" fontWeight=\"50\" "
    << "fontItalic=\"0\" textColor=\"40,40,40,255\" textOpacity=\"1\" multilineHeight=\"1\" allowHtml=\"0\">"
    << "<text-buffer bufferDraw=\"1\" bufferSize=\"0.7\" bufferSizeUnits=\"MM\" bufferColor=\"255,255,255,255\" "
    << "bufferOpacity=\"0.8\" bufferNoFill=\"1\" bufferJoinStyle=\"128\"/></text-style>"
    << "<text-format wrapChar=\"\" multilineAlign=\"1\" autoWrapLength=\"0\" useMaxLineLengthForAutoWrap=\"1\"/>"
    << "<placement placement=\"1\" centroidInside=\"1\" centroidWhole=\"0\" fitInPolygonOnly=\"0\" "
    << "priority=\"5\" dist=\"0\" offsetType=\"0\" quadOffset=\"4\" xOffset=\"0\" yOffset=\"0\" "
    << "offsetUnits=\"MM\" distUnits=\"MM\" placementFlags=\"10\" polygonPlacementFlags=\"2\"/>"
    << "<rendering scaleVisibility=\"1\" scaleMin=\"1\" scaleMax=\"" << number(l.max_scale)
    << "\" drawLabels=\"1\" obstacle=\"1\" obstacleFactor=\"1\" obstacleType=\"1\" displayAll=\"0\" "
    << "upsidedownLabels=\"0\" labelPerPart=\"0\" mergeLines=\"0\" minFeatureSize=\"0\" limitNumLabels=\"0\" "
    << "maxNumLabels=\"2000\" fontLimitPixelSize=\"0\" fontMinPixelSize=\"3\" fontMaxPixelSize=\"10000\" "
    << "zIndex=\"0\" unplacedVisibility=\"0\"/>"
    << "</settings></labeling>";
}

void write_aliases(std::ostream& o, const LayerStyle& s) {
  if (s.aliases.empty()) return;
  o << "<aliases>";
  for (std::size_t i = 0; i < s.aliases.size(); ++i)
    o << "<alias field=\"" << xml_escape(s.aliases[i].first) << "\" index=\"" << i << "\" name=\""
      << xml_escape(s.aliases[i].second) << "\"/>";
  o << "</aliases>";
}

int layer_geometry_type(GeometryKind g) {
  switch (g) {
    case GeometryKind::point: return 0;
    case GeometryKind::multilinestring: return 1;
    case GeometryKind::multipolygon: return 2;
    case GeometryKind::none: return 4;
  }
  return 4;
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += "&#10;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string qml_root_attributes(const LayerStyle& style) {
  return std::string("labelsEnabled=\"") + (style.has_labels ? "1" : "0") +
         "\" hasScaleBasedVisibilityFlag=\"0\" minScale=\"100000000\" maxScale=\"0\" "
         "styleCategories=\"AllStyleCategories\"";
}

std::string qml_style_elements(const LayerStyle& style, FieldNaming naming) {
  std::ostringstream o;
  write_renderer(o, style, naming);
  o << "\n";
  write_labeling(o, style);
  o << "<blendMode>0</blendMode><featureBlendMode>0</featureBlendMode><layerOpacity>1</layerOpacity>\n";
  write_aliases(o, style);
  o << "<layerGeometryType>" << layer_geometry_type(style.geometry) << "</layerGeometryType>\n";
  return o.str();
}

std::string qml_document(const LayerStyle& style, FieldNaming naming) {
  return std::string("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<qgis version=\"") +
         kQgisVersion + "\" " + qml_root_attributes(style) + ">\n" + qml_style_elements(style, naming) +
         "</qgis>\n";
}

}  // namespace peta
