#include "hotspots/geary.hpp"

#include <cmath>
#include <string>

#include "core/error.hpp"
#include "hotspots/fdr.hpp"

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
  const SpatialWeights w = transformed(input, settings.transform);
  const double nd = double(n);
  const CentredValues c = centred(y);
  const double m2 = c.m2, m4 = c.m4;
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

  static_cast<GlobalPermutationResult&>(r) =
      global_permutation_test(y, r.C, settings.permutation, [&](const std::vector<double>& shuffled) {
        return (nd - 1) * squared_differences(w, shuffled) / den;
      });
  return r;
}

}  // namespace peta
