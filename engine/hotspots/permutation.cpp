#include "hotspots/permutation.hpp"

namespace peta {

unsigned resolve_threads(unsigned requested) { return thread_count(requested); }

void draw_distinct_others_by_shuffle(RandomStream& rng, std::uint32_t n, std::uint32_t self, std::uint32_t k,
                                     std::uint32_t* draws, std::vector<std::uint32_t>& scratch) {
  // Partial Fisher-Yates over 0..n-1 with `self` moved to the last slot, then undone in reverse order.
  thread_local std::vector<std::uint32_t> picked;
  picked.resize(k);
  std::swap(scratch[self], scratch[n - 1]);
  for (std::uint32_t m = 0; m < k; ++m) {
    const std::uint32_t r = m + rng.below(n - 1 - m);
    std::swap(scratch[m], scratch[r]);
    picked[m] = r;
    draws[m] = scratch[m];
  }
  for (std::uint32_t m = k; m-- > 0;) std::swap(scratch[m], scratch[picked[m]]);
  std::swap(scratch[self], scratch[n - 1]);
}

PermutationOutcome summarise_permutations(double observed, std::size_t larger, double sum, double sum_sq,
                                          int permutations) {
  PermutationOutcome o;
  const std::size_t p = std::size_t(permutations);
  if (p - larger < larger) larger = p - larger;
  o.p_sim = double(larger + 1) / double(p + 1);
  o.mean = sum / double(p);
  double var = sum_sq / double(p) - o.mean * o.mean;
  o.sd = var > 0 ? std::sqrt(var) : 0.0;
  o.z_sim = o.sd > 0 ? (observed - o.mean) / o.sd : 0.0;
  return o;
}

}  // namespace peta
