#include "hotspots/moran.hpp"

#include <cmath>
#include <numeric>
#include <string>

#include "core/error.hpp"
#include "hotspots/fdr.hpp"

namespace peta {
namespace {

SpatialWeights transformed(const SpatialWeights& w, WeightsTransform t) {
  switch (t) {
    case WeightsTransform::row_standardised: return w.row_standardised();
    case WeightsTransform::binary: return w.binary();
    case WeightsTransform::as_given: break;
  }
  return w;
}

// z' W z for centred values z.
double cross_product(const SpatialWeights& w, const std::vector<double>& z) {
  double s = 0;
  const auto& off = w.offsets();
  const auto& nb = w.neighbour_array();
  const auto& wt = w.weight_array();
  for (std::size_t i = 0; i < w.size(); ++i) {
    double lag = 0;
    for (std::size_t e = off[i]; e < off[i + 1]; ++e) lag += wt[e] * z[nb[e]];
    s += z[i] * lag;
  }
  return s;
}

}  // namespace

GlobalMoran global_moran(const SpatialWeights& input, const std::vector<double>& values,
                         const GlobalMoranSettings& settings) {
  const std::size_t n = values.size();
  if (input.size() != n)
    throw Error("global_moran: " + std::to_string(n) + " values for weights of " + std::to_string(input.size()));
  if (n < 4) throw Error("global_moran: needs at least 4 observations");
  const SpatialWeights w = transformed(input, settings.transform);

  const double mean = std::accumulate(values.begin(), values.end(), 0.0) / double(n);
  std::vector<double> z(n);
  double m2 = 0, m4 = 0;
  for (std::size_t i = 0; i < n; ++i) {
    z[i] = values[i] - mean;
    m2 += z[i] * z[i];
    m4 += z[i] * z[i] * z[i] * z[i];
  }
  const double s0 = w.s0(), s1 = w.s1(), s2 = w.s2();
  const double nd = double(n);
  const double scale = nd / s0 / m2;

  GlobalMoran r;
  r.n = n;
  r.I = scale * cross_product(w, z);
  r.expected = -1.0 / (nd - 1);
  const double s02 = s0 * s0;
  r.variance_normal = (nd * nd * s1 - nd * s2 + 3 * s02) / ((nd - 1) * (nd + 1) * s02) - r.expected * r.expected;
  r.z_normal = (r.I - r.expected) / std::sqrt(r.variance_normal);
  r.p_normal = normal_p_two_sided(r.z_normal);
  const double kurtosis = (m4 / nd) / ((m2 / nd) * (m2 / nd));
  const double a = nd * ((nd * nd - 3 * nd + 3) * s1 - nd * s2 + 3 * s02);
  const double b = kurtosis * ((nd * nd - nd) * s1 - 2 * nd * s2 + 6 * s02);
  r.variance_randomisation = (a - b) / ((nd - 1) * (nd - 2) * (nd - 3) * s02) - r.expected * r.expected;
  r.z_randomisation = (r.I - r.expected) / std::sqrt(r.variance_randomisation);
  r.p_randomisation = normal_p_two_sided(r.z_randomisation);

  const int perms = settings.permutation.permutations;
  r.permutations = std::max(perms, 0);
  if (perms > 0) {
    std::vector<double> sims(std::size_t(perms), 0.0);
    parallel_chunks(std::size_t(perms), settings.permutation.threads, 8, [&](std::size_t begin, std::size_t end) {
      std::vector<double> shuffled(n);
      for (std::size_t p = begin; p < end; ++p) {
        shuffled = z;
        RandomStream rng(stream_seed(settings.permutation.seed, p));
        for (std::size_t i = n - 1; i > 0; --i) std::swap(shuffled[i], shuffled[rng.below(std::uint32_t(i + 1))]);
        sims[p] = scale * cross_product(w, shuffled);
      }
    });
    std::size_t larger = 0;
    double sum = 0, sum_sq = 0;
    for (double s : sims) {
      larger += s >= r.I;
      sum += s;
      sum_sq += s * s;
    }
    PermutationOutcome o = summarise_permutations(r.I, larger, sum, sum_sq, perms);
    r.p_sim = o.p_sim;
    r.mean_sim = o.mean;
    r.sd_sim = o.sd;
    r.z_sim = o.z_sim;
    r.p_z_sim = normal_sf(std::fabs(o.z_sim));
  }
  return r;
}

}  // namespace peta
