#include "sample/sample_generator.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <numbers>
#include <numeric>

#include "core/crs.hpp"
#include "core/error.hpp"
#include "core/geos_handle.hpp"
#include "sample/land_mask.hpp"
#include "sample/polygon_raster.hpp"
#include "sample/random.hpp"
#include "sample/sample_vocabulary.hpp"

namespace peta {
namespace {
namespace vocab = sample_vocabulary;

constexpr double kMetresPerDegreeLat = 110574.0;
constexpr double kMetresPerDegreeLonAtEquator = 111320.0;
constexpr std::uint64_t kPlanSalt = 0x70657461706c616eULL;  // "petaplan": the plan does not depend on count
constexpr int kClusterTries = 32;
constexpr int kBackgroundTries = 64;
constexpr double kClusterCutoffSigmas = 3;  // cluster points beyond this are redrawn
constexpr double kSeaShare = 0.85;          // of the outside points: in the sea north; the rest far away

double metres_to_lat(double m) { return m / kMetresPerDegreeLat; }
double metres_to_lon(double m, double lat_deg) {
  return m / (kMetresPerDegreeLonAtEquator * std::cos(lat_deg * std::numbers::pi / 180));
}

// Index i with cumulative[i-1] <= u * total < cumulative[i].
template <std::size_t N>
int pick(SeededRandom& rng, const std::array<double, N>& cumulative) {
  const double u = rng.uniform() * cumulative[N - 1];
  for (std::size_t i = 0; i + 1 < N; ++i)
    if (u < cumulative[i]) return static_cast<int>(i);
  return static_cast<int>(N - 1);
}

template <std::size_t N>
std::array<double, N> cumulative_of(const std::array<double, N>& shares) {
  std::array<double, N> c{};
  std::partial_sum(shares.begin(), shares.end(), c.begin());
  return c;
}

double desa_area_km2(const AdminUnit& unit) {
  return unit.area_km2 > 0 ? unit.area_km2 : area_km2(unit.geometry);
}

// How many hot villages get each category as dominant: one each (as far as they go, larger shares
// first), the rest apportioned by the category shares with largest remainders. Deterministic.
std::array<int, 5> dominant_counts(int villages) {
  std::array<int, 5> counts{};
  std::array<int, 5> by_share = {0, 1, 2, 3, 4};
  std::stable_sort(by_share.begin(), by_share.end(),
                   [](int a, int b) { return kSampleCategoryShares[a] > kSampleCategoryShares[b]; });
  int given = 0;
  for (int c : by_share)
    if (given < villages) counts[c] = 1, ++given;
  const int rest = villages - given;
  std::array<double, 5> remainder{};
  for (int c = 0; c < 5; ++c) {
    const double exact = kSampleCategoryShares[c] * rest;
    counts[c] += static_cast<int>(exact);
    given += static_cast<int>(exact);
    remainder[c] = exact - std::floor(exact);
  }
  std::stable_sort(by_share.begin(), by_share.end(), [&](int a, int b) { return remainder[a] > remainder[b]; });
  for (int i = 0; given < villages; ++i, ++given) counts[by_share[i % 5]] += 1;
  return counts;
}

Coord point_on_surface(const GEOSGeometry* g) {
  auto h = geos_context().get();
  GeosGeom p(GEOSPointOnSurface_r(h, g));
  Coord c;
  if (!p || GEOSGeomGetX_r(h, p.get(), &c.x) != 1 || GEOSGeomGetY_r(h, p.get(), &c.y) != 1)
    throw Error("sample: GEOS found no interior point of a desa polygon");
  return c;
}

void check_options(const Boundaries& boundaries, const SampleOptions& o) {
  if (boundaries.desa.empty()) throw Error("sample: the boundaries have no desa");
  if (o.count < 0) throw Error("sample: count must not be negative");
  if (!(o.outside_share >= 0 && o.outside_share <= 1)) throw Error("sample: outside_share must be in [0, 1]");
  if (!(o.cluster_share >= 0 && o.cluster_share <= 1)) throw Error("sample: cluster_share must be in [0, 1]");
  if (!(o.dominant_share >= 0 && o.dominant_share <= 1)) throw Error("sample: dominant_share must be in [0, 1]");
  if (!(o.potential_share >= 0 && o.potential_share <= 1)) throw Error("sample: potential_share must be in [0, 1]");
  if (o.hot_villages < 0) throw Error("sample: hot_villages must not be negative");
  if (o.year < 1 || o.year > 9999) throw Error("sample: year must be in 1..9999");
}

// Everything generate_sample needs about the desa, computed once.
struct DesaShapes {
  std::vector<GeosGeom> geometries;
  std::vector<GeosPrepared> prepared;
  std::vector<Box> boxes;
  std::vector<PolygonRaster> rasters;  // answer most "inside this desa?" questions without GEOS
  std::vector<double> cumulative_area;  // for picking a desa weighted by area
  Box extent;

