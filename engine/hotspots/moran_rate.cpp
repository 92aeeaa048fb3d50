#include "hotspots/moran_rate.hpp"

#include <cmath>
#include <limits>
#include <string>

#include "core/error.hpp"

namespace peta {

std::vector<double> assuncao_rates(const std::vector<double>& e, const std::vector<double>& b) {
  if (e.size() != b.size())
    throw Error("assuncao_rates: " + std::to_string(e.size()) + " event counts for " + std::to_string(b.size()) +
                " base values");
  const std::size_t n = e.size();
  double e_sum = 0, b_sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    e_sum += e[i];
    b_sum += b[i];
  }
  const double m = e_sum / b_sum;
  double spread = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double d = e[i] / b[i] - m;
    spread += b[i] * d * d;
  }
  const double a = spread / b_sum - m / (b_sum / double(n));
  std::vector<double> z(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double v = a + m / b[i];
    z[i] = v > 0 ? (e[i] / b[i] - m) / std::sqrt(v) : std::numeric_limits<double>::quiet_NaN();
  }
  return z;
}

GlobalMoran moran_rate(const SpatialWeights& weights, const std::vector<double>& events,
                       const std::vector<double>& base, const GlobalMoranSettings& settings) {
  const std::vector<double> z = assuncao_rates(events, base);
  for (double v : z)
    if (!std::isfinite(v))
      throw Error("moran_rate: the EB-standardised rates are undefined (the rates vary less than Poisson noise "
                  "alone would make them, or a base is 0)");
  return global_moran(weights, z, settings);
}

}  // namespace peta
