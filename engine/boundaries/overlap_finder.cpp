// Overlaps between desa: STRtree candidates, a prepared-geometry test to drop disjoint pairs,
// then the exact intersection measured in UTM 49S.
#include <algorithm>
#include <tuple>

#include "boundaries/quality_checks.hpp"

namespace peta {

OverlapResult find_overlaps(const std::vector<AdminUnit>& desa, const GeosUnitIndex& index, double min_overlap_m2) {
  auto h = geos_context().get();
  OverlapResult result;
  for (std::size_t i = 0; i < desa.size(); ++i) {
    for (std::size_t j : index.candidates(index.geometry(i))) {
      if (j <= i) continue;
      if (!GEOSPreparedIntersects_r(h, index.prepared(i), index.geometry(j))) continue;
      GeosGeom shared(GEOSIntersection_r(h, index.geometry(i), index.geometry(j)));
      if (!shared) {
        result.errors.push_back(desa[i].code.dotted() + " / " + desa[j].code.dotted() +
                                ": GEOS could not intersect (tidak dapat dihitung)");
        continue;
      }
      double area = metric_area_m2(shared.get());
      if (area <= min_overlap_m2) {
        ++result.touching;
        continue;
      }
      OverlapPair pair;
      pair.a = {desa[i].code.dotted(), desa[i].name};
      pair.b = {desa[j].code.dotted(), desa[j].name};
      if (pair.b.code < pair.a.code) std::swap(pair.a, pair.b);
      pair.area_m2 = area;
      pair.point = representative_point(shared.get());
      result.pairs.push_back(std::move(pair));
    }
  }
  std::sort(result.pairs.begin(), result.pairs.end(), [](const OverlapPair& x, const OverlapPair& y) {
    if (x.area_m2 != y.area_m2) return x.area_m2 > y.area_m2;
    return std::tie(x.a.code, x.b.code) < std::tie(y.a.code, y.b.code);
  });
  return result;
}

}  // namespace peta
