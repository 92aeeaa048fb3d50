#pragma once
// What makes a run's layers open right in QGIS, written beside them by OutputSet:
//   - <layer>.kamus.csv: the data dictionary of every layer;
//   - <layer>.qml: the default style, loaded by QGIS with <layer>.geojson, <layer>.shp or <layer>.fgb;
//   - the GeoPackage's layer_styles table: every style of every layer, the default one flagged;
//   - <gpkg stem>.qgs: a QGIS project with every layer, in order, styled;
//   - <gpkg stem>_desa.png: a picture of the desa layer in its default style.
// Styles that need the data (class breaks, categories found) are computed from the features as
// they are written (StyleObserver).
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "output/atomic_file.hpp"
#include "output/layer.hpp"
#include "output/map_picture.hpp"
#include "output/style_rules.hpp"

namespace peta::output_detail {

struct ExtrasFormats {
  bool geojson = false;
  bool shapefile = false;
  std::string geopackage;  // file name, empty when no GeoPackage is written
  std::string project_title;
  std::string density_raster;  // file name of the KDE raster written after the layers; empty: none
  bool flatgeobuf = false;     // <layer>.fgb: styled by <layer>.qml as GeoJSON and shapefiles are
  MapPictureDrawer draw_picture;  // empty: no picture
};

class QgisExtras {
 public:
  QgisExtras(StagingFolder& staging, ExtrasFormats formats);

  void begin_layer(const LayerSchema& schema);  // writes the data dictionary
  void observe(const Feature& feature);
  void end_layer();                             // computes the styles, writes <layer>.qml
  // The density raster's file name once it is known that the run writes one (before finish()).
  void set_density_raster(std::string name) { formats_.density_raster = std::move(name); }
  // After every format writer has finished (files closed): layer_styles, project, picture.
  void finish();

 private:
  struct Written {
    LayerSchema schema;
    std::vector<LayerStyle> styles;
    Box extent;
  };
  std::string stem() const;
  void write_project();
  void write_picture();

  StagingFolder& staging_;
  ExtrasFormats formats_;
  std::optional<LayerSchema> schema_;
  std::optional<StyleObserver> observer_;
  std::vector<Written> layers_;
};

}  // namespace peta::output_detail
