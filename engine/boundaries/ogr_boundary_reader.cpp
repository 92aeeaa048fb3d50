#include "boundaries/ogr_boundary_reader.hpp"

#include <cstdio>

#include <memory>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "boundaries/schema_profile.hpp"
#include "core/error.hpp"
#include "core/gdal_init.hpp"

namespace peta {
namespace {

Ring ring_from(const OGRLinearRing* ring) {
  Ring out;
  out.reserve(static_cast<std::size_t>(ring->getNumPoints()) + 1);
  for (int i = 0; i < ring->getNumPoints(); ++i) out.push_back({ring->getX(i), ring->getY(i)});
  if (!out.empty() && !(out.front() == out.back())) out.push_back(out.front());
  return out;
}

void add_polygon(const OGRPolygon* poly, MultiPolygon& out) {
  if (poly->IsEmpty()) return;
  Polygon p;
  p.rings.push_back(ring_from(poly->getExteriorRing()));
  for (int i = 0; i < poly->getNumInteriorRings(); ++i) p.rings.push_back(ring_from(poly->getInteriorRing(i)));
  out.parts.push_back(std::move(p));
}

// Polygonal content of any OGR geometry (curves are linearised).
bool to_multipolygon(const OGRGeometry* g, MultiPolygon& out) {
  if (!g) return false;
  auto type = wkbFlatten(g->getGeometryType());
  if (type == wkbPolygon) {
    add_polygon(g->toPolygon(), out);
  } else if (type == wkbMultiPolygon || type == wkbGeometryCollection) {
    for (const auto* part : *g->toGeometryCollection()) to_multipolygon(part, out);
  } else if (OGR_GT_IsSurface(type) || OGR_GT_IsSubClassOf(type, wkbMultiSurface)) {
    std::unique_ptr<OGRGeometry> linear(g->getLinearGeometry());
    return to_multipolygon(linear.get(), out);
  }
  return !out.empty();
}

std::string field_text(OGRFeature& f, int index) {
  if (index < 0 || !f.IsFieldSetAndNotNull(index)) return {};
  return f.GetFieldAsString(index);
}

}  // namespace

RawLayer read_boundary_layer(const BoundarySource& source, const std::string& level) {
  ensure_gdal_registered();
  RawLayer out;
  out.source_name = level + " (" + source.path + (source.layer.empty() ? "" : ":" + source.layer) + ")";
  std::unique_ptr<GDALDataset> ds(static_cast<GDALDataset*>(
      GDALOpenEx(source.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  if (!ds) throw Error("cannot open the " + level + " boundary source '" + source.path + "': " + CPLGetLastErrorMsg());
  OGRLayer* layer = source.layer.empty() ? ds->GetLayer(0) : ds->GetLayerByName(source.layer.c_str());
  if (!layer)
    throw Error(out.source_name + ": no layer" + (source.layer.empty() ? "" : " named '" + source.layer + "'"));
  if (!source.where.empty() && layer->SetAttributeFilter(source.where.c_str()) != OGRERR_NONE)
    throw Error(out.source_name + ": bad 'where' filter '" + source.where + "'");

  OGRFeatureDefn* defn = layer->GetLayerDefn();
  std::vector<std::string> fields;
  for (int i = 0; i < defn->GetFieldCount(); ++i) fields.emplace_back(defn->GetFieldDefn(i)->GetNameRef());

  FieldMapping m;
  if (source.mapping) {
    m = resolve_mapping(*source.mapping, fields, out.source_name);
    out.profile = "explicit";
  } else if (auto found = detect_profile(level, fields)) {
    out.profile = found->first;
    m = found->second;
  } else {
    std::string list;
    for (const auto& f : fields) list += (list.empty() ? "" : ", ") + f;
    throw Error(out.source_name + ": attributes [" + list +
                "] match no known schema profile (peta, big); give a field mapping in the project file");
  }
  auto idx = [&](const std::string& name) { return name.empty() ? -1 : defn->GetFieldIndex(name.c_str()); };
  int i_code = idx(m.code), i_name = idx(m.name), i_pcode = idx(m.parent_code), i_pname = idx(m.parent_name),
      i_kcode = idx(m.kab_code), i_kname = idx(m.kab_name), i_jenis = idx(m.jenis);

  OGRSpatialReference wgs84;
  wgs84.importFromEPSG(4326);
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  OGRSpatialReference src_srs;
  const OGRSpatialReference* layer_srs = layer->GetSpatialRef();
  if (!source.crs.empty()) {
    if (src_srs.SetFromUserInput(source.crs.c_str()) != OGRERR_NONE)
      throw Error(out.source_name + ": unknown CRS '" + source.crs + "'");
  } else if (layer_srs) {
    src_srs = *layer_srs;
  } else {
    src_srs = wgs84;
  }
  src_srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  if (src_srs.IsGeographic()) {
    // Read as degrees: a projected layer that lost its .prj (metres) must not pass as longitude/latitude.
    OGREnvelope extent;
    if (layer->GetExtent(&extent, TRUE) == OGRERR_NONE &&
        (extent.MinX < -180 || extent.MaxX > 180 || extent.MinY < -90 || extent.MaxY > 90)) {
      char box[160];
      std::snprintf(box, sizeof box, "x %.3f..%.3f, y %.3f..%.3f", extent.MinX, extent.MaxX, extent.MinY, extent.MaxY);
      throw Error(out.source_name + ": its coordinates (" + box + ") are not longitude/latitude, but the layer is " +
                  "read as such (it declares no CRS, or a geographic one): give its \"crs\" in the project file " +
                  "(e.g. \"crs\": \"EPSG:32749\" for UTM 49S metres) or "
                  "--crs on the command line");
    }
  }
  std::unique_ptr<OGRCoordinateTransformation> to_wgs84;
  if (!src_srs.IsSame(&wgs84)) {
    to_wgs84.reset(OGRCreateCoordinateTransformation(&src_srs, &wgs84));
    if (!to_wgs84) throw Error(out.source_name + ": cannot transform its CRS to EPSG:4326");
  }

  layer->ResetReading();
  long long number = 0;
  for (auto& feature : *layer) {
    ++number;
    RawUnit u;
    u.feature = number;
    u.code = field_text(*feature, i_code);
    u.name = field_text(*feature, i_name);
    u.parent_code = field_text(*feature, i_pcode);
    u.parent_name = field_text(*feature, i_pname);
    u.kab_code = field_text(*feature, i_kcode);
    u.kab_name = field_text(*feature, i_kname);
    u.jenis = field_text(*feature, i_jenis);
    OGRGeometry* g = feature->GetGeometryRef();
    if (g && to_wgs84 && g->transform(to_wgs84.get()) != OGRERR_NONE) {
      out.skipped.push_back(out.source_name + " feature " + std::to_string(number) + " (" + u.code +
                            "): its geometry cannot be transformed to EPSG:4326");
      continue;
    }
    if (!to_multipolygon(g, u.geometry)) {
      out.skipped.push_back(out.source_name + " feature " + std::to_string(number) + " (" + u.code +
                            "): no polygon geometry");
      continue;
    }
    out.units.push_back(std::move(u));
  }
  return out;
}

}  // namespace peta
