#include "hotspots/polygon_layer_reader.hpp"

#include <gdal.h>
#include <ogr_api.h>

#include <memory>

#include "core/error.hpp"

namespace peta {
namespace {

struct DatasetCloser {
  void operator()(void* ds) const { GDALClose(ds); }
};

Ring ring_from(OGRGeometryH ring) {
  const int n = OGR_G_GetPointCount(ring);
  Ring out(std::size_t(n > 0 ? n : 0));
  for (int i = 0; i < n; ++i) out[std::size_t(i)] = {OGR_G_GetX(ring, i), OGR_G_GetY(ring, i)};
  if (!out.empty() && !(out.front() == out.back())) out.push_back(out.front());
  return out;
}

void collect(OGRGeometryH g, MultiPolygon& out) {
  if (!g) return;
  switch (wkbFlatten(OGR_G_GetGeometryType(g))) {
    case wkbPolygon: {
      Polygon p;
      for (int r = 0; r < OGR_G_GetGeometryCount(g); ++r) p.rings.push_back(ring_from(OGR_G_GetGeometryRef(g, r)));
      if (!p.rings.empty() && p.rings.front().size() >= 4) out.parts.push_back(std::move(p));
      break;
    }
    case wkbMultiPolygon:
    case wkbGeometryCollection:
      for (int k = 0; k < OGR_G_GetGeometryCount(g); ++k) collect(OGR_G_GetGeometryRef(g, k), out);
      break;
    default: break;
  }
}

}  // namespace

PolygonLayer read_polygon_layer(const std::string& path, const std::string& layer_name, const std::string& id_field,
                                const std::vector<std::string>& attribute_fields) {
  GDALAllRegister();
  std::unique_ptr<void, DatasetCloser> ds(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!ds) throw Error("cannot open vector file " + path);
  OGRLayerH layer = layer_name.empty() ? GDALDatasetGetLayer(ds.get(), 0)
                                       : GDALDatasetGetLayerByName(ds.get(), layer_name.c_str());
  if (!layer) throw Error(path + ": no layer '" + layer_name + "'");
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  auto field_index = [&](const std::string& name) {
    int idx = OGR_FD_GetFieldIndex(defn, name.c_str());
    if (idx < 0) throw Error(path + ": no field '" + name + "'");
    return idx;
  };
  const int id_index = id_field.empty() ? -1 : field_index(id_field);
  std::vector<int> attribute_index;
  for (const auto& f : attribute_fields) attribute_index.push_back(field_index(f));

  PolygonLayer out;
  OGR_L_ResetReading(layer);
  while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
    out.ids.push_back(id_index < 0 ? std::to_string(OGR_F_GetFID(f)) : OGR_F_GetFieldAsString(f, id_index));
    MultiPolygon mp;
    collect(OGR_F_GetGeometryRef(f), mp);
    out.polygons.push_back(std::move(mp));
    std::vector<std::string> attrs;
    for (int idx : attribute_index) attrs.emplace_back(OGR_F_GetFieldAsString(f, idx));
    out.attributes.push_back(std::move(attrs));
    OGR_F_Destroy(f);
  }
  return out;
}

}  // namespace peta
