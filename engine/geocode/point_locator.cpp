#include "geocode/point_locator.hpp"

#include <boost/container/small_vector.hpp>
#include <cmath>
#include <limits>
#include <mutex>
#include <thread>

#include <geodesic.h>

#include <tuple>

#include "core/crs.hpp"
#include "geocode/cell_index.hpp"
#include "geocode/flat_desa.hpp"
#include "geocode/locator_index.hpp"
#include "geocode/nearest_desa.hpp"

namespace peta {
namespace {

// PROJ objects are not thread-safe: one transformation per thread.
Coord to_metres(const Coord& lonlat) {
  thread_local CrsTransform transform(kExchangeCrs, kMetricCrs);
  return transform.apply(lonlat);
}

Coord to_lonlat(const Coord& metres) {
  thread_local CrsTransform transform(kMetricCrs, kExchangeCrs);
  return transform.apply(metres);
}

// The geodesic distance (WGS84 ellipsoid, PROJ's geodesic.h) between two lon/lat points, in metres.
double geodesic_m(const Coord& a, const Coord& b) {
  static const geod_geodesic wgs84 = [] {
    geod_geodesic g;
    geod_init(&g, 6378137.0, 1 / 298.257223563);
    return g;
  }();
  double s12 = 0;
  geod_inverse(&wgs84, a.y, a.x, b.y, b.x, &s12, nullptr, nullptr);
  return s12;
}

// The distance from a point that no desa holds to the nearest desa. The nearest desa and the nearest point of
// its boundary are found in EPSG:32749 (exact enough near the zone, where it decides gap or outside); the
// distance to that point is geodesic, so that a point far from the zone (where UTM 49S stretches distances by
// thousands of kilometres) still gets a true distance.
// `desa`, `planar` and `point`: what NearestDesa::find gave for the point.
std::pair<int, double> geodesic_to_nearest(const Coord& lonlat, int desa, double planar, const Coord& point) {
  if (desa < 0 || !std::isfinite(planar)) return {desa, planar};
  const Coord on_boundary = to_lonlat(point);
  if (!std::isfinite(on_boundary.x) || !std::isfinite(on_boundary.y)) return {desa, planar};
  return {desa, geodesic_m(lonlat, on_boundary)};
}

std::pair<int, double> nearest_geodesic(const NearestDesa& nearest, const Coord& lonlat) {
  Coord point;
  auto [desa, planar] = nearest.find(to_metres(lonlat), point);
  return geodesic_to_nearest(lonlat, desa, planar, point);
}

struct Hit {
  int desa;
  bool on_boundary;
};

}  // namespace

struct PointLocator::Impl {
  LocatorOptions options;
  std::shared_ptr<const LocatorIndex> prepared;
  const FlatDesa& flat;
  const CellIndex& index;
  // The R-tree of boundary edges for points that no desa holds, built when the first such point comes (most
  // points fall inside a desa; a build from the boundary cache is then ready to locate without it).
  mutable std::once_flag nearest_built;
  mutable std::unique_ptr<NearestDesa> nearest_tree;

  Impl(std::shared_ptr<const LocatorIndex> prepared_index, LocatorOptions opts)
      : options(opts), prepared(std::move(prepared_index)), flat(prepared->flat), index(prepared->cells) {}

  const NearestDesa& nearest() const {
    std::call_once(nearest_built, [this] { nearest_tree = std::make_unique<NearestDesa>(flat); });
    return *nearest_tree;
  }

  // Overlap rule: the desa the point lies deepest inside (distance to its border in EPSG:32749); ties go to
  // the lower index (= lower code). A point on a border has depth 0.
  Assignment deepest(std::span<const Hit> hits, const Coord& lonlat) const {
    Coord metres = to_metres(lonlat);
    int best = -1;
    double best_depth = -1;
    for (const Hit& h : hits) {
      double depth = h.on_boundary ? 0.0 : boundary_distance_m(flat, static_cast<std::size_t>(h.desa), metres);
      if (depth > best_depth || (depth == best_depth && h.desa < best)) best = h.desa, best_depth = depth;
    }
    return {best, kFlagInOverlap, 0.0};
  }

  Assignment outside_all(const Coord& lonlat) const {
    Coord point;  // one nearest query serves both the gap test and, for a rejected point, its true distance
    auto [desa, distance] = nearest().find(to_metres(lonlat), point);
    if (desa >= 0 && distance <= options.gap_tolerance_m) return {desa, kFlagInGap, distance};
    std::tie(desa, distance) = geodesic_to_nearest(lonlat, desa, distance, point);  // rejected: how far, truly
    return {-1, kFlagNone, distance, desa};
  }

