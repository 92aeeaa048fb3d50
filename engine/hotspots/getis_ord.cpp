#include "hotspots/getis_ord.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "core/error.hpp"
#include "hotspots/fdr.hpp"

namespace peta {

void apply_inference(GetisOrd& r, const std::vector<PermutationOutcome>& outcomes) {
  r.p_sim.resize(outcomes.size());
  r.z_sim.resize(outcomes.size());
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    r.p_sim[i] = outcomes[i].p_sim;
    r.z_sim[i] = outcomes[i].z_sim;
  }
}

SpatialWeights gi_star_weights(const SpatialWeights& input, bool row_standardised) {
  if (!row_standardised) return input.binary().with_self(1.0);
  // esda fills the diagonal with the row's largest weight, then row-standardises; an island's row stays empty.
  std::vector<std::size_t> offsets(1, 0);
  std::vector<SpatialWeights::Index> neighbours;
  std::vector<double> weights;
  for (std::size_t i = 0; i < input.size(); ++i) {
    const auto row = input.neighbours(i);
    const auto wt = input.weights(i);
    double largest = 0;
    for (std::size_t m = 0; m < row.size(); ++m)
      if (row[m] != i) largest = std::max(largest, wt[m]);
    bool placed = largest == 0;  // no neighbour (or only zero weights): no self weight either
    for (std::size_t m = 0; m < row.size(); ++m) {
      if (row[m] == i) continue;
      if (!placed && row[m] > i) {
        neighbours.push_back(SpatialWeights::Index(i));
        weights.push_back(largest);
        placed = true;
      }
      neighbours.push_back(row[m]);
      weights.push_back(wt[m]);
    }
    if (!placed) {
      neighbours.push_back(SpatialWeights::Index(i));
      weights.push_back(largest);
    }
    offsets.push_back(neighbours.size());
  }
  return SpatialWeights(std::move(offsets), std::move(neighbours), std::move(weights)).row_standardised();
}

int confidence_bin(double z, double p, const double thresholds[3], bool strict) {
  int level = 0;
  for (int k = 0; k < 3 && level == 0; ++k)
    if (strict ? p < thresholds[k] : p <= thresholds[k]) level = 3 - k;
  return z > 0 ? level : -level;
}

GetisOrd getis_ord_star(const SpatialWeights& input, const std::vector<double>& y, const GetisOrdSettings& settings) {
  const std::size_t n = y.size();
  if (input.size() != n)
    throw Error("getis_ord_star: " + std::to_string(n) + " values for weights of " + std::to_string(input.size()));
  if (n < 3) throw Error("getis_ord_star: needs at least 3 observations");
  const SpatialWeights w = gi_star_weights(input, settings.row_standardised);

  GetisOrd r;
  r.islands = input.islands();
  const double nd = double(n);
  const double sum = std::accumulate(y.begin(), y.end(), 0.0);
  double sum_sq = 0;
  for (double v : y) sum_sq += v * v;
  const double mean = sum / nd;
  const double variance = sum_sq / nd - mean * mean;

  const auto lag = w.lag(y);
  r.G.resize(n);
  r.expected.resize(n);
  r.variance.resize(n);
  r.z.resize(n);
  r.p_norm.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    double wi = 0;
    for (double v : w.weights(i)) wi += v;
    r.G[i] = lag[i] / sum;
    r.expected[i] = wi / nd;
    r.variance[i] = wi * (nd - wi) / (nd - 1) / (nd * nd) * variance / (mean * mean);
    r.z[i] = (r.G[i] - r.expected[i]) / std::sqrt(r.variance[i]);
    r.p_norm[i] = std::isnan(r.z[i]) ? 1.0 : normal_p_two_sided(r.z[i]);
  }

  // Permutations: the self term stays, the other slots take random observations.
  auto outcomes = conditional_lag_test(w, r.G, settings.permutation, y, [&](std::size_t, double lag) { return lag / sum; });
  apply_inference(r, outcomes);
  if (settings.fdr)
    for (int k = 0; k < 3; ++k) r.fdr_thresholds[k] = fdr_threshold(r.p_norm, r.fdr_thresholds[k]);
  r.bin.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    r.bin[i] = input.cardinality(i) == 0 ? 0 : confidence_bin(r.z[i], r.p_norm[i], r.fdr_thresholds, settings.fdr);
  return r;
}

}  // namespace peta
