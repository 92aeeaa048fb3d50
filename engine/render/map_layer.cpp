#include "render/map_layer.hpp"

#include <algorithm>

#include <gdal_priv.h>
#include <ogr_api.h>
#include <ogrsf_frmts.h>

#include "core/error.hpp"
#include "core/gdal_init.hpp"
#include "core/layer_fields.hpp"

namespace peta::render {
namespace {

Ring to_ring(const OGRLinearRing& r) {
  Ring ring;
  ring.reserve(static_cast<std::size_t>(r.getNumPoints()));
  for (int i = 0; i < r.getNumPoints(); ++i) ring.push_back({r.getX(i), r.getY(i)});
  return ring;
}

void add_polygon(const OGRPolygon& p, MultiPolygon& out) {
  if (p.IsEmpty()) return;
  Polygon poly;
  poly.rings.push_back(to_ring(*p.getExteriorRing()));
  for (int i = 0; i < p.getNumInteriorRings(); ++i) poly.rings.push_back(to_ring(*p.getInteriorRing(i)));
  out.parts.push_back(std::move(poly));
}

MultiPolygon to_multipolygon(const OGRGeometry& g) {
  MultiPolygon mp;
  const auto type = wkbFlatten(g.getGeometryType());
  if (type == wkbPolygon) {
    add_polygon(*g.toPolygon(), mp);
  } else if (type == wkbMultiPolygon) {
    for (const OGRPolygon* p : *g.toMultiPolygon()) add_polygon(*p, mp);
  } else if (type == wkbGeometryCollection) {
    for (const OGRGeometry* part : *g.toGeometryCollection()) {
      MultiPolygon sub = to_multipolygon(*part);
      for (auto& p : sub.parts) mp.parts.push_back(std::move(p));
    }
  }
  return mp;
}

std::string text_field(OGRFeature& f, int index) {
  return index >= 0 && f.IsFieldSetAndNotNull(index) ? f.GetFieldAsString(index) : "";
}

}  // namespace

bool MapLayer::has_field(const std::string& f) const {
  return std::find(numeric_fields.begin(), numeric_fields.end(), f) != numeric_fields.end();
}

Box MapLayer::bounds() const {
  Box b;
  for (const auto& u : units) b.expand(u.shape.bounds());
  return b;
}

MapLayer read_map_layer(const std::string& source, const std::string& layer_name) {
  ensure_gdal_registered();
  GDALDatasetUniquePtr ds(GDALDataset::FromHandle(
      GDALOpenEx(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  if (!ds) throw Error(source + ": cannot open for drawing: " + CPLGetLastErrorMsg());
  OGRLayer* layer = layer_name.empty() ? ds->GetLayer(0) : ds->GetLayerByName(layer_name.c_str());
  if (!layer) throw Error(source + ": no layer '" + layer_name + "' to draw");

  OGRSpatialReference metric;
  metric.importFromEPSG(32749);
  metric.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  OGRSpatialReference lonlat;
  lonlat.importFromEPSG(4326);
  lonlat.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  const OGRSpatialReference* layer_srs = layer->GetSpatialRef();
  std::unique_ptr<OGRCoordinateTransformation> to_metric(
      OGRCreateCoordinateTransformation(layer_srs ? layer_srs : &lonlat, &metric));
  if (!to_metric) throw Error(source + ": cannot transform layer " + layer_name + " to EPSG:32749");

  MapLayer out;
  out.name = layer_name.empty() ? layer->GetName() : layer_name;
  OGRFeatureDefn* defn = layer->GetLayerDefn();
  std::vector<int> numeric;
  for (int i = 0; i < defn->GetFieldCount(); ++i) {
    const OGRFieldType t = defn->GetFieldDefn(i)->GetType();
    if (t == OFTInteger || t == OFTInteger64 || t == OFTReal) {
      numeric.push_back(i);
      out.numeric_fields.push_back(defn->GetFieldDefn(i)->GetNameRef());
    }
  }
  const int kode = defn->GetFieldIndex(layer_field::kode), nama = defn->GetFieldIndex(layer_field::nama);
  const int kode_kec = defn->GetFieldIndex(layer_field::kode_kec), nama_kec = defn->GetFieldIndex(layer_field::nama_kec);
  layer->ResetReading();
  for (auto& f : *layer) {
    OGRGeometry* g = f->GetGeometryRef();
    if (!g || g->IsEmpty()) continue;
    std::unique_ptr<OGRGeometry> projected(g->clone());
    if (projected->transform(to_metric.get()) != OGRERR_NONE)
      throw Error(source + ": layer " + out.name + ", feature " + std::to_string(f->GetFID()) +
                  ": cannot transform to EPSG:32749");
    MapUnit u;
    u.kode = text_field(*f, kode);
    u.nama = text_field(*f, nama);
    u.kode_kec = text_field(*f, kode_kec);
    u.nama_kec = text_field(*f, nama_kec);
    u.shape = to_multipolygon(*projected);
    u.area_m2 = planar_area(u.shape);
    OGRGeometryH inside = OGR_G_PointOnSurface(OGRGeometry::ToHandle(projected.get()));  // GEOS
    if (inside && !OGR_G_IsEmpty(inside)) {
      u.label_at = {OGR_G_GetX(inside, 0), OGR_G_GetY(inside, 0)};
    } else {
      Box b = u.shape.bounds();
      u.label_at = {(b.min_x + b.max_x) / 2, (b.min_y + b.max_y) / 2};
    }
    if (inside) OGR_G_DestroyGeometry(inside);
    for (std::size_t k = 0; k < numeric.size(); ++k)
      if (f->IsFieldSetAndNotNull(numeric[k])) u.numbers.emplace(out.numeric_fields[k], f->GetFieldAsDouble(numeric[k]));
    out.units.push_back(std::move(u));
  }
  std::stable_sort(out.units.begin(), out.units.end(), [](const MapUnit& a, const MapUnit& b) { return a.kode < b.kode; });
  return out;
}

}  // namespace peta::render
