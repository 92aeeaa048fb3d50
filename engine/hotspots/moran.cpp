#include "hotspots/moran.hpp"

#include <cmath>
#include <string>

#include "core/error.hpp"
#include "hotspots/fdr.hpp"

namespace peta {
namespace {

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

  const CentredValues c = centred(values);
  const std::vector<double>& z = c.d;
  const double m2 = c.m2, m4 = c.m4;
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

  static_cast<GlobalPermutationResult&>(r) = global_permutation_test(
      z, r.I, settings.permutation, [&](const std::vector<double>& shuffled) { return scale * cross_product(w, shuffled); });
  return r;
}

}  // namespace peta
