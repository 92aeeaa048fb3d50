#pragma once
// Kernel density heatmap of findings (points), in EPSG:32749 metres, values in points per km².
//
// Kernel: the quartic (biweight) kernel of QGIS's Heatmap and ArcGIS's Kernel Density,
//   K(d) = 3 / (pi h²) * (1 - d²/h²)²  for d < h, 0 beyond,
// normalised so that every point integrates to exactly 1 over the plane (ArcGIS's constant; QGIS's
// "scaled" output uses a different constant). The density of a cell is the sum of K over all points,
// evaluated at the cell centre, times 1e6 (per m² -> per km²); the peak of a lone point is 3e6 / (pi h²).
//
// Default bandwidth (ArcGIS Kernel Density's rule, a spatial variant of Silverman's rule of thumb), on the
// projected coordinates:  h = 0.9 * min(SD, sqrt(1 / ln 2) * Dm) * n^-0.2
//   SD = standard distance = sqrt(mean((x - x̄)²) + mean((y - ȳ)²)),  Dm = median distance to (x̄, ȳ).
// Default cell size: h / 10, enlarged (to a whole number of metres) when the raster would exceed
// KdeSettings::max_cells.
// Extent: the given extent in metres (the boundaries' extent, see metric_extent) grown by one bandwidth,
// snapped outwards to whole multiples of the cell size (rasters with the same cell size align).
//
// Millions of points: KernelDensity::add streams points in (projected in batches); only the raster is held.
// With the default bandwidth the points are read twice: once through a BandwidthEstimator, once into the
// raster (see kernel_density for the in-memory path).
#include <cstdint>
#include <string>
#include <vector>

#include "core/crs.hpp"
#include "core/geometry.hpp"

namespace peta {

struct KdeSettings {
  double bandwidth_m = 0;            // 0 = the default rule above
  double cell_size_m = 0;            // 0 = bandwidth / 10 (capped by max_cells)
  std::size_t max_cells = 16'000'000;  // cap on columns x rows for the default cell size
};

// A north-up raster in EPSG:32749: row 0 is the northern edge. values[row * cols + col].
struct DensityRaster {
  double origin_x = 0;  // west edge, metres
  double origin_y = 0;  // north edge, metres
  double cell_size = 0;
  int cols = 0;
  int rows = 0;
  double bandwidth = 0;
  std::uint64_t point_count = 0;  // points added (including those whose kernel misses the raster)
  std::vector<double> values;     // points per km²

  double cell_centre_x(int col) const { return origin_x + (col + 0.5) * cell_size; }
  double cell_centre_y(int row) const { return origin_y - (row + 0.5) * cell_size; }
  double at(int col, int row) const { return values[std::size_t(row) * std::size_t(cols) + std::size_t(col)]; }
  // The GDAL geotransform {origin_x, cell, 0, origin_y, 0, -cell}.
  std::vector<double> geotransform() const { return {origin_x, cell_size, 0, origin_y, 0, -cell_size}; }
};

// The quartic kernel in points per m² at distance d for bandwidth h (0 for d >= h).
inline double quartic_kernel(double d, double h) {
  if (d >= h) return 0;
  const double u = 1 - (d * d) / (h * h);
  return 3.0 / (3.14159265358979323846 * h * h) * u * u;
}

// ArcGIS's default bandwidth rule on projected points (metres). Throws peta::Error for fewer than 2
// points or when every point is at the same place (the rule gives 0).
double default_bandwidth(const std::vector<Coord>& metric_points);

// The same rule over a stream, in two passes: add_first() every point, then add_second() every point
// again; bandwidth() then gives the rule's value. SD is exact; Dm is the median of the distances binned
// in 2^20 bins over the first pass's extent (bins under 1 m for extents up to ~1,000 km, so h stays
// within a metre of the in-memory value). Points in lon/lat are projected by the caller.
class BandwidthEstimator {
 public:
  void add_first(Coord metric);
  void add_second(Coord metric);
  std::uint64_t count() const { return n_; }
  double bandwidth() const;

 private:
  std::uint64_t n_ = 0, n2_ = 0;
  double shift_x_ = 0, shift_y_ = 0;  // first point: sums are taken relative to it (precision)
  double sx_ = 0, sy_ = 0, sxx_ = 0, syy_ = 0;
  Box box_;                          // first pass extent
  double bin_ = 0;                   // second pass bin width
  std::vector<std::uint32_t> bins_;  // second pass: histogram of distances to the mean centre
  static constexpr std::size_t kBins = std::size_t(1) << 20;
};

// The boundaries' extent in EPSG:32749: the box of every vertex of the lon/lat polygons once projected.
Box metric_extent(const std::vector<MultiPolygon>& lonlat_polygons);

// The raster that covers `extent_m` grown by `bandwidth_m`, snapped outwards to multiples of the cell size.
// cell_size_m = 0: bandwidth / 10, enlarged to whole metres when more than max_cells would be needed.
DensityRaster make_density_raster(const Box& extent_m, double bandwidth_m, double cell_size_m = 0,
                                  std::size_t max_cells = KdeSettings{}.max_cells);

// Streaming accumulator over a raster made by make_density_raster.
class KernelDensity {
 public:
  explicit KernelDensity(DensityRaster raster);
  void add(Coord lonlat, double weight = 1.0);         // projected to EPSG:32749 in batches
  void add_metric(Coord metric, double weight = 1.0);  // already in EPSG:32749
  DensityRaster finish();                              // flushes pending points; the accumulator is spent

 private:
  void flush();
  DensityRaster raster_;
  CrsTransform to_metric_;
  Ring pending_;
  std::vector<double> pending_weights_;
};

// In-memory convenience: projects `lonlat` points, picks the default bandwidth and cell size where the
// settings leave them at 0, and accumulates over `extent_m` grown by one bandwidth.
DensityRaster kernel_density(const std::vector<Coord>& lonlat, const Box& extent_m, const KdeSettings& settings = {});

// Writes the raster as a single-band Float32 GeoTIFF in EPSG:32749 (deflate, tiled), to a temporary name
// in the same folder then renamed to `path`. Metadata: bandwidth, cell size, kernel, point count, unit.
// Throws peta::Error naming the file when GDAL cannot write it.
void write_density_geotiff(const DensityRaster& raster, const std::string& path);

}  // namespace peta
