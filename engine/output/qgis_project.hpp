#pragma once
// A QGIS project (.qgs XML) that opens a run's layers together, in order, each with its styles
// embedded (the default one current, the others in QGIS's style manager), in EPSG:32749 (UTM 49S)
// and zoomed to the layers. Written from C++: no QGIS needed at run time.
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "output/qml_style.hpp"

namespace peta {

struct ProjectLayer {
  std::string id;          // unique in the project, over 10 characters (QGIS replaces shorter ids)
  std::string title;       // shown in the layers panel
  std::string datasource;  // relative to the project file, e.g. "./peta.gpkg|layername=desa"
  GeometryKind geometry = GeometryKind::multipolygon;
  Box extent;              // lon/lat; may be empty
  std::vector<LayerStyle> styles;
  std::size_t current_style = 0;
  bool visible = true;
  FieldNaming naming = FieldNaming::full;  // `any` for shapefile sources (short field names)
};

struct ProjectSpec {
  std::string title;
  std::vector<ProjectLayer> layers;  // top of the layer panel first (drawn last)
  // When set (the id of a polygon layer, e.g. the kecamatan): an A4 print layout "Buklet kecamatan" with an Atlas
  // over that layer: a map that follows each feature, its name as the title, a legend, a scale bar and a north
  // label, so an officer can print or edit the booklet's map pages in QGIS.
  std::string atlas_layer_id;
};

std::string qgis_project_xml(const ProjectSpec& project);

}  // namespace peta
