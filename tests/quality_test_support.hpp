#pragma once
// Until boundary_loader lands: read the real GeoJSON layers with OGR into LoadedBoundaries.
#include <ogrsf_frmts.h>

#include <algorithm>
#include <string>

#include "boundaries/boundary_loader.hpp"
#include "core/crs.hpp"
#include "core/error.hpp"

namespace peta::test_support {

inline MultiPolygon from_ogr(const OGRGeometry* g) {
  MultiPolygon mp;
  auto add = [&](const OGRPolygon* p) {
    Polygon poly;
    for (int r = 0; r <= p->getNumInteriorRings(); ++r) {
      const OGRLinearRing* ring = r == 0 ? p->getExteriorRing() : p->getInteriorRing(r - 1);
      Ring out;
      for (int i = 0; i < ring->getNumPoints(); ++i) out.push_back({ring->getX(i), ring->getY(i)});
      poly.rings.push_back(std::move(out));
    }
    mp.parts.push_back(std::move(poly));
  };
  if (wkbFlatten(g->getGeometryType()) == wkbPolygon) add(g->toPolygon());
  else if (wkbFlatten(g->getGeometryType()) == wkbMultiPolygon)
    for (const auto* p : *g->toMultiPolygon()) add(p);
  return mp;
}

inline std::vector<AdminUnit> read_units(const std::string& path) {
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
  if (!ds) throw Error("cannot open " + path);
  std::vector<AdminUnit> units;
  for (auto& f : ds->GetLayer(0)) {
    int jenis = f->GetFieldIndex("jenis");
    units.push_back(AdminUnit{*AdminCode::parse(f->GetFieldAsString("kode")), f->GetFieldAsString("nama"),
                              jenis >= 0 ? f->GetFieldAsString(jenis) : "", from_ogr(f->GetGeometryRef()), 0});
    units.back().area_km2 = area_km2(units.back().geometry);
  }
  std::sort(units.begin(), units.end(), [](const AdminUnit& a, const AdminUnit& b) { return a.code < b.code; });
  return units;
}

inline LoadedBoundaries load_probolinggo(bool with_kecamatan) {
  LoadedBoundaries lb;
  std::string dir = std::string(PETA_SHARED_DATA) + "/probolinggo/";
  lb.boundaries.desa = read_units(dir + "desa.geojson");
  if (with_kecamatan) lb.boundaries.kecamatan = read_units(dir + "kecamatan.geojson");
  lb.boundaries.kabupaten = read_units(dir + "kabupaten.geojson");
  lb.issues.kecamatan_dissolved = !with_kecamatan;
  lb.issues.desa_profile = "peta";
  return lb;
}

}  // namespace peta::test_support
