#include "findings/ogr_finding_reader.hpp"

#include "findings/line_geometry_check.hpp"

#include <optional>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "core/error.hpp"
#include "core/gdal_init.hpp"

namespace peta {
namespace {

void add_line(const OGRLineString* line, std::vector<LineString>& out) {
  if (line->IsEmpty()) return;
  LineString l;
  l.reserve(static_cast<std::size_t>(line->getNumPoints()));
  for (int i = 0; i < line->getNumPoints(); ++i) l.push_back({line->getX(i), line->getY(i)});
  out.push_back(std::move(l));
}

// Points and lines of an OGR geometry; false for anything else.
bool read_geometry(const OGRGeometry* g, RowGeometry& out) {
  out.kind = RowGeometry::Kind::none;
  out.lines.clear();
  if (!g || g->IsEmpty()) return true;
  auto type = wkbFlatten(g->getGeometryType());
  if (type == wkbPoint) {
    out.kind = RowGeometry::Kind::point;
    out.point = {g->toPoint()->getX(), g->toPoint()->getY()};
    return true;
  }
  if (type == wkbMultiPoint && g->toMultiPoint()->getNumGeometries() == 1) {
    const OGRPoint* p = g->toMultiPoint()->getGeometryRef(0);
    out.kind = RowGeometry::Kind::point;
    out.point = {p->getX(), p->getY()};
    return true;
  }
  if (type == wkbLineString) {
    add_line(g->toLineString(), out.lines);
  } else if (type == wkbMultiLineString) {
    for (const auto* part : *g->toMultiLineString()) add_line(part, out.lines);
  } else if (OGR_GT_IsCurve(type) || OGR_GT_IsSubClassOf(type, wkbMultiCurve)) {
    std::unique_ptr<OGRGeometry> linear(g->getLinearGeometry());
    return read_geometry(linear.get(), out);
  } else {
    return false;
  }
  out.kind = out.lines.empty() ? RowGeometry::Kind::none : RowGeometry::Kind::lines;
  return true;
}

}  // namespace

struct OgrFindingReader::Impl {
  std::unique_ptr<GDALDataset> dataset;
  OGRLayer* layer = nullptr;
  std::unique_ptr<OGRCoordinateTransformation> to_lonlat;
  long long next_row = 1;
  long long total = 0, done = 0;
  std::size_t rows_per_unit = 0;
  bool use_geometry = true;
  bool finished = false;
};

namespace {

// Sets thread-local GDAL configuration options for a scope and restores the earlier values.
class ScopedConfig {
 public:
  explicit ScopedConfig(const std::vector<std::pair<std::string, std::string>>& options) {
    for (const auto& [key, value] : options) {
      const char* old = CPLGetThreadLocalConfigOption(key.c_str(), nullptr);
      saved_.push_back({key, old ? std::optional<std::string>(old) : std::nullopt});
      CPLSetThreadLocalConfigOption(key.c_str(), value.c_str());
    }
  }
  ~ScopedConfig() {
    for (const auto& [key, old] : saved_) CPLSetThreadLocalConfigOption(key.c_str(), old ? old->c_str() : nullptr);
  }

