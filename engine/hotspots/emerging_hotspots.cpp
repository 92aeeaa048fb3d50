#include "hotspots/emerging_hotspots.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "core/error.hpp"

namespace peta {
namespace {

double two_sided_p(double z) { return std::isfinite(z) ? std::erfc(std::fabs(z) / std::numbers::sqrt2) : 1.0; }

struct Moments {
  double mean = 0, sd = 0;
  std::size_t count = 0;
};

Moments moments(const double* v, std::size_t count) {
  Moments m;
  m.count = count;
  double sum = 0;
  for (std::size_t i = 0; i < count; ++i) sum += v[i];
  m.mean = sum / double(count);
  double ss = 0;
  for (std::size_t i = 0; i < count; ++i) ss += (v[i] - m.mean) * (v[i] - m.mean);
  m.sd = std::sqrt(ss / double(count));
  return m;
}

bool hot(double z, double p, double alpha) { return p <= alpha && z > 0; }
bool cold(double z, double p, double alpha) { return p <= alpha && z < 0; }

}  // namespace

const char* emerging_class_code(EmergingClass c) {
  static const char* kCodes[] = {
      "no_pattern", "new_hot", "consecutive_hot", "intensifying_hot", "persistent_hot", "diminishing_hot",
      "sporadic_hot", "oscillating_hot", "historical_hot", "new_cold", "consecutive_cold", "intensifying_cold",
      "persistent_cold", "diminishing_cold", "sporadic_cold", "oscillating_cold", "historical_cold"};
  return kCodes[int(c)];
}

const char* emerging_class_value(EmergingClass c) {
  static const char* kValues[] = {
      "tidak_ada_pola", "panas_baru", "panas_berturut", "panas_menguat", "panas_menetap", "panas_melemah",
      "panas_sporadis", "panas_berayun", "panas_historis", "dingin_baru", "dingin_berturut", "dingin_menguat",
      "dingin_menetap", "dingin_melemah", "dingin_sporadis", "dingin_berayun", "dingin_historis"};
  return kValues[int(c)];
}

const char* emerging_class_label_id(EmergingClass c) {
  static const char* kLabels[] = {
      "Tidak ada pola", "Titik panas baru", "Titik panas berturut-turut", "Titik panas menguat",
      "Titik panas menetap", "Titik panas melemah", "Titik panas sporadis", "Titik panas berayun",
      "Titik panas historis", "Titik dingin baru", "Titik dingin berturut-turut", "Titik dingin menguat",
      "Titik dingin menetap", "Titik dingin melemah", "Titik dingin sporadis", "Titik dingin berayun",
      "Titik dingin historis"};
  return kLabels[int(c)];
}

const char* emerging_class_label_en(EmergingClass c) {
  static const char* kLabels[] = {
      "No pattern detected", "New hot spot", "Consecutive hot spot", "Intensifying hot spot",
      "Persistent hot spot", "Diminishing hot spot", "Sporadic hot spot", "Oscillating hot spot",
      "Historical hot spot", "New cold spot", "Consecutive cold spot", "Intensifying cold spot",
      "Persistent cold spot", "Diminishing cold spot", "Sporadic cold spot", "Oscillating cold spot",
      "Historical cold spot"};
  return kLabels[int(c)];
}

EmergingColour emerging_class_colour(EmergingClass c) {
  static const EmergingColour kColours[kEmergingClassCount] = {
      {238, 238, 238},                                                      // no pattern
      {254, 178, 76},  {253, 141, 60}, {165, 0, 38},   {215, 48, 39},       // new, consecutive, intensifying, persistent
      {244, 109, 67},  {253, 212, 158}, {241, 105, 19}, {188, 128, 189},    // diminishing, sporadic, oscillating, historical
      {158, 202, 225}, {107, 174, 214}, {8, 48, 107},   {33, 113, 181},     // cold mirrored
      {66, 146, 198},  {198, 219, 239}, {8, 81, 156},   {128, 205, 193}};
  return kColours[int(c)];
}

MannKendall mann_kendall(const std::vector<double>& x) {
  MannKendall r;
  const std::size_t n = x.size();
  if (n < 2) return r;
  double s = 0;
  for (std::size_t a = 0; a < n; ++a)
    for (std::size_t b = a + 1; b < n; ++b) s += (x[b] > x[a]) - (x[b] < x[a]);
  // Ties: groups of equal values.
  std::vector<double> sorted = x;
  std::sort(sorted.begin(), sorted.end());
  double ties = 0;
  for (std::size_t a = 0; a < n;) {
    std::size_t b = a;
    while (b < n && sorted[b] == sorted[a]) ++b;
    const double t = double(b - a);
    ties += t * (t - 1) * (2 * t + 5);
    a = b;
  }
  const double dn = double(n);
  r.s = s;
  r.variance = (dn * (dn - 1) * (2 * dn + 5) - ties) / 18.0;
  r.tau = s / (dn * (dn - 1) / 2);
  if (r.variance > 0 && s != 0) {
    r.z = (s - (s > 0 ? 1 : -1)) / std::sqrt(r.variance);
    r.p = two_sided_p(r.z);
  }
  return r;
}

EmergingClass classify_emerging(const std::vector<double>& z, const std::vector<double>& p, const MannKendall& mk,
                                double alpha) {
  const std::size_t n = z.size();
  if (n == 0) return EmergingClass::no_pattern;
  std::vector<int> sign(n);  // +1 hot bin, -1 cold bin, 0 not significant
  int hot_count = 0, cold_count = 0;
  for (std::size_t t = 0; t < n; ++t) {
    sign[t] = hot(z[t], p[t], alpha) ? 1 : cold(z[t], p[t], alpha) ? -1 : 0;
    hot_count += sign[t] > 0;
    cold_count += sign[t] < 0;
  }
  const int last = sign[n - 1];
  const bool trend = mk.p <= alpha;

  // Rules for one side: `side` +1 for hot, -1 for cold; returns the index 0..6 of the rule that holds
  // (new, consecutive, intensifying, persistent, diminishing, oscillating, historical) or -1.
  auto share = [&](int side) { return double(side > 0 ? hot_count : cold_count) / double(n); };
  auto count = [&](int side) { return side > 0 ? hot_count : cold_count; };
  auto other = [&](int side) { return side > 0 ? cold_count : hot_count; };
  auto is_new = [&](int side) { return last == side && count(side) == 1 && other(side) == 0; };
  auto is_consecutive = [&](int side) {
    if (last != side) return false;
    std::size_t run = 0;
    while (run < n && sign[n - 1 - run] == side) ++run;
    if (run < 2) return false;
    for (std::size_t t = 0; t + run < n; ++t)
      if (sign[t] != 0) return false;
    return share(side) < 0.9;
  };
  auto is_intensifying = [&](int side) {
    return share(side) >= 0.9 && last == side && trend && (side > 0 ? mk.tau > 0 : mk.tau < 0);
  };
  auto is_persistent = [&](int side) { return share(side) >= 0.9 && !trend; };
  auto is_diminishing = [&](int side) {
    return share(side) >= 0.9 && last == side && trend && (side > 0 ? mk.tau < 0 : mk.tau > 0);
  };
  auto is_oscillating = [&](int side) { return last == side && other(side) > 0 && share(side) < 0.9; };
  auto is_historical = [&](int side) { return last != side && share(side) >= 0.9; };
  auto is_sporadic = [&](int side) { return count(side) > 0 && other(side) == 0 && share(side) < 0.9; };

  using C = EmergingClass;
  if (is_new(1)) return C::new_hot;
  if (is_new(-1)) return C::new_cold;
  if (is_consecutive(1)) return C::consecutive_hot;
  if (is_consecutive(-1)) return C::consecutive_cold;
  if (is_intensifying(1)) return C::intensifying_hot;
  if (is_intensifying(-1)) return C::intensifying_cold;
  if (is_persistent(1)) return C::persistent_hot;
  if (is_persistent(-1)) return C::persistent_cold;
  if (is_diminishing(1)) return C::diminishing_hot;
  if (is_diminishing(-1)) return C::diminishing_cold;
  if (is_oscillating(1)) return C::oscillating_hot;
  if (is_oscillating(-1)) return C::oscillating_cold;
  if (is_historical(1)) return C::historical_hot;
  if (is_historical(-1)) return C::historical_cold;
  if (is_sporadic(1)) return C::sporadic_hot;
  if (is_sporadic(-1)) return C::sporadic_cold;
  return C::no_pattern;
}

EmergingResult emerging_hotspots(const SpaceTimeCube& cube, const SpatialWeights& weights,
                                 const EmergingSettings& settings) {
  const std::size_t n = cube.locations, steps = cube.steps;
  if (weights.size() != n) throw Error("emerging hot spots: weights for " + std::to_string(weights.size()) +
                                       " locations, cube has " + std::to_string(n));
  if (cube.values.size() != n * steps) throw Error("emerging hot spots: cube values do not match n x T");
  if (settings.time_lags < 0) throw Error("emerging hot spots: time lags must be >= 0");
  EmergingResult r;
  r.z.assign(n * steps, std::numeric_limits<double>::quiet_NaN());
  r.p.assign(n * steps, 1.0);

  // Spatial lag with self per slice (binary), and the neighbourhood size per location.
  std::vector<double> lag(n * steps);
  std::vector<double> cells(n);  // spatial neighbourhood size incl. self
  const auto& offsets = weights.offsets();
  const auto& neighbours = weights.neighbour_array();
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t c = 1;
    for (std::size_t e = offsets[i]; e < offsets[i + 1]; ++e) c += neighbours[e] != i;
    cells[i] = double(c);
  }
  for (std::size_t t = 0; t < steps; ++t) {
    const double* x = cube.values.data() + t * n;
    double* out = lag.data() + t * n;
    for (std::size_t i = 0; i < n; ++i) {
      double s = x[i];
      for (std::size_t e = offsets[i]; e < offsets[i + 1]; ++e)
        if (neighbours[e] != i) s += x[neighbours[e]];
      out[i] = s;
    }
  }

