#include "geocode/flat_desa.hpp"

#include <cmath>
#include <limits>

#include "core/crs.hpp"

namespace peta {

FlatDesa flatten_desa(const Boundaries& boundaries) {
  FlatDesa flat;
  std::size_t vertices = 0;
  for (const auto& d : boundaries.desa) vertices += d.geometry.vertex_count() + d.geometry.parts.size() * 4;
  flat.lonlat.reserve(vertices);
  std::vector<VertexRange> rings;
  std::vector<std::uint32_t> desa_rings{0};
  std::vector<Box> bounds_lonlat;
  for (const auto& d : boundaries.desa) {
    Box b;
    for (const auto& part : closed_rings(d.geometry).parts)
      for (const auto& ring : part.rings) {
        VertexRange range{static_cast<std::uint32_t>(flat.lonlat.size()), 0};
        for (const auto& c : ring) {
          flat.lonlat.push_back(c);
          b.expand(c);
        }
        range.end = static_cast<std::uint32_t>(flat.lonlat.size());
        rings.push_back(range);
      }
    desa_rings.push_back(static_cast<std::uint32_t>(rings.size()));
    bounds_lonlat.push_back(b);
    flat.extent.expand(b);
  }
  std::vector<Coord> metres = flat.lonlat;
  if (!metres.empty()) CrsTransform(kExchangeCrs, kMetricCrs).apply(metres);
  std::vector<Box> bounds_metres(bounds_lonlat.size());
  for (std::size_t d = 0; d < bounds_metres.size(); ++d)
    for (std::uint32_t r = desa_rings[d]; r < desa_rings[d + 1]; ++r)
      for (std::uint32_t v = rings[r].begin; v < rings[r].end; ++v) bounds_metres[d].expand(metres[v]);
  flat.metres = std::move(metres);
  flat.rings = std::move(rings);
  flat.desa_rings = std::move(desa_rings);
  flat.bounds_lonlat = std::move(bounds_lonlat);
  flat.bounds_metres = std::move(bounds_metres);
  return flat;
}

MultiPolygon closed_rings(const MultiPolygon& mp) {
  MultiPolygon out;
  for (const auto& part : mp.parts) {
    Polygon p;
    for (const auto& ring : part.rings) {
      if (ring.size() < 3) {
        if (p.rings.empty()) break;  // no shell: drop the part
        continue;
      }
      p.rings.push_back(ring);
      if (!(ring.front() == ring.back())) p.rings.back().push_back(ring.front());
    }
    if (!p.rings.empty()) out.parts.push_back(std::move(p));
  }
  return out;
}

double boundary_distance_m(const FlatDesa& flat, std::size_t desa, const Coord& p) {
  double best = std::numeric_limits<double>::infinity();
  const Coord* v = flat.metres.data();
  for (std::uint32_t r = flat.desa_rings[desa]; r < flat.desa_rings[desa + 1]; ++r)
    for (std::uint32_t k = flat.rings[r].begin; k + 1 < flat.rings[r].end; ++k)
      best = std::min(best, segment_distance2(v[k], v[k + 1], p));
  return std::sqrt(best);
}

}  // namespace peta
