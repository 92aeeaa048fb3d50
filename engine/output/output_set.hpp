#pragma once
// Writes every layer of a run in each chosen format: one GeoJSON (RFC 7946) and one Shapefile
// (.shp/.shx/.dbf/.prj/.cpg/.qix) per layer, and one GeoPackage holding all of them, and on request one FlatGeobuf
// (.fgb) per layer; beside them, unless
// OutputOptions::qgis is false, what QGIS needs to open them styled (qgis_extras.hpp).
// Every file is written under a temporary name and renamed only when complete (commit()), so a
// crash never leaves a half-written layer behind. The temporaries live in a hidden staging folder
// <folder>/.peta-tmp-XXXXXX; commit() renames them over any earlier output of the same names.
// open_layer() throws peta::Error naming the field when a shapefile short name is missing, longer
// than 10 ASCII characters or collides with another (checked whatever formats are chosen).
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "output/layer.hpp"
#include "output/map_picture.hpp"

namespace peta {

struct OutputOptions {
  std::string folder;                 // created if missing
  bool geojson = true;
  bool shapefile = true;
  bool geopackage = true;
  std::string geopackage_name = "peta.gpkg";
  // QGIS extras (qgis_extras.hpp): data dictionaries, .qml styles, the GeoPackage's layer_styles, a
  // QGIS project <gpkg stem>.qgs and the picture <gpkg stem>_desa.png.
  bool qgis = true;
  std::string project_title;
  // The KDE density raster the run writes into `folder` after the layers (e.g. "kepadatan.tif"; empty: none): the
  // QGIS project gets a raster layer for it, styled in pseudocolour (qgis_project.hpp, ProjectRaster).
  std::string density_raster;
  // Called when a layer has been opened (its name; the layer before it is then complete) and when the commit
  // begins ("commit"): the run's progress display follows the layer writing through it. May be empty.
  std::function<void(const std::string& step)> on_step;
  bool flatgeobuf = false;  // <layer>.fgb per layer (flatgeobuf_layer_writer.hpp)
  // Draws the picture <gpkg stem>_desa.png among the QGIS extras (render/map_picture.hpp: render_map_picture);
  // empty: no picture.
  MapPictureDrawer draw_picture;
  // Each format written on its own thread (format_writers.hpp); the files are the same either way. Errors of a
  // format writer then surface at a later write, open_layer() or commit(), with the same message.
  bool parallel_writers = true;
};

class LayerSink {
 public:
  virtual ~LayerSink() = default;
  virtual void write(const Feature& feature) = 0;
  // A feature the caller no longer needs: the parallel writers keep it without a copy.
  virtual void write(Feature&& feature) { write(static_cast<const Feature&>(feature)); }
};

class OutputSet {
 public:
  explicit OutputSet(OutputOptions options);
  ~OutputSet();  // without commit(), removes every temporary file
  OutputSet(const OutputSet&) = delete;
  OutputSet& operator=(const OutputSet&) = delete;

  // Opens a layer in every format; the sink stays valid until the next open_layer() or commit().
  // Layers are written one after another.
  LayerSink& open_layer(const LayerSchema& schema);
  // Names the density raster the run will write into the folder after commit() (replaces
  // OutputOptions::density_raster, for runs that know only after the findings whether they write one).
  void set_density_raster(const std::string& name);
  // Closes every file and renames each to its final name. Returns the final paths.
  std::vector<std::string> commit();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace peta
