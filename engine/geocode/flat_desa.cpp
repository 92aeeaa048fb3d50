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
  flat.desa_rings.push_back(0);
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
        flat.rings.push_back(range);
      }
    flat.desa_rings.push_back(static_cast<std::uint32_t>(flat.rings.size()));
    flat.bounds_lonlat.push_back(b);
    flat.extent.expand(b);
  }
  flat.metres = flat.lonlat;
  if (!flat.metres.empty()) CrsTransform(kExchangeCrs, kMetricCrs).apply(flat.metres);
  flat.bounds_metres.resize(flat.desa_count());
  for (std::size_t d = 0; d < flat.desa_count(); ++d)
    for (std::uint32_t r = flat.desa_rings[d]; r < flat.desa_rings[d + 1]; ++r)
      for (std::uint32_t v = flat.rings[r].begin; v < flat.rings[r].end; ++v) flat.bounds_metres[d].expand(flat.metres[v]);
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
