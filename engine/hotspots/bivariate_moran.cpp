#include "hotspots/bivariate_moran.hpp"

#include <string>

#include "core/error.hpp"

namespace peta {
namespace {

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
  static_cast<GlobalPermutationResult&>(r) = global_permutation_test(zy, r.I, settings.permutation, statistic);
  return r;
}

LocalMoran bivariate_local_moran(const SpatialWeights& input, const std::vector<double>& x,
                                 const std::vector<double>& y, const LocalSettings& settings,
                                 WeightsTransform transform) {
  check("bivariate_local_moran", input, x, y);
  LocalMoran r;
  r.z = standardised(x, 0);
  local_moran_of(r, standardised(y, 0), transformed(input, transform), settings);
  return r;
}

}  // namespace peta
