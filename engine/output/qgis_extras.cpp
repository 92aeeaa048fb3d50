#include "output/qgis_extras.hpp"

#include <algorithm>
#include <fstream>

#include "core/error.hpp"
#include "output/data_dictionary.hpp"
#include "output/gpkg_layer_styles.hpp"
#include "output/qgis_project.hpp"

namespace peta::output_detail {
namespace {

void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out.flush()) throw Error(path.string() + ": cannot write");
}

// Layer panel order (top first) and titles of the layers peta writes; others follow in write order.
struct KnownLayer { const char* name; const char* title; };
constexpr KnownLayer kPanelOrder[] = {{"temuan", "Temuan"},
                                      {"ditolak", "Temuan ditolak"},
                                      {"klaster", "Klaster DBSCAN"},  // above the opaque desa fill
                                      {"kecamatan", "Kecamatan"},
                                      {"matriks", "Matriks masalah–potensi"},  // only when the project asks for it
                                      {"desa", "Desa: jumlah temuan"},
                                      {"kabupaten", "Kabupaten"}};

int panel_rank(const std::string& name) {
  for (std::size_t i = 0; i < std::size(kPanelOrder); ++i)
    if (name == kPanelOrder[i].name) return static_cast<int>(i);
  return static_cast<int>(std::size(kPanelOrder));
}

std::string panel_title(const std::string& name) {
  for (const auto& k : kPanelOrder)
    if (name == k.name) return k.title;
  return name;
}

}  // namespace

QgisExtras::QgisExtras(StagingFolder& staging, ExtrasFormats formats)
    : staging_(staging), formats_(std::move(formats)) {}

std::string QgisExtras::stem() const {
  if (formats_.geopackage.empty()) return "peta";
  return std::filesystem::path(formats_.geopackage).stem().string();
}

void QgisExtras::begin_layer(const LayerSchema& schema) {
  schema_ = schema;
  observer_.emplace(schema);
  const std::string name = schema.name + kDataDictionarySuffix;
  std::ofstream out(staging_.temp_path(name), std::ios::binary);
  write_data_dictionary(out, schema);
  if (!out.flush()) throw Error((staging_.final_folder() / name).string() + ": cannot write");
  out.close();
  staging_.stage(name);
}

void QgisExtras::observe(const Feature& feature) { observer_->observe(feature); }

void QgisExtras::end_layer() {
  if (!schema_) return;
  Written w{*schema_, layer_styles(*schema_, *observer_), observer_->extent()};
  if (formats_.geojson || formats_.shapefile || formats_.flatgeobuf) {
    const std::string name = schema_->name + ".qml";
    write_text(staging_.temp_path(name), qml_document(w.styles.front(), FieldNaming::any));
    staging_.stage(name);
  }
  layers_.push_back(std::move(w));
  schema_.reset();
  observer_.reset();
}

void QgisExtras::finish() {
  end_layer();
  if (!formats_.geopackage.empty()) {
    std::vector<StoredStyle> stored;
    for (const auto& l : layers_)
      for (std::size_t i = 0; i < l.styles.size(); ++i)
        stored.push_back({l.schema.name, l.schema.geometry == GeometryKind::none ? "" : "geom", l.styles[i], i == 0});
    write_gpkg_layer_styles(staging_.temp_path(formats_.geopackage).string(), stored);
  }
  if (layers_.empty()) return;
  write_project();
  write_picture();
}

