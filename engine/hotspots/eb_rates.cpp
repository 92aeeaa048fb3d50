#include "hotspots/eb_rates.hpp"

#include <cmath>
#include <limits>
#include <string>

#include "core/error.hpp"

namespace peta {
namespace {

void check_sizes(const char* what, std::size_t events, std::size_t base) {
  if (events != base)
    throw Error(std::string(what) + ": " + std::to_string(events) + " event counts for " + std::to_string(base) +
                " base values");
}

}  // namespace

std::vector<double> crude_rates(const std::vector<double>& events, const std::vector<double>& base,
                                double multiplier) {
  check_sizes("crude_rates", events.size(), base.size());
  std::vector<double> r(events.size());
  for (std::size_t i = 0; i < r.size(); ++i)
    r[i] = base[i] > 0 ? events[i] / base[i] * multiplier : std::numeric_limits<double>::quiet_NaN();
  return r;
}

std::vector<double> empirical_bayes_rates(const std::vector<double>& e, const std::vector<double>& b) {
  check_sizes("empirical_bayes_rates", e.size(), b.size());
  const std::size_t n = e.size();
  double e_sum = 0, b_sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    e_sum += e[i];
    b_sum += b[i];
  }
  const double prior_mean = e_sum / b_sum;
  double spread = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double d = e[i] / b[i] - prior_mean;
    spread += b[i] * d * d;
  }
  double prior_var = spread / b_sum - prior_mean / (b_sum / double(n));
  if (prior_var < 0) prior_var = 0;
  std::vector<double> r(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double rate = e[i] / b[i];
    const double denominator = prior_var + prior_mean / b[i];
    const double shrink = denominator > 0 ? prior_var / denominator : 0.0;  // no events at all: the prior
    r[i] = shrink * rate + (1 - shrink) * prior_mean;
  }
  return r;
}

std::vector<double> spatial_rates(const std::vector<double>& e, const std::vector<double>& b,
                                  const SpatialWeights& weights) {
  check_sizes("spatial_rates", e.size(), b.size());
  check_sizes("spatial_rates (weights)", e.size(), weights.size());
  std::vector<double> r(e.size());
  for (std::size_t i = 0; i < e.size(); ++i) {
    double es = e[i], bs = b[i];
    for (auto j : weights.neighbours(i))
      if (j != i) {
        es += e[j];
        bs += b[j];
      }
    r[i] = es / bs;
  }
  return r;
}

std::vector<double> spatial_empirical_bayes_rates(const std::vector<double>& e, const std::vector<double>& b,
                                                  const SpatialWeights& weights) {
  const std::vector<double> prior_mean = spatial_rates(e, b, weights);
  const std::size_t n = e.size();
  std::vector<double> r(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double m = prior_mean[i];
    double b_local = b[i];
    double d0 = e[i] / b[i] - m;
    double spread = b[i] * d0 * d0;
    std::size_t count = 1;
    for (auto j : weights.neighbours(i)) {
      if (j == i) continue;
      const double d = e[j] / b[j] - m;
      spread += b[j] * d * d;
      b_local += b[j];
      ++count;
    }
    double prior_var = spread / b_local - m / (b_local / double(count));
    if (prior_var < 0) prior_var = 0;
    const double rate = e[i] / b[i];
    const double denominator = prior_var + m / b[i];
    r[i] = denominator > 0 ? m + (rate - m) * (prior_var / denominator) : m;
  }
  return r;
}

}  // namespace peta
