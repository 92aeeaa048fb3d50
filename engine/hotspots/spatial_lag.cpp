#include "hotspots/spatial_lag.hpp"

#include <numeric>

namespace peta {

SpatialWeights transformed(const SpatialWeights& w, WeightsTransform t) {
  switch (t) {
    case WeightsTransform::row_standardised: return w.row_standardised();
    case WeightsTransform::binary: return w.binary();
    case WeightsTransform::as_given: break;
  }
  return w;
}

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

CentredValues centred(const std::vector<double>& v) {
  CentredValues c;
  const double mean = std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
  c.d.resize(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    const double d = v[i] - mean;
    c.d[i] = d;
    c.m2 += d * d;
    c.m4 += d * d * d * d;
  }
  return c;
}

LagSlots::LagSlots(const SpatialWeights& w) : self_weight(w.size(), 0.0) {
  const auto& off = w.offsets();
  const auto& nb = w.neighbour_array();
  const auto& wt = w.weight_array();
  other_offsets.push_back(0);
  other_weights.reserve(wt.size());
  for (std::size_t i = 0; i < w.size(); ++i) {
    for (std::size_t e = off[i]; e < off[i + 1]; ++e) {
      if (nb[e] == i) self_weight[i] = wt[e];
      else other_weights.push_back(wt[e]);
    }
    other_offsets.push_back(other_weights.size());
  }
}

}  // namespace peta