void QgisExtras::write_project() {
  std::vector<const Written*> order;
  for (const auto& l : layers_)
    if (l.schema.geometry != GeometryKind::none) order.push_back(&l);
  std::stable_sort(order.begin(), order.end(), [](const Written* a, const Written* b) {
    return panel_rank(a->schema.name) < panel_rank(b->schema.name);
  });
  ProjectSpec project;
  project.title = formats_.project_title.empty() ? "peta" : formats_.project_title;
  for (const Written* l : order) {
    ProjectLayer p;
    p.id = "peta_layer_" + l->schema.name;  // QGIS keeps a layer id only when it is over 10 characters
    p.title = panel_title(l->schema.name);
    if (!formats_.geopackage.empty()) p.datasource = "./" + formats_.geopackage + "|layername=" + l->schema.name;
    else if (formats_.geojson) p.datasource = "./" + l->schema.name + ".geojson";
    else if (formats_.flatgeobuf) p.datasource = "./" + l->schema.name + ".fgb";
    else p.datasource = "./" + l->schema.name + ".shp";
    p.geometry = l->schema.geometry;
    p.extent = l->extent;
    p.styles = l->styles;
    if (formats_.geopackage.empty() && !formats_.geojson && !formats_.flatgeobuf) p.naming = FieldNaming::any;  // shapefile names
    // Kecamatan show as outlines over the desa; their counts stay one click away in the style manager.
    if (l->schema.name == "kecamatan") p.current_style = style_index(p.styles, kOutlineStyleName);
    project.layers.push_back(std::move(p));
  }
  if (project.layers.empty()) return;
  for (const auto& l : project.layers)
    if (l.id == "peta_layer_kecamatan") project.atlas_layer_id = l.id;
  if (!formats_.density_raster.empty())
    project.rasters.push_back({"peta_raster_kepadatan", "Kepadatan temuan (KDE, temuan per km²)",
                               "./" + formats_.density_raster, "temuan per km²", "peta_layer_desa"});
  const std::string name = stem() + ".qgs";
  write_text(staging_.temp_path(name), qgis_project_xml(project));
  staging_.stage(name);
}

void QgisExtras::write_picture() {
  auto desa = std::find_if(layers_.begin(), layers_.end(), [](const Written& w) {
    return w.schema.name == "desa" && w.schema.geometry == GeometryKind::multipolygon;
  });
  if (!formats_.draw_picture || desa == layers_.end() || desa->extent.empty()) return;
  const LayerStyle& style = desa->styles.front();
  auto has = [&](const char* name) {
    return std::any_of(layers_.begin(), layers_.end(), [&](const Written& w) {
      return w.schema.name == name && w.schema.geometry == GeometryKind::multipolygon;
    });
  };
  const bool has_kabupaten = has("kabupaten"), has_kecamatan = has("kecamatan");
  MapPictureSpec spec;
  spec.title = "Jumlah temuan per desa";
  spec.field = style.field;
  if (!formats_.geopackage.empty()) {
    spec.source = staging_.temp_path(formats_.geopackage).string();
    spec.layer = "desa";
    if (has_kabupaten) spec.outline_source = spec.source, spec.outline_layer = "kabupaten";
    if (has_kecamatan) spec.kecamatan_source = spec.source, spec.kecamatan_layer = "kecamatan";
  } else if (formats_.geojson) {
    spec.source = staging_.temp_path("desa.geojson").string();
    if (has_kabupaten) spec.outline_source = staging_.temp_path("kabupaten.geojson").string();
    if (has_kecamatan) spec.kecamatan_source = staging_.temp_path("kecamatan.geojson").string();
  } else if (formats_.flatgeobuf) {
    spec.source = staging_.temp_path("desa.fgb").string();
    if (has_kabupaten) spec.outline_source = staging_.temp_path("kabupaten.fgb").string();
    if (has_kecamatan) spec.kecamatan_source = staging_.temp_path("kecamatan.fgb").string();
  } else if (formats_.shapefile) {
    spec.source = staging_.temp_path("desa.shp").string();
    spec.field = style.field_short.empty() ? style.field : style.field_short;
    if (has_kabupaten) spec.outline_source = staging_.temp_path("kabupaten.shp").string();
    if (has_kecamatan) spec.kecamatan_source = staging_.temp_path("kecamatan.shp").string();
  } else {
    return;
  }
  const std::string name = stem() + "_desa.png";
  formats_.draw_picture(spec, style, staging_.temp_path(name).string());
  staging_.stage(name);
}

}  // namespace peta::output_detail
