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

// A single-band raster (the KDE density kepadatan.tif, EPSG:32749), drawn in pseudocolour (ColorBrewer YlOrRd)
// from light to dark, its 0 cells transparent, 30 % see-through. The file need not exist when the project is
// written (the density is computed after the layers), so no class values are fixed: the stretch is the minimum
// to maximum of the cells in view (QGIS's "Min / max, updated canvas"), which QGIS computes as it draws.
struct ProjectRaster {
  std::string id;          // over 10 characters
  std::string title;
  std::string datasource;  // relative to the project file, e.g. "./kepadatan.tif"
  std::string legend;      // the unit, shown as the layer's legend title ("temuan per km²")
  std::string above;       // id of the vector layer it is drawn just above (e.g. the desa); empty: at the bottom
};

struct ProjectSpec {
  std::string title;
  std::vector<ProjectLayer> layers;  // top of the layer panel first (drawn last)
  std::vector<ProjectRaster> rasters;
  // When set (the id of a polygon layer, e.g. the kecamatan): an A4 print layout "Buklet kecamatan" with an Atlas
  // over that layer: a map that follows each feature, its name as the title, a legend, a scale bar and a north
  // label, so an officer can print or edit the booklet's map pages in QGIS.
  std::string atlas_layer_id;
};

std::string qgis_project_xml(const ProjectSpec& project);

// The raster's <maplayer> element (for tests and the project above).
std::string raster_layer_xml(const ProjectRaster& raster);

}  // namespace peta