  explicit DesaShapes(const Boundaries& b) {
    double total = 0;
    for (const auto& unit : b.desa) {
      geometries.push_back(to_geos(unit.geometry));
      prepared.push_back(prepare(geometries.back().get()));
      boxes.push_back(unit.geometry.bounds());
      extent.expand(boxes.back());
      total += std::max(0.0, desa_area_km2(unit));
      cumulative_area.push_back(total);
    }
    if (!(total > 0)) throw Error("sample: the desa of the boundaries have no area");
    for (std::size_t i = 0; i < b.desa.size(); ++i) rasters.emplace_back(b.desa[i].geometry, prepared[i].get());
  }
  std::size_t size() const { return geometries.size(); }
};

std::vector<HotVillage> plan(const Boundaries& boundaries, const SampleOptions& options) {
  const int n = std::min<int>(options.hot_villages, static_cast<int>(boundaries.desa.size()));
  SeededRandom rng(options.seed ^ kPlanSalt);
  // Distinct villages: a partial Fisher-Yates shuffle of the desa indices.
  std::vector<int> order(boundaries.desa.size());
  std::iota(order.begin(), order.end(), 0);
  for (int i = 0; i < n; ++i) std::swap(order[i], order[i + rng.below(order.size() - i)]);

  // Dominant categories, dealt in a seeded order so that which village gets which varies with the seed.
  std::vector<int> dominants;
  const auto counts = dominant_counts(n);
  for (int c = 0; c < 5; ++c) dominants.insert(dominants.end(), counts[c], c);
  for (std::size_t i = dominants.size(); i > 1; --i) std::swap(dominants[i - 1], dominants[rng.below(i)]);

  std::vector<HotVillage> hot(n);
  std::array<double, 5> raw_by_category{};
  for (int i = 0; i < n; ++i) {
    auto& v = hot[i];
    v.desa = order[i];
    const AdminUnit& unit = boundaries.desa[v.desa];
    GeosGeom g = to_geos(unit.geometry);
    v.centre = point_on_surface(g.get());
    // A cluster about the size of the village (half its equivalent radius), 300 m .. 2 km.
    const double radius_m = std::sqrt(std::max(0.0, desa_area_km2(unit)) / std::numbers::pi) * 1000;
    v.sigma_m = std::clamp(0.5 * radius_m * rng.uniform(0.7, 1.4), 300.0, 2000.0);
    v.dominant = dominants[i];
    v.weight = 1 + rng.exponential(1.0);  // some hotspots bigger than others, none negligible
    raw_by_category[v.dominant] += v.weight;
  }
  // Each category's hot villages together carry that category's share of the clustered points, so
  // the clusters' dominant categories follow the overall mix and the background needs no correction.
  double total = 0;
  for (auto& v : hot) total += v.weight = kSampleCategoryShares[v.dominant] * v.weight / raw_by_category[v.dominant];
  for (auto& v : hot) v.weight /= total;
  return hot;
}

// Category mix of the background so that, clusters included, the inside points follow kSampleCategoryShares
// (exact when every category dominates some hot village; otherwise as close as non-negative shares allow).
std::array<double, 5> background_shares(const std::vector<HotVillage>& hot, const SampleOptions& o) {
  std::array<double, 5> shares = kSampleCategoryShares;
  if (hot.empty() || o.cluster_share >= 1) return shares;
  std::array<double, 5> dominant{};
  for (const auto& v : hot) dominant[v.dominant] += v.weight;
  const double k = o.cluster_share * o.dominant_share / (1 - o.cluster_share);
  double total = 0;
  for (int c = 0; c < 5; ++c) {
    shares[c] = std::max(0.0, kSampleCategoryShares[c] + k * (kSampleCategoryShares[c] - dominant[c]));
    total += shares[c];
  }
  for (auto& s : shares) s /= total;
  return shares;
}

class Generator {
 public:
  Generator(const Boundaries& boundaries, const SampleOptions& options)
      : options_(options),
        shapes_(boundaries),
        mask_(mask_shapes(), shapes_.extent),
        hot_(plan(boundaries, options)),
        rng_(options.seed),
        potential_rng_(options.seed ^ 0x706f74656e7369ULL),
        target_cumulative_(cumulative_of(kSampleCategoryShares)),
        background_cumulative_(cumulative_of(background_shares(hot_, options))),
        severity_cumulative_(cumulative_of(vocab::kSeverityShares)) {
    for (const auto& v : hot_) {
      hot_cumulative_.push_back((hot_cumulative_.empty() ? 0 : hot_cumulative_.back()) + v.weight);
      hot_scale_.push_back({metres_to_lon(v.sigma_m, v.centre.y), metres_to_lat(v.sigma_m)});
    }
    for (int d = 0; d < vocab::days_in_year(options.year); ++d) dates_.push_back(vocab::date_of(options.year, d));
    const Box& e = shapes_.extent;
    mid_lat_ = (e.min_y + e.max_y) / 2;
    // Fallback interior points for desa whose box sampling keeps missing (very thin shapes).
    fallback_.resize(shapes_.size());
    fallback_done_.assign(shapes_.size(), false);
  }

