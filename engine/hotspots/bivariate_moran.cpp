#include "hotspots/bivariate_moran.hpp"

#include <cmath>
#include <numeric>
#include <string>

#include "core/error.hpp"
#include "hotspots/fdr.hpp"
#include "hotspots/random_stream.hpp"

namespace peta {
namespace {

SpatialWeights transformed(const SpatialWeights& w, WeightsTransform t) {
  if (t == WeightsTransform::row_standardised) return w.row_standardised();
  if (t == WeightsTransform::binary) return w.binary();
  return w;
}

// (v - mean) / sd with sd = sqrt(ss / (n - ddof)); all zeros for a constant vector.
std::vector<double> standardised(const std::vector<double>& v, double ddof) {
  const double n = double(v.size());
  const double mean = std::accumulate(v.begin(), v.end(), 0.0) / n;
  double ss = 0;
  for (double x : v) ss += (x - mean) * (x - mean);
  const double sd = std::sqrt(ss / (n - ddof));
  std::vector<double> z(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) z[i] = sd > 0 ? (v[i] - mean) / sd : 0.0;
  return z;
}

void check(const char* what, const SpatialWeights& w, const std::vector<double>& x, const std::vector<double>& y) {
  if (x.size() != y.size() || w.size() != x.size())
    throw Error(std::string(what) + ": " + std::to_string(x.size()) + " x values, " + std::to_string(y.size()) +
                " y values for weights of " + std::to_string(w.size()));
  if (x.size() < 3) throw Error(std::string(what) + ": needs at least 3 observations");
}

}  // namespace

BivariateMoran bivariate_moran(const SpatialWeights& input, const std::vector<double>& x, const std::vector<double>& y,
                               const GlobalMoranSettings& settings) {
  check("bivariate_moran", input, x, y);
  const SpatialWeights w = transformed(input, settings.transform);
  const std::size_t n = x.size();
  const std::vector<double> zx = standardised(x, 1), zy = standardised(y, 1);
  auto statistic = [&](const std::vector<double>& z) {
    const std::vector<double> lag = w.lag(z);
    double s = 0;
    for (std::size_t i = 0; i < n; ++i) s += zx[i] * lag[i];
    return s / double(n - 1);
  };
  BivariateMoran r;
  r.n = n;
  r.I = statistic(zy);
  const int perms = settings.permutation.permutations;
  r.permutations = std::max(perms, 0);
  if (perms > 0) {
    std::vector<double> sims(std::size_t(perms), 0.0);
    parallel_chunks(std::size_t(perms), settings.permutation.threads, 8, [&](std::size_t begin, std::size_t end) {
      std::vector<double> shuffled(n);
      for (std::size_t p = begin; p < end; ++p) {
        shuffled = zy;
        RandomStream rng(stream_seed(settings.permutation.seed, p));
        for (std::size_t i = n - 1; i > 0; --i) std::swap(shuffled[i], shuffled[rng.below(std::uint32_t(i + 1))]);
        sims[p] = statistic(shuffled);
      }
    });
    std::size_t larger = 0;
    double sum = 0, sum_sq = 0;
    for (double s : sims) {
      larger += s >= r.I;
      sum += s;
      sum_sq += s * s;
    }
    const PermutationOutcome o = summarise_permutations(r.I, larger, sum, sum_sq, perms);
    r.p_sim = o.p_sim;
    r.mean_sim = o.mean;
    r.sd_sim = o.sd;
    r.z_sim = o.z_sim;
    r.p_z_sim = normal_sf(std::fabs(o.z_sim));
  }
  return r;
}

LocalMoran bivariate_local_moran(const SpatialWeights& input, const std::vector<double>& x,
                                 const std::vector<double>& y, const LocalSettings& settings,
                                 WeightsTransform transform) {
  check("bivariate_local_moran", input, x, y);
  const SpatialWeights w = transformed(input, transform);
  const std::size_t n = x.size();
  LocalMoran r;
  r.z = standardised(x, 0);
  const std::vector<double> zy = standardised(y, 0);
  double den = 0;
  for (double v : r.z) den += v * v;
  const double factor = den > 0 ? double(n - 1) / den : 0.0;
  r.lag = w.lag(zy);
  r.Ii.resize(n);
  r.quadrant.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    r.Ii[i] = factor * r.z[i] * r.lag[i];
    const bool high = r.z[i] > 0, lag_high = r.lag[i] > 0;
    r.quadrant[i] = high ? (lag_high ? kHighHigh : kHighLow) : (lag_high ? kLowHigh : kLowLow);
  }
  r.islands = w.islands();
  const auto& off = w.offsets();
  const auto& wt = w.weight_array();
  const double* zx = r.z.data();
  const double* zyp = zy.data();
  auto outcomes = conditional_permutation_test(w, r.Ii, settings.permutation,
                                               [&](std::size_t i, std::span<const std::uint32_t> draws) {
                                                 const double* wi = wt.data() + off[i];
                                                 double lag = 0;
                                                 for (std::size_t m = 0; m < draws.size(); ++m) lag += wi[m] * zyp[draws[m]];
                                                 return factor * zx[i] * lag;
                                               });
  apply_inference(r, outcomes, settings, w);
  return r;
}

}  // namespace peta