  const Moments whole = steps ? moments(cube.values.data(), n * steps) : Moments{};
  const std::size_t k = std::size_t(settings.time_lags);
  for (std::size_t t = 0; t < steps; ++t) {
    const Moments m = settings.standardisation == GiStandardisation::whole_cube ? whole
                                                                                : moments(cube.values.data() + t * n, n);
    const double big_n = double(m.count);
    const std::size_t first = t >= k ? t - k : 0;
    const double depth = double(t - first + 1);
    for (std::size_t i = 0; i < n; ++i) {
      double s = 0;
      for (std::size_t u = first; u <= t; ++u) s += lag[u * n + i];
      const double w = cells[i] * depth;
      const double denominator = m.sd * std::sqrt((big_n * w - w * w) / (big_n - 1));
      if (!(denominator > 0)) continue;  // a constant cube or slice: z undefined, never significant
      const double z = (s - m.mean * w) / denominator;
      r.z[t * n + i] = z;
      r.p[t * n + i] = two_sided_p(z);
    }
  }

  r.mk_tau.resize(n);
  r.mk_s.resize(n);
  r.mk_z.resize(n);
  r.mk_p.resize(n);
  r.classes.resize(n);
  r.hot_bins.resize(n);
  r.cold_bins.resize(n);
  std::vector<double> zs(steps), ps(steps);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t t = 0; t < steps; ++t) {
      const double z = r.z[t * n + i];
      zs[t] = std::isfinite(z) ? z : 0.0;  // undefined z enters the trend test as "no clustering"
      ps[t] = r.p[t * n + i];
      r.hot_bins[i] += hot(zs[t], ps[t], settings.alpha);
      r.cold_bins[i] += cold(zs[t], ps[t], settings.alpha);
    }
    const MannKendall mk = mann_kendall(zs);
    r.mk_tau[i] = mk.tau;
    r.mk_s[i] = mk.s;
    r.mk_z[i] = mk.z;
    r.mk_p[i] = mk.p;
    r.classes[i] = classify_emerging(zs, ps, mk, settings.alpha);
  }
  return r;
}

}  // namespace peta
