#pragma once
// Test/benchmark stand-in for the boundary loader: reads a desa layer (kode, nama, kode_kec) with OGR into
// Boundaries sorted by code. No repair, no checks: only for the shared data files.
#include <gdal.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <map>
#include <string>

#include "core/admin_unit.hpp"
#include "core/error.hpp"

namespace peta::testing {

inline Ring ogr_ring(const OGRLinearRing* r) {
  Ring ring;
  for (int i = 0; i < r->getNumPoints(); ++i) ring.push_back({r->getX(i), r->getY(i)});
  return ring;
}

inline void ogr_collect(const OGRGeometry* g, MultiPolygon& out) {
  auto type = wkbFlatten(g->getGeometryType());
  if (type == wkbPolygon) {
    auto* p = g->toPolygon();
    if (p->IsEmpty()) return;
    Polygon poly;
    poly.rings.push_back(ogr_ring(p->getExteriorRing()));
    for (int i = 0; i < p->getNumInteriorRings(); ++i) poly.rings.push_back(ogr_ring(p->getInteriorRing(i)));
    out.parts.push_back(std::move(poly));
  } else if (type == wkbMultiPolygon || type == wkbGeometryCollection) {
    auto* c = g->toGeometryCollection();
    for (int i = 0; i < c->getNumGeometries(); ++i) ogr_collect(c->getGeometryRef(i), out);
  }
}

inline Boundaries read_desa_layer(const std::string& path) {
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds) throw Error("cannot open " + path);
  OGRLayer* layer = ds->GetLayer(0);
  Boundaries b;
  std::map<std::string, std::string> kecamatan;  // kode_kec -> nama_kec
  for (auto& f : *layer) {
    AdminUnit u{*AdminCode::parse(f->GetFieldAsString("kode")), f->GetFieldAsString("nama"), "", {}, 0};
    if (const OGRGeometry* g = f->GetGeometryRef()) ogr_collect(g, u.geometry);
    kecamatan[f->GetFieldAsString("kode_kec")] = f->GetFieldAsString("nama_kec");
    b.desa.push_back(std::move(u));
  }
  std::sort(b.desa.begin(), b.desa.end(), [](const AdminUnit& x, const AdminUnit& y) { return x.code < y.code; });
  for (const auto& [code, name] : kecamatan) b.kecamatan.push_back({*AdminCode::parse(code), name, "", {}, 0});
  for (const auto& d : b.desa) b.desa_kecamatan.push_back(b.find_kecamatan(*d.code.parent()));
  return b;
}

}  // namespace peta::testing
