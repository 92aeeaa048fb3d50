#include "hotspots/geary.hpp"

#include <cmath>
#include <numeric>
#include <string>

#include "core/error.hpp"
#include "hotspots/fdr.hpp"
#include "hotspots/random_stream.hpp"

namespace peta {
namespace {

// sum_ij w_ij (y_i - y_j)^2
double squared_differences(const SpatialWeights& w, const std::vector<double>& y) {
  const auto& off = w.offsets();
  const auto& nb = w.neighbour_array();
  const auto& wt = w.weight_array();
  double s = 0;
  for (std::size_t i = 0; i < w.size(); ++i)
    for (std::size_t e = off[i]; e < off[i + 1]; ++e) {
      const double d = y[i] - y[nb[e]];
      s += wt[e] * d * d;
    }
  return s;
}

}  // namespace

GearyC geary(const SpatialWeights& input, const std::vector<double>& y, const GlobalMoranSettings& settings) {
  const std::size_t n = y.size();
  if (input.size() != n)
    throw Error("geary: " + std::to_string(n) + " values for weights of " + std::to_string(input.size()));
  if (n < 4) throw Error("geary: needs at least 4 observations");
  const SpatialWeights w = settings.transform == WeightsTransform::row_standardised ? input.row_standardised()
                           : settings.transform == WeightsTransform::binary         ? input.binary()
                                                                                    : input;
  const double nd = double(n);
  const double mean = std::accumulate(y.begin(), y.end(), 0.0) / nd;
  double m2 = 0, m4 = 0;
  for (double v : y) {
    const double d = v - mean;
    m2 += d * d;
    m4 += d * d * d * d;
  }
  const double s0 = w.s0(), s1 = w.s1(), s2 = w.s2(), s02 = s0 * s0;
  const double den = m2 * s0 * 2.0;

  GearyC r;
  r.n = n;
  r.C = (nd - 1) * squared_differences(w, y) / den;
  const double k = (m4 / nd) / ((m2 / nd) * (m2 / nd));
  const double n2 = nd * nd;
  const double A = (nd - 1) * s1 * (n2 - 3 * nd + 3 - (nd - 1) * k);
  const double B = 0.25 * ((nd - 1) * s2 * (n2 + 3 * nd - 6 - (n2 - nd + 2) * k));
  const double Cc = s02 * (n2 - 3 - (nd - 1) * (nd - 1) * k);
  r.variance_randomisation = (A - B + Cc) / (nd * (nd - 2) * (nd - 3) * s02);
  r.variance_normal = (1 / (2 * (nd + 1) * s02)) * ((2 * s1 + s2) * (nd - 1) - 4 * s02);
  const double de = r.C - 1.0;
  r.z_normal = de / std::sqrt(r.variance_normal);
  r.z_randomisation = de / std::sqrt(r.variance_randomisation);
  // esda: upper tail when C > 1, lower tail otherwise.
  r.p_normal = normal_sf(de > 0 ? r.z_normal : -r.z_normal);
  r.p_randomisation = normal_sf(de > 0 ? r.z_randomisation : -r.z_randomisation);

  const int perms = settings.permutation.permutations;
  r.permutations = std::max(perms, 0);
  if (perms > 0) {
    std::vector<double> sims(std::size_t(perms), 0.0);
    parallel_chunks(std::size_t(perms), settings.permutation.threads, 8, [&](std::size_t begin, std::size_t end) {
      std::vector<double> shuffled(n);
      for (std::size_t p = begin; p < end; ++p) {
        shuffled = y;
        RandomStream rng(stream_seed(settings.permutation.seed, p));
        for (std::size_t i = n - 1; i > 0; --i) std::swap(shuffled[i], shuffled[rng.below(std::uint32_t(i + 1))]);
        sims[p] = (nd - 1) * squared_differences(w, shuffled) / den;
      }
    });
    std::size_t larger = 0;
    double sum = 0, sum_sq = 0;
    for (double s : sims) {
      larger += s >= r.C;
      sum += s;
      sum_sq += s * s;
    }
    const PermutationOutcome o = summarise_permutations(r.C, larger, sum, sum_sq, perms);
    r.p_sim = o.p_sim;
    r.mean_sim = o.mean;
    r.sd_sim = o.sd;
    r.z_sim = o.z_sim;
    r.p_z_sim = normal_sf(std::fabs(o.z_sim));
  }
  return r;
}

}  // namespace peta
