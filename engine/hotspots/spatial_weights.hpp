#pragma once
// Sparse spatial weights in compressed-row form (CSR): row i lists the neighbours of observation i,
// sorted by index, with one weight each. Builders (contiguity, k nearest, distance band) produce binary
// weights; each statistic takes the view it needs: row_standardised() for Moran's I, binary().with_self()
// for Getis-Ord Gi*. Observations are numbered 0..n-1 in the order of the input vector.
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace peta {

class SpatialWeights {
 public:
  using Index = std::uint32_t;

  SpatialWeights() : offsets_(1, 0) {}
  // Raw CSR arrays; rows must be sorted and free of duplicates (checked, throws peta::Error otherwise).
  SpatialWeights(std::vector<std::size_t> offsets, std::vector<Index> neighbours, std::vector<double> weights);

  // Binary weights from neighbour lists (sorted, de-duplicated, self links dropped).
  static SpatialWeights from_lists(std::vector<std::vector<Index>> lists);
  // Symmetric binary weights from unordered pairs {i, j} (each pair may appear once or twice).
  static SpatialWeights from_pairs(std::size_t n, const std::vector<std::pair<Index, Index>>& pairs);

  std::size_t size() const { return offsets_.size() - 1; }
  std::size_t cardinality(std::size_t i) const { return offsets_[i + 1] - offsets_[i]; }
  std::span<const Index> neighbours(std::size_t i) const {
    return {neighbours_.data() + offsets_[i], cardinality(i)};
  }
  std::span<const double> weights(std::size_t i) const { return {weights_.data() + offsets_[i], cardinality(i)}; }
  double weight(std::size_t i, std::size_t j) const;  // 0 when j is not a neighbour of i
  bool has_self(std::size_t i) const;                 // i lists itself (only after with_self())

  std::size_t link_count() const { return neighbours_.size(); }  // non-zero entries
  double mean_cardinality() const { return size() ? double(link_count()) / double(size()) : 0.0; }
  std::size_t max_cardinality() const;
  std::vector<std::size_t> islands() const;  // observations without any neighbour (ignoring self)
  bool is_symmetric() const;                  // same structure and weights both ways

  // The sums used by the moments of Moran's I (as libpysal W.s0, s1, s2).
  double s0() const;  // sum of all weights
  double s1() const;  // 1/2 * sum over i,j of (w_ij + w_ji)^2
  double s2() const;  // sum over i of (row sum + column sum)^2

  SpatialWeights binary() const;            // every stored weight set to 1
  SpatialWeights row_standardised() const;  // each row divided by its sum; islands keep an empty row
  SpatialWeights with_self(double self_weight = 1.0) const;  // adds (or overwrites) the diagonal entry

  std::vector<double> lag(const std::vector<double>& y) const;  // (W y)_i

  const std::vector<std::size_t>& offsets() const { return offsets_; }
  const std::vector<Index>& neighbour_array() const { return neighbours_; }
  const std::vector<double>& weight_array() const { return weights_; }

  friend bool operator==(const SpatialWeights&, const SpatialWeights&) = default;

 private:
  std::vector<std::size_t> offsets_;  // size n + 1
  std::vector<Index> neighbours_;
  std::vector<double> weights_;
};

}  // namespace peta
