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

}  // namespace

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
  o << "<layer-tree-group>\n";
  for (const auto& l : project.layers)
    o << "<layer-tree-layer id=\"" << xml_escape(l.id) << "\" name=\"" << xml_escape(l.title) << "\" source=\""
      << xml_escape(l.datasource) << "\" providerKey=\"ogr\" checked=\"" << (l.visible ? "Qt::Checked" : "Qt::Unchecked")
      << "\" expanded=\"" << (l.geometry == GeometryKind::point ? "0" : "1") << "\"/>\n";
  o << "<custom-order enabled=\"0\">";
  for (const auto& l : project.layers) o << "<item>" << xml_escape(l.id) << "</item>";
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
  o << "</projectlayers>\n<layerorder>";
  for (const auto& l : project.layers) o << "<layer id=\"" << xml_escape(l.id) << "\"/>";
  o << "</layerorder>\n<properties><Paths><Absolute type=\"bool\">false</Absolute></Paths>"
       "<SpatialRefSys><ProjectionsEnabled type=\"int\">1</ProjectionsEnabled></SpatialRefSys></properties>\n</qgis>\n";
  return o.str();
}

}  // namespace peta