 private:
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

}  // namespace

OgrFindingReader::OgrFindingReader(const OgrSourceOptions& options) : impl_(std::make_unique<Impl>()), path_(options.path) {
  ensure_gdal_registered();
  ScopedConfig config(options.config_options);
  std::vector<const char*> open_options, drivers;
  for (const auto& o : options.open_options) open_options.push_back(o.c_str());
  open_options.push_back(nullptr);
  for (const auto& d : options.allowed_drivers) drivers.push_back(d.c_str());
  drivers.push_back(nullptr);
  impl_->dataset.reset(static_cast<GDALDataset*>(
      GDALOpenEx(path_.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, options.allowed_drivers.empty() ? nullptr : drivers.data(),
                 open_options.data(), nullptr)));
  if (!impl_->dataset) throw Error("cannot open findings source '" + path_ + "': " + CPLGetLastErrorMsg());
  OGRLayer* layer = options.layer.empty() ? impl_->dataset->GetLayer(0) : impl_->dataset->GetLayerByName(options.layer.c_str());
  if (!layer) {
    std::string names;
    for (auto* l : impl_->dataset->GetLayers()) names += (names.empty() ? "" : ", ") + std::string(l->GetName());
    throw Error(path_ + ": no " + (options.layer.empty() ? "layer" : "layer or sheet named '" + options.layer + "'") +
                " (found: " + names + ")");
  }
  impl_->layer = layer;
  if (!options.use_geometry && (layer->GetLayerDefn()->GetFieldCount() == 0 || layer->GetFeatureCount(TRUE) <= 0)) {
    // A workbook whose sheet has no header or no data row: name every sheet, with its rows.
    std::string sheets;
    for (auto* l : impl_->dataset->GetLayers())
      sheets += (sheets.empty() ? "" : ", ") + std::string("'") + l->GetName() + "' (" +
                std::to_string(l->GetFeatureCount(TRUE)) + " data rows)";
    throw Error(path_ + ": sheet '" + layer->GetName() + "' has " +
                (layer->GetLayerDefn()->GetFieldCount() == 0 ? "no header row" : "a header but no data row") +
                "; the workbook's sheets: " + sheets + (options.layer.empty() ? "; name one with \"layer\"" : ""));
  }
  impl_->rows_per_unit = options.rows_per_unit;
  impl_->next_row = options.first_row;
  impl_->total = layer->GetFeatureCount(TRUE);
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i) columns_.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
  geometry_ = options.use_geometry && defn->GetGeomType() != wkbNone;
  impl_->use_geometry = geometry_;
  if (geometry_) {
    OGRSpatialReference source;
    if (!options.crs.empty()) {
      if (source.SetFromUserInput(options.crs.c_str()) != OGRERR_NONE)
        throw Error(path_ + ": crs '" + options.crs + "' is not a CRS GDAL knows");
    } else if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
      source = *srs;
    } else {
      source.importFromEPSG(4326);
    }
    source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (!source.IsSame(&wgs84)) {
      impl_->to_lonlat.reset(OGRCreateCoordinateTransformation(&source, &wgs84));
      if (!impl_->to_lonlat) throw Error(path_ + ": no transformation from the layer's CRS to EPSG:4326");
    }
  }
  indexes_ = resolve_columns(options.columns, columns_, path_, geometry_, options.category_required);
  layer->ResetReading();
}

OgrFindingReader::~OgrFindingReader() = default;

double OgrFindingReader::progress() const {
  return impl_->total > 0 ? std::min(1.0, static_cast<double>(impl_->done) / static_cast<double>(impl_->total)) : 1.0;
}

bool OgrFindingReader::next_unit(RawFindingUnit& unit) {
  unit.clear();
  if (impl_->finished) return false;
  const std::size_t width = columns_.size();
  while (unit.rows.size + unit.rows.rejections.size() < impl_->rows_per_unit) {
    OGRFeatureUniquePtr feature(impl_->layer->GetNextFeature());
    if (!feature) {
      impl_->finished = true;
      break;
    }
    ++impl_->done;
    Finding& f = unit.rows.append();
    f.row = impl_->next_row++;
    f.attributes.clear();
    for (std::size_t i = 0; i < width; ++i) {
      int k = static_cast<int>(i);
      f.attributes.push_back(feature->IsFieldSetAndNotNull(k) ? feature->GetFieldAsString(k) : "");
    }
    if (!geometry_) continue;
    if (unit.geometry.size() < unit.rows.size) unit.geometry.resize(unit.rows.size);
    RowGeometry& g = unit.geometry[unit.rows.size - 1];
    OGRGeometry* geom = feature->GetGeometryRef();
    if (geom && impl_->to_lonlat && geom->transform(impl_->to_lonlat.get()) != OGRERR_NONE) {
      unit.rows.rejections.push_back({path_, f.row, "", RejectionReason::coordinate_out_of_range,
                                      "the geometry cannot be transformed to EPSG:4326", f.attributes.to_strings()});
      --unit.rows.size;
      continue;
    }
    if (!read_geometry(geom, g)) {
      unit.rows.rejections.push_back({path_, f.row, "", RejectionReason::geometry_unsupported,
                                      std::string("a ") + OGRGeometryTypeToName(geom->getGeometryType()) +
                                          " is neither a point nor a line",
                                      f.attributes.to_strings()});
      --unit.rows.size;
    } else if (g.kind == RowGeometry::Kind::lines) {
      if (std::string problem = line_geometry_problem(g.lines); !problem.empty()) {
        unit.rows.rejections.push_back({path_, f.row, "geometri", RejectionReason::geometry_invalid,
                                        std::string("the ") + geom->getGeometryName() + ": " +
                                            problem,
                                        f.attributes.to_strings()});
        --unit.rows.size;
      }
    }
  }
  if (geometry_) unit.geometry.resize(unit.rows.size);
  return unit.rows.size + unit.rows.rejections.size() > 0;
}

}  // namespace peta
