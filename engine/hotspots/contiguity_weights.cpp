#include "hotspots/contiguity_weights.hpp"

#include <algorithm>
#include <atomic>
#include <numeric>

#include "core/error.hpp"
#include "core/geos_handle.hpp"
#include "core/parallel.hpp"
#include "hotspots/permutation.hpp"

namespace peta {

std::vector<std::pair<std::uint32_t, std::uint32_t>> envelope_pairs(const std::vector<Box>& boxes, double margin) {
  std::vector<std::uint32_t> order(boxes.size());
  std::iota(order.begin(), order.end(), 0u);
  order.erase(std::remove_if(order.begin(), order.end(), [&](std::uint32_t i) { return boxes[i].empty(); }),
              order.end());
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return boxes[a].min_x < boxes[b].min_x || (boxes[a].min_x == boxes[b].min_x && a < b);
  });
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  for (std::size_t a = 0; a < order.size(); ++a) {
    const Box& ba = boxes[order[a]];
    for (std::size_t b = a + 1; b < order.size(); ++b) {
      const Box& bb = boxes[order[b]];
      if (bb.min_x > ba.max_x + margin) break;
      if (bb.min_y > ba.max_y + margin || bb.max_y < ba.min_y - margin) continue;
      pairs.emplace_back(std::min(order[a], order[b]), std::max(order[a], order[b]));
    }
  }
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

namespace {

// GEOS geometries built lazily by one thread, for that thread only.
class ThreadGeometries {
 public:
  explicit ThreadGeometries(const std::vector<MultiPolygon>& polygons) : polygons_(polygons), geoms_(polygons.size()) {}
  const GEOSGeometry* get(std::size_t i) {
    if (!geoms_[i]) geoms_[i] = to_geos(polygons_[i]);
    return geoms_[i].get();
  }

 private:
  const std::vector<MultiPolygon>& polygons_;
  std::vector<GeosGeom> geoms_;
};

// Length of the boundary of a lying within `tolerance` of b (boundary(a) ∩ buffer(b, tolerance)).
// -1 when GEOS fails (invalid input), so the caller can decide.
double shared_border_length(GEOSContextHandle_t h, const GEOSGeometry* a, const GEOSGeometry* b, double tolerance) {
  GeosGeom boundary(GEOSBoundary_r(h, a));
  if (!boundary) return -1;
  GeosGeom zone;
  if (tolerance > 0) {
    zone.reset(GEOSBuffer_r(h, b, tolerance, 8));
    if (!zone) return -1;
  }
  GeosGeom shared(GEOSIntersection_r(h, boundary.get(), zone ? zone.get() : b));
  if (!shared) return -1;
  double length = 0;
  if (!GEOSLength_r(h, shared.get(), &length)) return -1;
  return length;
}

}  // namespace

SpatialWeights contiguity_weights(const std::vector<MultiPolygon>& polygons, const ContiguitySettings& settings) {
  if (settings.tolerance_m < 0) throw Error("contiguity_weights: tolerance_m must be >= 0");
  const std::size_t n = polygons.size();
  std::vector<Box> boxes(n);
  for (std::size_t i = 0; i < n; ++i) boxes[i] = polygons[i].bounds();
  const auto candidates = envelope_pairs(boxes, settings.tolerance_m);

  // Candidates are sorted by their first index: give each worker whole runs of first indices so that a
  // prepared geometry serves all its pairs.
  std::vector<std::size_t> run_start;
  for (std::size_t c = 0; c < candidates.size(); ++c)
    if (c == 0 || candidates[c].first != candidates[c - 1].first) run_start.push_back(c);
  run_start.push_back(candidates.size());
  const std::size_t runs = run_start.size() - 1;

  std::vector<std::uint8_t> keep(candidates.size(), 0);
  const unsigned threads = std::max(1u, std::min<unsigned>(resolve_threads(settings.threads), unsigned(runs ? runs : 1)));
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    auto h = geos_context().get();
    ThreadGeometries geoms(polygons);
    constexpr std::size_t chunk = 16;
    for (;;) {
      std::size_t first_run = next.fetch_add(chunk);
      if (first_run >= runs) return;
      for (std::size_t r = first_run; r < std::min(runs, first_run + chunk); ++r) {
        const std::size_t i = candidates[run_start[r]].first;
        if (polygons[i].empty()) continue;
        GeosPrepared prepared = prepare(geoms.get(i));
        for (std::size_t c = run_start[r]; c < run_start[r + 1]; ++c) {
          const std::size_t j = candidates[c].second;
          if (polygons[j].empty()) continue;
          const GEOSGeometry* gj = geoms.get(j);
          char near = settings.tolerance_m > 0
                          ? GEOSPreparedDistanceWithin_r(h, prepared.get(), gj, settings.tolerance_m)
                          : GEOSPreparedIntersects_r(h, prepared.get(), gj);
          if (near != 1) continue;
          if (settings.rule == ContiguityRule::queen) {
            keep[c] = 1;
            continue;
          }
          double length = shared_border_length(h, geoms.get(i), gj, settings.tolerance_m);
          // GEOS cannot measure on some invalid geometries: keep the queen answer rather than drop a neighbour.
          keep[c] = length < 0 || length > settings.rook_min_shared_m;
        }
      }
    }
  };
  run_on_threads(threads, worker);

  std::vector<std::pair<SpatialWeights::Index, SpatialWeights::Index>> pairs;
  for (std::size_t c = 0; c < candidates.size(); ++c)
    if (keep[c]) pairs.push_back(candidates[c]);
  return SpatialWeights::from_pairs(n, pairs);
}

}  // namespace peta
