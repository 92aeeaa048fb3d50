#include "output/qgis_project.hpp"
#include "core/gdal_init.hpp"

#include <cstdio>
#include <cstdlib>
#include <sstream>

#include <ogr_spatialref.h>

#include "core/crs.hpp"
#include "output/ogr_feature_conversion.hpp"

namespace peta {
namespace {

constexpr const char* kQgisVersion = "3.22.16-Białowieża";

// A CRS as QGIS writes it: WKT2, PROJ string, SRID and authority id (QGIS reads the WKT first; an
// authid alone leaves the project CRS unset).
std::string spatialrefsys(const char* authid) {
  ensure_gdal_registered();
  OGRSpatialReference srs;
  const int epsg = std::atoi(std::string(authid).substr(5).c_str());
  srs.importFromEPSG(epsg);
  char* wkt = nullptr;
  const char* options[] = {"FORMAT=WKT2_2019", nullptr};
  srs.exportToWkt(&wkt, options);
  char* proj4 = nullptr;
  srs.exportToProj4(&proj4);
  std::string out = std::string("<spatialrefsys><wkt>") + xml_escape(wkt ? wkt : "") + "</wkt><proj4>" +
                    xml_escape(proj4 ? proj4 : "") + "</proj4><srid>" + std::to_string(epsg) + "</srid><authid>" +
                    authid + "</authid><description>" + xml_escape(srs.GetName() ? srs.GetName() : "") +
                    "</description><geographicflag>" + (srs.IsGeographic() ? "true" : "false") +
                    "</geographicflag></spatialrefsys>";
  CPLFree(wkt);
  CPLFree(proj4);
  return out;
}

std::string fixed(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6f", v);
  return buf;
}

std::string extent_elements(const Box& b) {
  return "<xmin>" + fixed(b.min_x) + "</xmin><ymin>" + fixed(b.min_y) + "</ymin><xmax>" + fixed(b.max_x) +
         "</xmax><ymax>" + fixed(b.max_y) + "</ymax>";
}

// The lon/lat box in UTM 49S, with a 3 % margin.
Box metric_extent(const Box& lonlat) {
  Box out;
  if (lonlat.empty()) return out;
  CrsTransform to_metric(kExchangeCrs, kMetricCrs);
  for (double fx : {0.0, 0.5, 1.0})
    for (double fy : {0.0, 0.5, 1.0})
      out.expand(to_metric.apply(Coord{lonlat.min_x + fx * (lonlat.max_x - lonlat.min_x),
                                       lonlat.min_y + fy * (lonlat.max_y - lonlat.min_y)}));
  double mx = 0.03 * (out.max_x - out.min_x), my = 0.03 * (out.max_y - out.min_y);
  return {out.min_x - mx, out.min_y - my, out.max_x + mx, out.max_y + my};
}

const char* geometry_name(GeometryKind g) {
  switch (g) {
    case GeometryKind::point: return "Point";
    case GeometryKind::multilinestring: return "Line";
    case GeometryKind::multipolygon: return "Polygon";
    case GeometryKind::none: return "No geometry";
  }
  return "No geometry";
}

const char* wkb_name(GeometryKind g) {
  switch (g) {
    case GeometryKind::point: return "Point";
    case GeometryKind::multilinestring: return "MultiLineString";
    case GeometryKind::multipolygon: return "MultiPolygon";
    case GeometryKind::none: return "NoGeometry";
  }
  return "NoGeometry";
}

void write_layer(std::ostream& o, const ProjectLayer& l) {
  const LayerStyle& current = l.styles.at(l.current_style);
  o << "<maplayer type=\"vector\" geometry=\"" << geometry_name(l.geometry) << "\" wkbType=\"" << wkb_name(l.geometry)
    << "\" " << qml_root_attributes(current) << " readOnly=\"0\" autoRefreshEnabled=\"0\" autoRefreshTime=\"0\">\n";
  if (!l.extent.empty()) o << "<extent>" << extent_elements(l.extent) << "</extent>\n";
  o << "<id>" << xml_escape(l.id) << "</id>\n<datasource>" << xml_escape(l.datasource) << "</datasource>\n"
    << "<layername>" << xml_escape(l.title) << "</layername>\n<srs>" << spatialrefsys(kExchangeCrs) << "</srs>\n"
    << "<provider encoding=\"UTF-8\">ogr</provider>\n";
  o << "<map-layer-style-manager current=\"" << xml_escape(current.name) << "\">\n";
  for (std::size_t i = 0; i < l.styles.size(); ++i) {
    const LayerStyle& s = l.styles[i];
    if (i == l.current_style) {
      o << "<map-layer-style name=\"" << xml_escape(s.name) << "\"/>\n";
      continue;
    }
    o << "<map-layer-style name=\"" << xml_escape(s.name) << "\"><qgis version=\"" << kQgisVersion << "\" "
      << qml_root_attributes(s) << ">" << qml_style_elements(s, l.naming) << "</qgis></map-layer-style>\n";
  }
  o << "</map-layer-style-manager>\n" << qml_style_elements(current, l.naming) << "</maplayer>\n";
}

// An A4 portrait print layout with an Atlas over `coverage` (QGIS 3.22 layout XML; item types are
// QGraphicsItem::UserType + 100 + n: 65638 page, 65639 map, 65641 label, 65642 legend, 65646 scale bar).
void write_atlas_layout(std::ostream& o, const ProjectLayer& coverage, const Box& view) {
  const std::string map_uuid = "{5a1e9d3c-7b1f-4c55-9f0e-peta00000001}";
  auto item = [](const char* type, const char* uuid, const char* id, const char* position, const char* size) {
    return std::string("<LayoutItem type=\"") + type + "\" uuid=\"" + uuid + "\" id=\"" + id +
           "\" position=\"" + position + "\" positionOnPage=\"" + position + "\" size=\"" + size +
           "\" referencePoint=\"0\" positionLock=\"false\" visibility=\"1\" zValue=\"1\" frame=\"false\""
           " background=\"false\" blendMode=\"0\" opacity=\"1\" excludeFromExports=\"0\" itemRotation=\"0\"";
  };
  o << "<Layouts>\n<Layout name=\"Buklet kecamatan\" units=\"mm\" printResolution=\"300\" worldFileMap=\"\">\n"
    << "<PageCollection>" << item("65638", "{peta-page-1}", "", "0,0,mm", "210,297,mm")
    << "><FrameColor/><BackgroundColor/></LayoutItem></PageCollection>\n";
  o << item("65639", map_uuid.c_str(), "Peta", "10,30,mm", "190,190,mm")
    << " keepLayerSet=\"false\" followPreset=\"false\" followPresetName=\"\" drawCanvasItems=\"true\""
       " mapRotation=\"0\" labelMargin=\"0,mm\" isTemporal=\"0\">"
    << "<Extent xmin=\"" << fixed(view.min_x) << "\" ymin=\"" << fixed(view.min_y) << "\" xmax=\"" << fixed(view.max_x)
    << "\" ymax=\"" << fixed(view.max_y) << "\"/><crs>" << spatialrefsys(kMetricCrs) << "</crs>"
    << "<LayerSet/><AtlasMap atlasDriven=\"1\" scalingMode=\"2\" margin=\"0.1\"/></LayoutItem>\n";
  o << item("65641", "{peta-label-title}", "Judul", "10,10,mm", "190,14,mm")
    << " labelText=\"Kecamatan [% &quot;nama&quot; %]\" htmlState=\"0\" marginX=\"0\" marginY=\"0\" halign=\"1\""
       " valign=\"128\"><LabelFont description=\"DejaVu Sans,18,-1,5,75,0,0,0,0,0\" style=\"\"/>"
       "<FontColor red=\"33\" green=\"33\" blue=\"33\" alpha=\"255\"/></LayoutItem>\n";
  o << item("65642", "{peta-legend}", "Legenda", "10,225,mm", "120,60,mm")
    << " map_uuid=\"" << map_uuid << "\" title=\"Legenda\" resizeToContents=\"1\" legendFilterByAtlas=\"1\""
       " columnCount=\"1\"></LayoutItem>\n";
  o << item("65646", "{peta-scalebar}", "Skala", "140,225,mm", "60,12,mm")
    << " mapUuid=\"" << map_uuid << "\" style=\"Single Box\" unitType=\"kilometers\" unitLabel=\"km\""
       " numUnitsPerSegment=\"1\" numSegments=\"2\" numSegmentsLeft=\"0\" segmentSizeMode=\"1\""
       " minBarWidth=\"30\" maxBarWidth=\"60\" numMapUnitsPerScaleBarUnit=\"1000\" height=\"3\"></LayoutItem>\n";
  o << item("65641", "{peta-label-north}", "Utara", "190,32,mm", "8,8,mm")
    << " labelText=\"U ▲\" htmlState=\"0\" marginX=\"0\" marginY=\"0\" halign=\"4\" valign=\"32\">"
       "<LabelFont description=\"DejaVu Sans,10,-1,5,75,0,0,0,0,0\" style=\"\"/></LayoutItem>\n";
  o << "<Atlas enabled=\"1\" hideCoverage=\"0\" filenamePattern=\"'buklet_' || &quot;kode&quot;\""
       " pageNameExpression=\"&quot;nama&quot;\" coverageLayer=\"" << xml_escape(coverage.id)
    << "\" coverageLayerName=\"" << xml_escape(coverage.title) << "\" coverageLayerSource=\""
    << xml_escape(coverage.datasource) << "\" coverageLayerProvider=\"ogr\" sortFeatures=\"1\" sortKey=\"kode\""
       " sortAscending=\"1\" filterFeatures=\"0\"/>\n</Layout>\n</Layouts>\n";
}

// One entry of the layer panel: a vector layer or a raster, in panel order (top first).
struct PanelEntry {
  std::string id, title, source, provider;
  bool visible = true, expanded = true;
};

std::vector<PanelEntry> panel(const ProjectSpec& project) {
  std::vector<PanelEntry> out;
  std::vector<bool> placed(project.rasters.size(), false);
  auto raster_entry = [](const ProjectRaster& r) { return PanelEntry{r.id, r.title, r.datasource, "gdal", true, true}; };
  for (const auto& l : project.layers) {
    for (std::size_t i = 0; i < project.rasters.size(); ++i)
      if (!placed[i] && project.rasters[i].above == l.id) out.push_back(raster_entry(project.rasters[i])), placed[i] = true;
    out.push_back({l.id, l.title, l.datasource, "ogr", l.visible, l.geometry != GeometryKind::point});
  }
  for (std::size_t i = 0; i < project.rasters.size(); ++i)
    if (!placed[i]) out.push_back(raster_entry(project.rasters[i]));
  return out;
}

}  // namespace

std::string raster_layer_xml(const ProjectRaster& r) {
  // ColorBrewer YlOrRd (5 classes) as an interpolated ramp over the stretch; QGIS recomputes the stretch (and the
  // ramp's items) from the cells in view whenever it draws (minMaxOrigin UpdatedCanvas).
  static const char* colours[] = {"#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"};
  std::ostringstream o;
  o << "<maplayer type=\"raster\" hasScaleBasedVisibilityFlag=\"0\" minScale=\"1e+08\" maxScale=\"0\""
       " styleCategories=\"AllStyleCategories\" autoRefreshEnabled=\"0\" autoRefreshTime=\"0\""
       " refreshOnNotifyEnabled=\"0\" refreshOnNotifyMessage=\"\">\n"
    << "<id>" << xml_escape(r.id) << "</id>\n<datasource>" << xml_escape(r.datasource) << "</datasource>\n"
    << "<layername>" << xml_escape(r.title) << "</layername>\n<srs>" << spatialrefsys(kMetricCrs) << "</srs>\n"
    << "<provider>gdal</provider>\n<noData><noDataList bandNo=\"1\" useSrcNoData=\"1\"/></noData>\n"
    << "<pipe>\n<rasterrenderer type=\"singlebandpseudocolor\" band=\"1\" opacity=\"0.7\" alphaBand=\"-1\""
       " classificationMin=\"0\" classificationMax=\"1\" nodataColor=\"\">\n"
    << "<rasterTransparency><singleValuePixelList><pixelListEntry min=\"0\" max=\"0\" percentTransparent=\"100\"/>"
       "</singleValuePixelList></rasterTransparency>\n"
    << "<minMaxOrigin><limits>MinMax</limits><extent>UpdatedCanvas</extent><statAccuracy>Estimated</statAccuracy>"
       "<cumulativeCutLower>0.02</cumulativeCutLower><cumulativeCutUpper>0.98</cumulativeCutUpper>"
       "<stdDevFactor>2</stdDevFactor></minMaxOrigin>\n"
    << "<rastershader><colorrampshader colorRampType=\"INTERPOLATED\" classificationMode=\"1\" clip=\"0\""
       " minimumValue=\"0\" maximumValue=\"1\" labelPrecision=\"2\">\n"
    << "<colorramp type=\"gradient\" name=\"[source]\"><Option type=\"Map\">"
       "<Option type=\"QString\" name=\"color1\" value=\"255,255,178,255\"/>"
       "<Option type=\"QString\" name=\"color2\" value=\"189,0,38,255\"/>"
       "<Option type=\"QString\" name=\"discrete\" value=\"0\"/>"
       "<Option type=\"QString\" name=\"rampType\" value=\"gradient\"/>"
       "<Option type=\"QString\" name=\"stops\" value=\"0.25;254,204,92,255:0.5;253,141,60,255:0.75;240,59,32,255\"/>"
       "</Option></colorramp>\n";
  for (int i = 0; i < 5; ++i)
    o << "<item alpha=\"255\" value=\"" << fixed(i / 4.0) << "\" label=\"" << fixed(i / 4.0) << "\" color=\""
      << colours[i] << "\"/>\n";
  o << "</colorrampshader></rastershader>\n</rasterrenderer>\n"
    << "<brightnesscontrast brightness=\"0\" contrast=\"0\" gamma=\"1\"/>\n"
    << "<huesaturation saturation=\"0\" grayscaleMode=\"0\" colorizeOn=\"0\" colorizeRed=\"255\""
       " colorizeGreen=\"128\" colorizeBlue=\"128\" colorizeStrength=\"100\"/>\n"
    << "<rasterresampler maxOversampling=\"2\"/>\n</pipe>\n<blendMode>0</blendMode>\n";
  if (!r.legend.empty()) o << "<abstract>" << xml_escape(r.legend) << "</abstract>\n";
  o << "</maplayer>\n";
  return o.str();
}

std::string qgis_project_xml(const ProjectSpec& project) {
  Box lonlat;
  for (const auto& l : project.layers)
    if (l.geometry != GeometryKind::point) lonlat.expand(l.extent);
  if (lonlat.empty())
    for (const auto& l : project.layers) lonlat.expand(l.extent);
  const Box view = metric_extent(lonlat);

  std::ostringstream o;
  o << "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
    << "<qgis projectname=\"" << xml_escape(project.title) << "\" version=\"" << kQgisVersion << "\">\n"
    << "<homePath path=\"\"/>\n<title>" << xml_escape(project.title) << "</title>\n"
    << "<projectCrs>" << spatialrefsys(kMetricCrs) << "</projectCrs>\n";
  const std::vector<PanelEntry> entries = panel(project);
  o << "<layer-tree-group>\n";
  for (const auto& e : entries)
    o << "<layer-tree-layer id=\"" << xml_escape(e.id) << "\" name=\"" << xml_escape(e.title) << "\" source=\""
      << xml_escape(e.source) << "\" providerKey=\"" << e.provider << "\" checked=\""
      << (e.visible ? "Qt::Checked" : "Qt::Unchecked") << "\" expanded=\"" << (e.expanded ? "1" : "0") << "\"/>\n";
  o << "<custom-order enabled=\"0\">";
  for (const auto& e : entries) o << "<item>" << xml_escape(e.id) << "</item>";
  o << "</custom-order>\n</layer-tree-group>\n";
  if (!view.empty()) {
    o << "<mapcanvas name=\"theMapCanvas\" annotationsVisible=\"1\"><units>meters</units><extent>"
      << extent_elements(view) << "</extent><rotation>0</rotation><destinationsrs>" << spatialrefsys(kMetricCrs)
      << "</destinationsrs><rendermaptile>0</rendermaptile></mapcanvas>\n"
      << "<ProjectViewSettings UseProjectScales=\"0\" rotation=\"0\"><Scales/><DefaultViewExtent xmin=\""
      << fixed(view.min_x) << "\" ymin=\"" << fixed(view.min_y) << "\" xmax=\"" << fixed(view.max_x) << "\" ymax=\""
      << fixed(view.max_y) << "\">" << spatialrefsys(kMetricCrs) << "</DefaultViewExtent></ProjectViewSettings>\n";
  }
  o << "<projectlayers>\n";
  for (const auto& l : project.layers) write_layer(o, l);
  for (const auto& r : project.rasters) o << raster_layer_xml(r);
  o << "</projectlayers>\n<layerorder>";
  for (const auto& e : entries) o << "<layer id=\"" << xml_escape(e.id) << "\"/>";
  o << "</layerorder>\n";
  for (const auto& l : project.layers)
    if (!project.atlas_layer_id.empty() && l.id == project.atlas_layer_id && !view.empty()) write_atlas_layout(o, l, view);
  o << "<properties><Paths><Absolute type=\"bool\">false</Absolute></Paths>"
       "<SpatialRefSys><ProjectionsEnabled type=\"int\">1</ProjectionsEnabled></SpatialRefSys></properties>\n</qgis>\n";
  return o.str();
}

}  // namespace peta
