#pragma once
// A packed R-tree over points (Boost.Geometry) for the point-based weights. Internal to hotspots.
#include <cmath>
#include <utility>
#include <vector>

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include "core/geometry.hpp"

namespace peta {

class PointIndex {
 public:
  using Point = boost::geometry::model::point<double, 2, boost::geometry::cs::cartesian>;
  using Entry = std::pair<Point, std::size_t>;

  explicit PointIndex(const std::vector<Coord>& points) {
    std::vector<Entry> entries;
    for (std::size_t i = 0; i < points.size(); ++i)
      if (std::isfinite(points[i].x) && std::isfinite(points[i].y)) entries.emplace_back(Point(points[i].x, points[i].y), i);
    tree_ = Tree(entries.begin(), entries.end());  // packing constructor
  }

  // visit(index, distance) for the `count` points nearest to c.
  template <class Visit>
  void nearest(const Coord& c, std::size_t count, Visit&& visit) const {
    namespace bgi = boost::geometry::index;
    Point p(c.x, c.y);
    for (auto it = tree_.qbegin(bgi::nearest(p, unsigned(count))); it != tree_.qend(); ++it)
      visit(it->second, boost::geometry::distance(p, it->first));
  }

  // visit(index, distance) for every point within `radius` of c (distance <= radius).
  template <class Visit>
  void within(const Coord& c, double radius, Visit&& visit) const {
    namespace bgi = boost::geometry::index;
    boost::geometry::model::box<Point> box(Point(c.x - radius, c.y - radius), Point(c.x + radius, c.y + radius));
    Point p(c.x, c.y);
    for (auto it = tree_.qbegin(bgi::intersects(box)); it != tree_.qend(); ++it) {
      double d = boost::geometry::distance(p, it->first);
      if (d <= radius) visit(it->second, d);
    }
  }

 private:
  using Tree = boost::geometry::index::rtree<Entry, boost::geometry::index::rstar<16>>;
  Tree tree_;
};

}  // namespace peta
