// Does each desa lie (mostly) in the kecamatan its code names? Only meaningful when the kecamatan
// polygons come from their own layer rather than being dissolved from the desa.
#include "boundaries/quality_checks.hpp"

namespace peta {

std::vector<KecamatanMismatch> find_kecamatan_mismatches(const Boundaries& boundaries, const GeosUnitIndex& desa_index) {
  auto h = geos_context().get();
  GeosUnitIndex kecamatan(boundaries.kecamatan);
  std::vector<KecamatanMismatch> mismatches;
  for (std::size_t i = 0; i < boundaries.desa.size(); ++i) {
    const AdminUnit& desa = boundaries.desa[i];
    const GEOSGeometry* geom = desa_index.geometry(i);
    auto parent = desa.code.parent();
    std::string coded = parent ? parent->dotted() : std::string();
    // The usual case first: the kecamatan the code names covers the whole desa.
    int own = parent ? boundaries.find_kecamatan(*parent) : -1;
    if (own >= 0 && GEOSPreparedCovers_r(h, kecamatan.prepared(static_cast<std::size_t>(own)), geom)) continue;
    double desa_area = 0;
    GEOSArea_r(h, geom, &desa_area);
    int best = -1;
    double best_share = 0;
    for (std::size_t k : kecamatan.candidates(geom)) {
      if (GEOSPreparedCovers_r(h, kecamatan.prepared(k), geom)) {
        best = static_cast<int>(k);
        best_share = 1;
        break;
      }
      if (!GEOSPreparedIntersects_r(h, kecamatan.prepared(k), geom)) continue;
      GeosGeom shared(GEOSIntersection_r(h, kecamatan.geometry(k), geom));
      double area = 0;
      if (shared) GEOSArea_r(h, shared.get(), &area);
      double share = desa_area > 0 ? area / desa_area : 0;  // ratio of lon/lat areas: locally the same as in metres
      if (share > best_share) {
        best_share = share;
        best = static_cast<int>(k);
      }
    }
    if (best >= 0 && boundaries.kecamatan[static_cast<std::size_t>(best)].code.dotted() == coded) continue;
    KecamatanMismatch m;
    m.desa = {desa.code.dotted(), desa.name};
    m.coded_kecamatan = coded;
    if (best >= 0) {
      const AdminUnit& located = boundaries.kecamatan[static_cast<std::size_t>(best)];
      m.located_kecamatan = {located.code.dotted(), located.name};
    }
    m.share = best_share;
    mismatches.push_back(std::move(m));
  }
  return mismatches;
}

}  // namespace peta
