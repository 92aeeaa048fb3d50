#include "hotspots/kde.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "core/error.hpp"

namespace peta {

namespace {

constexpr std::size_t kProjectBatch = 4096;

void check_bandwidth(double h, const char* where) {
  if (!(h > 0) || !std::isfinite(h))
    throw Error(std::string(where) + ": bandwidth must be a positive number of metres, got " + std::to_string(h));
}

double rule_of_thumb(double standard_distance, double median_distance, double n) {
  return 0.9 * std::min(standard_distance, std::sqrt(1.0 / std::numbers::ln2) * median_distance) * std::pow(n, -0.2);
}

}  // namespace

double default_bandwidth(const std::vector<Coord>& points) {
  const std::size_t n = points.size();
  if (n < 2) throw Error("kernel density: the default bandwidth needs at least 2 points, got " + std::to_string(n));
  double mx = 0, my = 0;
  for (const auto& p : points) mx += p.x, my += p.y;
  mx /= double(n);
  my /= double(n);
  double ss = 0;
  std::vector<double> distances(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double dx = points[i].x - mx, dy = points[i].y - my;
    ss += dx * dx + dy * dy;
    distances[i] = std::hypot(dx, dy);
  }
  const double sd = std::sqrt(ss / double(n));
  // Median as numpy: the middle value, or the mean of the two middle values for an even count.
  const auto mid = distances.begin() + std::ptrdiff_t(n / 2);
  std::nth_element(distances.begin(), mid, distances.end());
  double median = *mid;
  if (n % 2 == 0) median = (median + *std::max_element(distances.begin(), mid)) / 2;
  const double h = rule_of_thumb(sd, median, double(n));
  if (!(h > 0)) throw Error("kernel density: every point is at the same place; give the bandwidth explicitly");
  return h;
}

void BandwidthEstimator::add_first(Coord p) {
  if (n_ == 0) shift_x_ = p.x, shift_y_ = p.y;
  const double x = p.x - shift_x_, y = p.y - shift_y_;
  sx_ += x;
  sy_ += y;
  sxx_ += x * x;
  syy_ += y * y;
  box_.expand(p);
  ++n_;
}

void BandwidthEstimator::add_second(Coord p) {
  if (bins_.empty()) {
    if (n_ == 0) throw Error("kernel density: BandwidthEstimator::add_second before any add_first");
    const double diagonal = std::hypot(box_.max_x - box_.min_x, box_.max_y - box_.min_y);
    bin_ = std::max(diagonal, 1e-9) / double(kBins - 1);
    bins_.assign(kBins, 0);
  }
  const double mx = shift_x_ + sx_ / double(n_), my = shift_y_ + sy_ / double(n_);
  const double d = std::hypot(p.x - mx, p.y - my);
  bins_[std::min(kBins - 1, std::size_t(d / bin_))]++;
  ++n2_;
}

double BandwidthEstimator::bandwidth() const {
  if (n_ < 2) throw Error("kernel density: the default bandwidth needs at least 2 points, got " + std::to_string(n_));
  if (n2_ != n_)
    throw Error("kernel density: the bandwidth's second pass saw " + std::to_string(n2_) + " points, the first " +
                std::to_string(n_));
  const double n = double(n_);
  const double vx = sxx_ / n - (sx_ / n) * (sx_ / n), vy = syy_ / n - (sy_ / n) * (sy_ / n);
  const double sd = std::sqrt(std::max(0.0, vx + vy));
  // Median: the bin holding the middle rank (bin centre; for an even count the two middle ranks).
  auto value_at_rank = [&](std::uint64_t rank) {
    std::uint64_t seen = 0;
    for (std::size_t b = 0; b < bins_.size(); ++b) {
      seen += bins_[b];
      if (seen > rank) return (double(b) + 0.5) * bin_;
    }
    return (double(bins_.size()) - 0.5) * bin_;
  };
  double median = value_at_rank(n_ / 2);
  if (n_ % 2 == 0) median = (median + value_at_rank(n_ / 2 - 1)) / 2;
  const double h = rule_of_thumb(sd, median, n);
  if (!(h > 0)) throw Error("kernel density: every point is at the same place; give the bandwidth explicitly");
  return h;
}

Box metric_extent(const std::vector<MultiPolygon>& lonlat_polygons) {
  CrsTransform to_metric(kExchangeCrs, kMetricCrs);
  Box box;
  for (const auto& mp : lonlat_polygons) {
    MultiPolygon m = mp;
    to_metric.apply(m);
    for (const auto& part : m.parts)
      for (const auto& ring : part.rings)
        for (const auto& c : ring) box.expand(c);
  }
  return box;
}

DensityRaster make_density_raster(const Box& extent, double h, double cell_size, std::size_t max_cells) {
  check_bandwidth(h, "kernel density");
  if (extent.empty() || !std::isfinite(extent.min_x) || !std::isfinite(extent.max_y))
    throw Error("kernel density: the extent is empty (no boundaries?)");
  if (cell_size < 0 || !std::isfinite(cell_size))
    throw Error("kernel density: cell size must be a positive number of metres, got " + std::to_string(cell_size));
  const double west = extent.min_x - h, east = extent.max_x + h, south = extent.min_y - h, north = extent.max_y + h;
  auto cells_for = [&](double c) {
    return (std::ceil(east / c) - std::floor(west / c)) * (std::ceil(north / c) - std::floor(south / c));
  };
  double c = cell_size > 0 ? cell_size : h / 10;
  if (cell_size == 0 && cells_for(c) > double(max_cells)) {
    c = std::ceil(std::sqrt((east - west) * (north - south) / double(max_cells)));
    while (cells_for(c) > double(max_cells)) c += 1;
  }
  if (cells_for(c) > 1e9)
    throw Error("kernel density: cell size " + std::to_string(c) + " m gives more than 10^9 cells over the extent");
  DensityRaster r;
  r.cell_size = c;
  r.bandwidth = h;
  r.origin_x = std::floor(west / c) * c;
  r.origin_y = std::ceil(north / c) * c;
  r.cols = int(std::llround((std::ceil(east / c) * c - r.origin_x) / c));
  r.rows = int(std::llround((r.origin_y - std::floor(south / c) * c) / c));
  r.values.assign(std::size_t(r.cols) * std::size_t(r.rows), 0.0);
  return r;
}

KernelDensity::KernelDensity(DensityRaster raster)
    : raster_(std::move(raster)), to_metric_(kExchangeCrs, kMetricCrs) {
  check_bandwidth(raster_.bandwidth, "kernel density");
  if (raster_.values.size() != std::size_t(raster_.cols) * std::size_t(raster_.rows))
    throw Error("kernel density: raster values do not match its size");
  pending_.reserve(kProjectBatch);
  pending_weights_.reserve(kProjectBatch);
}

void KernelDensity::add(Coord lonlat, double weight) {
  pending_.push_back(lonlat);
  pending_weights_.push_back(weight);
  if (pending_.size() == kProjectBatch) flush();
}

void KernelDensity::flush() {
  to_metric_.apply(pending_);
  for (std::size_t i = 0; i < pending_.size(); ++i) add_metric(pending_[i], pending_weights_[i]);
  pending_.clear();
  pending_weights_.clear();
}

void KernelDensity::add_metric(Coord p, double weight) {
  ++raster_.point_count;
  if (!std::isfinite(p.x) || !std::isfinite(p.y)) return;
  const double h = raster_.bandwidth, c = raster_.cell_size, h2 = h * h;
  // Cells whose centre lies strictly within h of p.
  const double fc = (p.x - raster_.origin_x) / c - 0.5, fr = (raster_.origin_y - p.y) / c - 0.5;
  const double reach = h / c;
  const long col0 = std::max(0L, long(std::floor(fc - reach))), col1 = std::min(long(raster_.cols) - 1, long(std::ceil(fc + reach)));
  const long row0 = std::max(0L, long(std::floor(fr - reach))), row1 = std::min(long(raster_.rows) - 1, long(std::ceil(fr + reach)));
  if (col0 > col1 || row0 > row1) return;
  const double k0 = weight * 3e6 / (std::numbers::pi * h2);  // per km²
  for (long row = row0; row <= row1; ++row) {
    const double dy = raster_.cell_centre_y(int(row)) - p.y;
    const double dy2 = dy * dy;
    if (dy2 >= h2) continue;
    double* out = raster_.values.data() + std::size_t(row) * std::size_t(raster_.cols);
    for (long col = col0; col <= col1; ++col) {
      const double dx = raster_.cell_centre_x(int(col)) - p.x;
      const double d2 = dx * dx + dy2;
      if (d2 < h2) {
        const double u = 1 - d2 / h2;
        out[col] += k0 * u * u;
      }
    }
  }
}

DensityRaster KernelDensity::finish() {
  flush();
  return std::move(raster_);
}

DensityRaster kernel_density(const std::vector<Coord>& lonlat, const Box& extent_m, const KdeSettings& settings) {
  Ring metric(lonlat.begin(), lonlat.end());
  CrsTransform(kExchangeCrs, kMetricCrs).apply(metric);
  double h = settings.bandwidth_m;
  if (h == 0) {
    std::vector<Coord> finite;
    finite.reserve(metric.size());
    for (const auto& p : metric)
      if (std::isfinite(p.x) && std::isfinite(p.y)) finite.push_back(p);
    h = default_bandwidth(finite);
  }
  KernelDensity kde(make_density_raster(extent_m, h, settings.cell_size_m, settings.max_cells));
  for (const auto& p : metric) kde.add_metric(p);
  return kde.finish();
}

}  // namespace peta