  // Every desa that contains the point (borders included), in index order.
  template <class Hits>
  void containing(const Coord& p, Hits& hits) const {
    if (!index.grid.contains(p)) return;
    std::size_t cell = index.grid.cell_of(p);
    if (index.covered_by[cell] != kNotCovered) {
      hits.push_back({index.covered_by[cell], false});
      return;
    }
    for (std::uint32_t e = index.cell_start[cell]; e < index.cell_start[cell + 1]; ++e) {
      const CellEntry& entry = index.entries[e];
      if (entry.covers_cell()) {
        hits.push_back({entry.desa, false});
        continue;
      }
      PointSide side = side_in_cell(index, entry, p);
      if (side != PointSide::outside) hits.push_back({entry.desa, side == PointSide::on_boundary});
    }
  }

  Assignment locate(const Coord& p) const {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) return {-1, kFlagNone, std::numeric_limits<double>::infinity()};
    if (index.grid.contains(p)) {  // fast path: a cell that one desa covers
      std::uint16_t covered_by = index.covered_by[index.grid.cell_of(p)];
      if (covered_by != kNotCovered) return {covered_by, kFlagNone, 0.0};
    }
    boost::container::small_vector<Hit, 8> hits;
    containing(p, hits);
    if (hits.size() == 1) return {hits[0].desa, kFlagNone, 0.0};
    if (hits.size() > 1) return deepest({hits.data(), hits.size()}, p);
    return outside_all(p);
  }
};

PointLocator::PointLocator(const Boundaries& boundaries, LocatorOptions options)
    : impl_(std::make_unique<Impl>(std::make_shared<const LocatorIndex>(build_locator_index(boundaries)), options)) {}

PointLocator::PointLocator(std::shared_ptr<const LocatorIndex> index, LocatorOptions options)
    : impl_(std::make_unique<Impl>(std::move(index), options)) {}

PointLocator::~PointLocator() = default;

Assignment PointLocator::locate(Coord lonlat) const { return impl_->locate(lonlat); }

void PointLocator::locate(std::span<const Coord> lonlat, std::span<Assignment> out) const {
  // The index is tens of MB (East Java: a 4 MB covered_by grid, 8 MB of cell starts, the entries and their
  // edges), and a unit's points fall anywhere in it, so each look-up waits on a few cache misses in a row.
  // Prefetching a point's grid cell kFar points ahead, and its first candidate entry kNear points ahead, lets
  // those misses overlap (the answers are the same: only the memory is touched earlier).
  constexpr std::size_t kFar = 16, kNear = 8;
  const CellIndex& index = impl_->index;
  auto cell_of = [&](const Coord& p) -> std::ptrdiff_t {
    if (!index.grid.contains(p)) return -1;  // also NaN coordinates
    return static_cast<std::ptrdiff_t>(index.grid.cell_of(p));
  };
  std::size_t n = std::min(lonlat.size(), out.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (i + kFar < n) {
      if (const std::ptrdiff_t c = cell_of(lonlat[i + kFar]); c >= 0) {
        __builtin_prefetch(index.covered_by.data() + c);
        __builtin_prefetch(index.cell_start.data() + c);
      }
    }
    if (i + kNear < n) {
      if (const std::ptrdiff_t c = cell_of(lonlat[i + kNear]); c >= 0 && index.covered_by[std::size_t(c)] == kNotCovered) {
        const std::uint32_t first = index.cell_start[std::size_t(c)];
        if (first < index.cell_start[std::size_t(c) + 1]) __builtin_prefetch(index.entries.data() + first);
      }
    }
    out[i] = impl_->locate(lonlat[i]);
  }
}

std::size_t PointLocator::memory_bytes() const {
  const FlatDesa& f = impl_->flat;
  return impl_->index.memory_bytes() + impl_->nearest().memory_bytes() +
         (f.lonlat.size() + f.metres.size()) * sizeof(Coord) + f.rings.size() * sizeof(VertexRange) +
         f.desa_rings.size() * sizeof(std::uint32_t) + f.desa_count() * 2 * sizeof(Box);
}

std::pair<int, double> PointLocator::nearest(Coord lonlat) const {
  Assignment a = impl_->locate(lonlat);
  if (a.desa >= 0 && !(a.flags & kFlagInGap)) return {a.desa, 0.0};
  return nearest_geodesic(impl_->nearest(), lonlat);
}

}  // namespace peta