  void run(const std::function<void(const SamplePoint&)>& emit) {
    SamplePoint p;
    const double cluster_share = hot_.empty() ? 0 : options_.cluster_share;
    for (std::int64_t i = 0; i < options_.count; ++i) {
      write_id(p.id, i + 1);
      int category;
      const double u = rng_.uniform();
      if (u < options_.outside_share) {
        p.lonlat = outside_point();
        category = pick(rng_, target_cumulative_);
      } else if (rng_.uniform() < cluster_share) {
        const HotVillage& v = hot_[pick_hot()];
        p.lonlat = cluster_point(v, &v - hot_.data());
        category = rng_.uniform() < options_.dominant_share ? v.dominant : pick(rng_, target_cumulative_);
      } else {
        p.lonlat = background_point();
        category = pick(rng_, background_cumulative_);
      }
      p.category.assign(kSampleCategories[category]);
      p.date.assign(dates_[rng_.below(dates_.size())]);
      p.severity.assign(vocab::kSeverities[pick(rng_, severity_cumulative_)]);
      p.note.assign(vocab::kNotes[category][rng_.below(vocab::kNotesPerCategory)]);
      if (potential_rng_.uniform() < options_.potential_share) {
        p.category.assign(kSamplePotentialCategory);
        p.note.assign(vocab::kPotentialNotes[potential_rng_.below(vocab::kNotesPerCategory)]);
      }
      emit(p);
    }
  }

 private:
  std::vector<LandMask::Shape> mask_shapes() const {
    std::vector<LandMask::Shape> s;
    for (std::size_t i = 0; i < shapes_.size(); ++i) s.push_back({shapes_.prepared[i].get(), shapes_.boxes[i]});
    return s;
  }

  // "T" and the number, zero-padded to at least 7 digits: T0000001.
  static void write_id(std::string& id, std::int64_t number) {
    char digits[24] = {};
    const auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
    const int len = static_cast<int>(end - digits);
    char text[32] = "T0000000";
    const int width = len < 7 ? 7 : len;
    std::memcpy(text + 1 + (width - len), digits, static_cast<std::size_t>(len));
    id.assign(text, static_cast<std::size_t>(1 + width));
  }

