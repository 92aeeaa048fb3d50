#include "hotspots/permutation.hpp"

namespace peta {

unsigned resolve_threads(unsigned requested) {
  if (requested) return requested;
  unsigned hw = std::thread::hardware_concurrency();
  return hw ? hw : 1;
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
