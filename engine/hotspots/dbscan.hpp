#pragma once
// DBSCAN clusters of findings (Ester et al. 1996) in EPSG:32749 metres.
//
// Rules (identical to sklearn.cluster.DBSCAN with its default settings, labels included):
//  - neighbours of p: every point q (p itself included) with |pq| <= eps (Euclidean, metres);
//  - core point: at least min_points neighbours (p itself counts, as sklearn's min_samples);
//  - clusters are the connected components of core points linked within eps, numbered 0, 1, ... in the
//    order of their first core point in input order;
//  - a border point (not core, within eps of some core point) joins the lowest-numbered cluster among
//    its core neighbours (what sklearn's in-order expansion gives);
//  - every other point is noise, labelled -1.
// Points with non-finite coordinates are noise. Neighbours are found through a grid of square cells of
// side eps / sqrt(2) (grid DBSCAN, Gunawan 2013): the points of one cell are all within eps of each other,
// so a cell with min_points points is all core and the core points of a cell always share a cluster;
// clusters are then joined cell to cell (5 x 5 blocks), which keeps dense clusters from costing
// O(n x neighbours). Only non-empty cells are stored, so memory is O(n) whatever eps and the extent.
//
// Cluster outlines: the GEOS convex hull of the cluster's points in metres, transformed back to lon/lat.
// A cluster whose hull has no area (1 or 2 points, or all collinear) gets the hull buffered by
// hull_buffer_m (default eps / 10) instead.
#include <cstdint>
#include <string>
#include <vector>

#include "core/geometry.hpp"

namespace peta {

struct DbscanSettings {
  double eps_m = 250;       // neighbourhood radius, metres
  std::size_t min_points = 5;  // neighbours (self included) that make a core point
  double hull_buffer_m = 0;    // buffer of degenerate hulls; 0 = eps / 10
  unsigned threads = 0;        // 0 = all cores
};

struct DbscanCluster {
  int id = 0;                   // the label of its points
  std::size_t size = 0;         // core + border points
  std::size_t core_count = 0;
  std::size_t first_point = 0;  // input index of its first core point
  MultiPolygon hull;            // lon/lat (EPSG:4326)
  double hull_area_km2 = 0;     // area of the hull (buffered when degenerate), in EPSG:32749
  Coord centre;                 // mean of its points, lon/lat
  std::vector<std::size_t> category_counts;  // per DbscanResult::categories
};

struct DbscanResult {
  std::vector<int> labels;           // per input point: cluster id or -1 (noise)
  std::vector<std::uint8_t> core;    // per input point: 1 when core
  std::vector<DbscanCluster> clusters;  // by id
  std::vector<std::string> categories;  // distinct categories, sorted (empty when none were given)
  std::size_t noise_count = 0;
};

// Labels only (no hulls, no categories), on points already in metres.
struct DbscanLabels {
  std::vector<int> labels;
  std::vector<std::uint8_t> core;
  int cluster_count = 0;
};
DbscanLabels dbscan_labels(const std::vector<Coord>& metric_points, double eps_m, std::size_t min_points,
                           unsigned threads = 0);

// Full result on lon/lat points; `categories` is empty or holds one category per point.
// Throws peta::Error when eps_m <= 0, min_points == 0 or the category count does not match.
DbscanResult dbscan(const std::vector<Coord>& lonlat, const std::vector<std::string>& categories,
                    const DbscanSettings& settings = {});

}  // namespace peta