  std::size_t pick_hot() {
    const double u = rng_.uniform() * hot_cumulative_.back();
    auto it = std::upper_bound(hot_cumulative_.begin(), hot_cumulative_.end(), u);
    return std::min<std::size_t>(static_cast<std::size_t>(it - hot_cumulative_.begin()), hot_.size() - 1);
  }

  // Gaussian around the village's interior point; redrawn (a cheap rule, no point-in-polygon) when
  // beyond 3 sigma or on a mask cell whose centre is in no desa (sea, a neighbouring regency).
  Coord cluster_point(const HotVillage& v, std::ptrdiff_t index) {
    const Coord scale = hot_scale_[static_cast<std::size_t>(index)];
    for (int t = 0; t < kClusterTries; ++t) {
      double a, b;
      rng_.normal_pair(a, b);
      if (a * a + b * b > kClusterCutoffSigmas * kClusterCutoffSigmas) continue;
      const Coord c{v.centre.x + a * scale.x, v.centre.y + b * scale.y};
      if (mask_.on_land(c)) return c;
    }
    return v.centre;
  }

  // A desa weighted by area, then a uniform point in its box kept only if inside the polygon (its raster
  // answers for whole cells, the prepared GEOS polygon for points in boundary cells).
  Coord background_point() {
    const double u = rng_.uniform() * shapes_.cumulative_area.back();
    auto it = std::upper_bound(shapes_.cumulative_area.begin(), shapes_.cumulative_area.end(), u);
    const std::size_t d = std::min<std::size_t>(static_cast<std::size_t>(it - shapes_.cumulative_area.begin()),
                                                shapes_.size() - 1);
    const Box& box = shapes_.boxes[d];
    for (int t = 0; t < kBackgroundTries; ++t) {
      const Coord c{rng_.uniform(box.min_x, box.max_x), rng_.uniform(box.min_y, box.max_y)};
      if (shapes_.rasters[d].contains(c)) return c;
    }
    if (!fallback_done_[d]) fallback_[d] = point_on_surface(shapes_.geometries[d].get()), fallback_done_[d] = true;
    return fallback_[d];
  }

  // Outside the extent box, so outside every desa: mostly in the sea north of it (0.5 .. 10 km off),
  // the rest 5 .. 40 km beyond its west, east or south edge (another regency).
  Coord outside_point() {
    const Box& e = shapes_.extent;
    if (rng_.uniform() < kSeaShare)
      return {rng_.uniform(e.min_x, e.max_x), e.max_y + metres_to_lat(rng_.uniform(500, 10000))};
    const double off_m = rng_.uniform(5000, 40000);
    switch (rng_.below(3)) {
      case 0: return {e.min_x - metres_to_lon(off_m, mid_lat_), rng_.uniform(e.min_y, e.max_y)};
      case 1: return {e.max_x + metres_to_lon(off_m, mid_lat_), rng_.uniform(e.min_y, e.max_y)};
      default: return {rng_.uniform(e.min_x, e.max_x), e.min_y - metres_to_lat(off_m)};
    }
  }

  SampleOptions options_;
  DesaShapes shapes_;
  LandMask mask_;
  std::vector<HotVillage> hot_;
  SeededRandom rng_;
  SeededRandom potential_rng_;  // potensi: its own stream, so the other points do not change with its share
  std::array<double, 5> target_cumulative_;
  std::array<double, 5> background_cumulative_;
  std::array<double, 3> severity_cumulative_;
  std::vector<double> hot_cumulative_;
  std::vector<Coord> hot_scale_;  // sigma in degrees of lon (x) and lat (y)
  std::vector<std::string> dates_;
  std::vector<Coord> fallback_;
  std::vector<bool> fallback_done_;
  double mid_lat_ = 0;
};
}  // namespace

std::vector<HotVillage> plan_hot_villages(const Boundaries& boundaries, const SampleOptions& options) {
  check_options(boundaries, options);
  return plan(boundaries, options);
}

void generate_sample(const Boundaries& boundaries, const SampleOptions& options,
                     const std::function<void(const SamplePoint&)>& emit) {
  check_options(boundaries, options);
  Generator(boundaries, options).run(emit);
}

}  // namespace peta
