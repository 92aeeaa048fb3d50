#pragma once
// The desa geometries as flat arrays for the locator's hot path: every ring of every desa in one vertex array
// (rings closed, so edge k runs from vertex k to k + 1), in lon/lat and in EPSG:32749 metres.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/admin_unit.hpp"
#include "core/geometry.hpp"
#include "geocode/flat_array.hpp"

namespace peta {

struct VertexRange {
  std::uint32_t begin = 0;  // first vertex
  std::uint32_t end = 0;    // one past the last vertex (the closing repeat of the first)
};

struct FlatDesa {
  std::vector<Coord> lonlat;              // all ring vertices, rings closed (freed once the grid is built)
  FlatArray<Coord> metres;              // the same vertices in EPSG:32749
  FlatArray<VertexRange> rings;         // every ring, desa after desa
  FlatArray<std::uint32_t> desa_rings;  // desa d owns rings [desa_rings[d], desa_rings[d + 1])
  FlatArray<Box> bounds_lonlat;         // per desa
  FlatArray<Box> bounds_metres;         // per desa
  Box extent;                             // of all desa, lon/lat

  std::size_t desa_count() const { return bounds_lonlat.size(); }
};

FlatDesa flatten_desa(const Boundaries& boundaries);

// A copy of a multipolygon with every ring closed and rings of fewer than 3 vertices dropped (as flattened).
MultiPolygon closed_rings(const MultiPolygon& mp);

// Orientation of c relative to the directed line a -> b: > 0 left, < 0 right, 0 collinear (plain doubles).
inline double orient(const Coord& a, const Coord& b, const Coord& c) {
  return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

// True when p lies on the closed segment a-b.
inline bool on_segment(const Coord& a, const Coord& b, const Coord& p) {
  if (p.x < std::min(a.x, b.x) || p.x > std::max(a.x, b.x) || p.y < std::min(a.y, b.y) || p.y > std::max(a.y, b.y))
    return false;
  return orient(a, b, p) == 0;
}

// Squared distance from p to the segment a-b.
// The point of segment a-b nearest to p (the same clamping as segment_distance2).
inline Coord segment_nearest_point(const Coord& a, const Coord& b, const Coord& p) {
  double vx = b.x - a.x, vy = b.y - a.y;
  double len2 = vx * vx + vy * vy;
  double t = len2 > 0 ? (vx * (p.x - a.x) + vy * (p.y - a.y)) / len2 : 0;
  if (t <= 0) return a;
  if (t >= 1) return b;
  return {a.x + t * vx, a.y + t * vy};
}

inline double segment_distance2(const Coord& a, const Coord& b, const Coord& p) {
  double vx = b.x - a.x, vy = b.y - a.y;
  double wx = p.x - a.x, wy = p.y - a.y;
  double len2 = vx * vx + vy * vy;
  double t = len2 > 0 ? (vx * wx + vy * wy) / len2 : 0;
  // At the ends, measure to the vertex itself, so two edges sharing it give bit-identical distances (ties).
  if (t <= 0) return wx * wx + wy * wy;
  if (t >= 1) return (p.x - b.x) * (p.x - b.x) + (p.y - b.y) * (p.y - b.y);
  double dx = wx - t * vx, dy = wy - t * vy;
  return dx * dx + dy * dy;
}

// Distance in metres from a point (EPSG:32749) to the boundary of desa d (all its rings).
double boundary_distance_m(const FlatDesa& flat, std::size_t desa, const Coord& metres);

}  // namespace peta
