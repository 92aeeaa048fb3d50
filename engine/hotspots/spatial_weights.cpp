#include "hotspots/spatial_weights.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/error.hpp"

namespace peta {

SpatialWeights::SpatialWeights(std::vector<std::size_t> offsets, std::vector<Index> neighbours,
                               std::vector<double> weights)
    : offsets_(std::move(offsets)), neighbours_(std::move(neighbours)), weights_(std::move(weights)) {
  if (offsets_.empty() || offsets_.front() != 0 || offsets_.back() != neighbours_.size() ||
      neighbours_.size() != weights_.size())
    throw Error("SpatialWeights: inconsistent CSR arrays");
  const std::size_t n = size();
  for (std::size_t i = 0; i < n; ++i) {
    if (offsets_[i + 1] < offsets_[i]) throw Error("SpatialWeights: offsets must not decrease");
    for (std::size_t e = offsets_[i]; e < offsets_[i + 1]; ++e) {
      if (neighbours_[e] >= n) throw Error("SpatialWeights: neighbour index out of range in row " + std::to_string(i));
      if (e > offsets_[i] && neighbours_[e] <= neighbours_[e - 1])
        throw Error("SpatialWeights: row " + std::to_string(i) + " is not sorted or has duplicates");
    }
  }
}

SpatialWeights SpatialWeights::from_lists(std::vector<std::vector<Index>> lists) {
  std::vector<std::size_t> offsets(1, 0);
  std::vector<Index> neighbours;
  for (std::size_t i = 0; i < lists.size(); ++i) {
    auto& row = lists[i];
    std::sort(row.begin(), row.end());
    row.erase(std::unique(row.begin(), row.end()), row.end());
    for (Index j : row)
      if (j != i) neighbours.push_back(j);
    offsets.push_back(neighbours.size());
  }
  std::vector<double> weights(neighbours.size(), 1.0);
  return SpatialWeights(std::move(offsets), std::move(neighbours), std::move(weights));
}

SpatialWeights SpatialWeights::from_pairs(std::size_t n, const std::vector<std::pair<Index, Index>>& pairs) {
  std::vector<std::vector<Index>> lists(n);
  for (auto [a, b] : pairs) {
    if (a >= n || b >= n) throw Error("SpatialWeights: pair index out of range");
    if (a == b) continue;
    lists[a].push_back(b);
    lists[b].push_back(a);
  }
  return from_lists(std::move(lists));
}

double SpatialWeights::weight(std::size_t i, std::size_t j) const {
  auto row = neighbours(i);
  auto it = std::lower_bound(row.begin(), row.end(), Index(j));
  if (it == row.end() || *it != j) return 0.0;
  return weights_[offsets_[i] + std::size_t(it - row.begin())];
}

bool SpatialWeights::has_self(std::size_t i) const {
  auto row = neighbours(i);
  return std::binary_search(row.begin(), row.end(), Index(i));
}

std::size_t SpatialWeights::max_cardinality() const {
  std::size_t m = 0;
  for (std::size_t i = 0; i < size(); ++i) m = std::max(m, cardinality(i));
  return m;
}

std::vector<std::size_t> SpatialWeights::islands() const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < size(); ++i)
    if (cardinality(i) == 0 || (cardinality(i) == 1 && has_self(i))) out.push_back(i);
  return out;
}

bool SpatialWeights::is_symmetric() const {
  for (std::size_t i = 0; i < size(); ++i) {
    auto row = neighbours(i);
    auto w = weights(i);
    for (std::size_t e = 0; e < row.size(); ++e)
      if (weight(row[e], i) != w[e]) return false;
  }
  return true;
}

double SpatialWeights::s0() const {
  double s = 0;
  for (double w : weights_) s += w;
  return s;
}

double SpatialWeights::s1() const {
  // For each stored (i, j): (w_ij + w_ji)^2; entries whose transpose is absent count once with w_ji = 0,
  // and then the missing (j, i) term adds the same square again, hence the factor 2 for those.
  double s = 0;
  for (std::size_t i = 0; i < size(); ++i) {
    auto row = neighbours(i);
    auto w = weights(i);
    for (std::size_t e = 0; e < row.size(); ++e) {
      double t = weight(row[e], i);
      double sum = w[e] + t;
      s += (t == 0.0 && row[e] != i) ? 2 * sum * sum : sum * sum;
    }
  }
  return s / 2;
}

double SpatialWeights::s2() const {
  std::vector<double> row_sum(size(), 0.0), col_sum(size(), 0.0);
  for (std::size_t i = 0; i < size(); ++i) {
    auto row = neighbours(i);
    auto w = weights(i);
    for (std::size_t e = 0; e < row.size(); ++e) {
      row_sum[i] += w[e];
      col_sum[row[e]] += w[e];
    }
  }
  double s = 0;
  for (std::size_t i = 0; i < size(); ++i) s += (row_sum[i] + col_sum[i]) * (row_sum[i] + col_sum[i]);
  return s;
}

SpatialWeights SpatialWeights::binary() const {
  SpatialWeights out = *this;
  std::fill(out.weights_.begin(), out.weights_.end(), 1.0);
  return out;
}

SpatialWeights SpatialWeights::row_standardised() const {
  SpatialWeights out = *this;
  for (std::size_t i = 0; i < size(); ++i) {
    double sum = 0;
    for (std::size_t e = offsets_[i]; e < offsets_[i + 1]; ++e) sum += weights_[e];
    if (sum == 0) continue;
    for (std::size_t e = offsets_[i]; e < offsets_[i + 1]; ++e) out.weights_[e] = weights_[e] / sum;
  }
  return out;
}

SpatialWeights SpatialWeights::with_self(double self_weight) const {
  std::vector<std::size_t> offsets(1, 0);
  std::vector<Index> neighbours;
  std::vector<double> weights;
  neighbours.reserve(neighbours_.size() + size());
  weights.reserve(neighbours_.size() + size());
  for (std::size_t i = 0; i < size(); ++i) {
    bool placed = false;
    for (std::size_t e = offsets_[i]; e < offsets_[i + 1]; ++e) {
      if (!placed && neighbours_[e] >= i) {
        neighbours.push_back(Index(i));
        weights.push_back(self_weight);
        placed = true;
        if (neighbours_[e] == i) continue;  // overwrite an existing diagonal entry
      }
      neighbours.push_back(neighbours_[e]);
      weights.push_back(weights_[e]);
    }
    if (!placed) {
      neighbours.push_back(Index(i));
      weights.push_back(self_weight);
    }
    offsets.push_back(neighbours.size());
  }
  return SpatialWeights(std::move(offsets), std::move(neighbours), std::move(weights));
}

std::vector<double> SpatialWeights::lag(const std::vector<double>& y) const {
  if (y.size() != size()) throw Error("SpatialWeights::lag: " + std::to_string(y.size()) + " values for " +
                                      std::to_string(size()) + " observations");
  std::vector<double> out(size(), 0.0);
  for (std::size_t i = 0; i < size(); ++i) {
    double s = 0;
    for (std::size_t e = offsets_[i]; e < offsets_[i + 1]; ++e) s += weights_[e] * y[neighbours_[e]];
    out[i] = s;
  }
  return out;
}

}  // namespace peta
