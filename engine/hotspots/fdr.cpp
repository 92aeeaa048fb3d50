#include "hotspots/fdr.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace peta {

double fdr_threshold(const std::vector<double>& p_values, double alpha) {
  const std::size_t n = p_values.size();
  std::vector<double> sorted = p_values;
  std::sort(sorted.begin(), sorted.end(), std::greater<>());
  for (std::size_t r = 0; r < n; ++r) {
    double threshold = double(n - r) * alpha / double(n);
    if (sorted[r] < threshold) return threshold;
  }
  return 0.001 * alpha;
}

double normal_sf(double z) { return 0.5 * std::erfc(z / std::sqrt(2.0)); }

double normal_p_two_sided(double z) { return 2.0 * normal_sf(std::fabs(z)); }

}  // namespace peta
