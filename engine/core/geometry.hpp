#pragma once
// Plain geometry values exchanged between stages. No OGR or GEOS object crosses a stage boundary:
// readers convert to these, GEOS/OGR helpers convert back where a library answers the question.
#include <algorithm>
#include <limits>
#include <vector>

namespace peta {

struct Coord {
  double x = 0;  // longitude or easting
  double y = 0;  // latitude or northing
  friend bool operator==(const Coord&, const Coord&) = default;
};

struct Box {
  double min_x = std::numeric_limits<double>::infinity();
  double min_y = std::numeric_limits<double>::infinity();
  double max_x = -std::numeric_limits<double>::infinity();
  double max_y = -std::numeric_limits<double>::infinity();

  bool empty() const { return min_x > max_x; }
  void expand(const Coord& c) {
    min_x = std::min(min_x, c.x); min_y = std::min(min_y, c.y);
    max_x = std::max(max_x, c.x); max_y = std::max(max_y, c.y);
  }
  void expand(const Box& b) {
    if (b.empty()) return;
    min_x = std::min(min_x, b.min_x); min_y = std::min(min_y, b.min_y);
    max_x = std::max(max_x, b.max_x); max_y = std::max(max_y, b.max_y);
  }
  bool contains(const Coord& c) const {
    return c.x >= min_x && c.x <= max_x && c.y >= min_y && c.y <= max_y;
  }
  bool intersects(const Box& b) const {
    return !(b.min_x > max_x || b.max_x < min_x || b.min_y > max_y || b.max_y < min_y);
  }
};

// A closed ring: the first coordinate is repeated at the end.
using Ring = std::vector<Coord>;

// rings[0] is the outer ring, the rest are holes.
struct Polygon {
  std::vector<Ring> rings;
};

// Every areal unit is held as a multipolygon (a plain polygon is a multipolygon of one part).
struct MultiPolygon {
  std::vector<Polygon> parts;

  bool empty() const { return parts.empty(); }
  Box bounds() const {
    Box b;
    for (const auto& p : parts)
      if (!p.rings.empty())
        for (const auto& c : p.rings.front()) b.expand(c);
    return b;
  }
  std::size_t vertex_count() const {
    std::size_t n = 0;
    for (const auto& p : parts)
      for (const auto& r : p.rings) n += r.size();
    return n;
  }
};

using LineString = std::vector<Coord>;

// Signed shoelace area of a closed ring (positive when counter-clockwise), in squared CRS units.
inline double signed_area(const Ring& ring) {
  double a = 0;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i)
    a += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y;
  return a / 2;
}

// Planar area (outer rings minus holes), in squared CRS units.
inline double planar_area(const MultiPolygon& mp) {
  double a = 0;
  for (const auto& p : mp.parts)
    for (std::size_t r = 0; r < p.rings.size(); ++r)
      a += (r == 0 ? 1 : -1) * std::abs(signed_area(p.rings[r]));
  return a;
}

}  // namespace peta
