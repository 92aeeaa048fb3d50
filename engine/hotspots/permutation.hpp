#pragma once
// Seeded permutation inference. Every observation (local statistics) and every permutation (global
// statistics) draws from its own random stream, seeded by splitmix64 from (seed, index): results depend on
// the seed only, never on the number of threads or the order in which threads take the work.
//
// Conditional permutation (Anselin 1995, as esda's crand): for observation i the value y_i stays put and
// its k_i neighbour slots are filled with k_i distinct observations drawn at random from the other n - 1.
// The pseudo p-value is folded as in esda: larger = #{sim >= observed}; if permutations - larger < larger
// then larger = permutations - larger; p_sim = (larger + 1) / (permutations + 1).
#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <span>
#include <thread>
#include <vector>

#include "core/parallel.hpp"
#include "hotspots/distinct_draws.hpp"
#include "hotspots/random_stream.hpp"
#include "hotspots/spatial_weights.hpp"

namespace peta {

struct PermutationSettings {
  int permutations = 999;            // 0 disables permutation inference
  std::uint64_t seed = 0x5EED'2024;  // same seed, same p-values, whatever the thread count
  unsigned threads = 0;              // 0 = std::thread::hardware_concurrency()
};

unsigned resolve_threads(unsigned requested);

// Runs body(begin, end) over [0, n) in chunks taken dynamically by `threads` workers.
template <class Body>
void parallel_chunks(std::size_t n, unsigned threads, std::size_t chunk, Body&& body) {
  threads = resolve_threads(threads);
  if (threads <= 1 || n <= chunk) {
    body(std::size_t(0), n);
    return;
  }
  std::atomic<std::size_t> next{0};
  run_on_threads(threads, [&] {
    for (;;) {
      std::size_t begin = next.fetch_add(chunk);
      if (begin >= n) return;
      body(begin, std::min(n, begin + chunk));
    }
  });
}

// Summary of one observation's permutation distribution.
struct PermutationOutcome {
  double p_sim = 1.0;   // folded pseudo p-value (esda)
  double mean = 0.0;    // mean of the simulated statistics
  double sd = 0.0;      // population standard deviation of the simulated statistics
  double z_sim = 0.0;   // (observed - mean) / sd; 0 when sd == 0
};

PermutationOutcome summarise_permutations(double observed, std::size_t larger, double sum, double sum_sq,
                                          int permutations);

// A round of k > 24 slots: k distinct indices from [0, n) without `self`, by a partial Fisher-Yates over
// `scratch`, which must hold n entries equal to 0..n-1 on entry and is restored on exit (out of line).
void draw_distinct_others_by_shuffle(RandomStream& rng, std::uint32_t n, std::uint32_t self, std::uint32_t k,
                                     std::uint32_t* draws, std::vector<std::uint32_t>& scratch);

// The conditional permutation test (see conditional_permutation_tests below) with the rounds simulated in
// batches of up to kPermutationBatch, so the statistics of several rounds can be summed side by side
// (independent chains keep the processor busy):
//   simulate_batch(i, draws, k, rounds, sim)
// with draws[b * k + m] the observation in slot m of round b (b < rounds) and sim[b * K + s] the
// simulated statistic s of round b. Rounds are drawn one after the other from observation i's stream, so
// the results are those of conditional_permutation_tests with a `simulate` doing the same arithmetic.
inline constexpr int kPermutationBatch = 8;

template <std::size_t K, class SimulateBatch>
std::array<std::vector<PermutationOutcome>, K> conditional_permutation_tests_batched(
    const SpatialWeights& weights, const std::array<const std::vector<double>*, K>& observed,
    const PermutationSettings& settings, SimulateBatch&& simulate_batch) {
  const std::size_t n = weights.size();
  std::array<std::vector<PermutationOutcome>, K> out;
  for (auto& o : out) o.resize(n);
  if (settings.permutations <= 0 || n < 2) return out;
  parallel_chunks(n, settings.threads, 64, [&](std::size_t begin, std::size_t end) {
    const std::size_t width = weights.max_cardinality() + 1;
    std::vector<std::uint32_t> draws(width * kPermutationBatch);
    std::vector<std::uint32_t> scratch;
    for (std::size_t i = begin; i < end; ++i) {
      std::uint32_t k = std::uint32_t(weights.cardinality(i) - (weights.has_self(i) ? 1 : 0));
      if (k == 0) continue;
      k = std::min<std::uint32_t>(k, std::uint32_t(n - 1));
      if (k > 24 && scratch.empty()) {
        scratch.resize(n);
        for (std::uint32_t q = 0; q < n; ++q) scratch[q] = q;
      }
      RandomStream rng(stream_seed(settings.seed, i));
      const std::uint32_t others = std::uint32_t(n - 1), self = std::uint32_t(i);
      std::array<std::size_t, K> larger{};
      std::array<double, K> sum{}, sum_sq{}, obs{};
      std::array<double, K * kPermutationBatch> sim{};
      for (std::size_t s = 0; s < K; ++s) obs[s] = (*observed[s])[i];
      for (int r = 0; r < settings.permutations; r += kPermutationBatch) {
        const int rounds = std::min(kPermutationBatch, settings.permutations - r);
        for (int b = 0; b < rounds; ++b) {
          std::uint32_t* slot = draws.data() + std::size_t(b) * k;
          if (k > 24) {
            draw_distinct_others_by_shuffle(rng, std::uint32_t(n), std::uint32_t(i), k, slot, scratch);
            continue;
          }
          draw_round(rng, others, self, k, slot);
        }
        simulate_batch(i, static_cast<const std::uint32_t*>(draws.data()), k, rounds, sim.data());
        for (int b = 0; b < rounds; ++b)
          for (std::size_t s = 0; s < K; ++s) {
            const double v = sim[std::size_t(b) * K + s];
            larger[s] += v >= obs[s];
            sum[s] += v;
            sum_sq[s] += v * v;
          }
      }
      for (std::size_t s = 0; s < K; ++s)
        out[s][i] = summarise_permutations(obs[s], larger[s], sum[s], sum_sq[s], settings.permutations);
    }
  });
  return out;
}

// Conditional permutation test for K local statistics that share the neighbour slots of each observation
// (e.g. Local Moran and Gi* on the same contiguity). For every observation i with at least one neighbour
// (self excluded), simulates `settings.permutations` rounds; in each round
//   simulate(i, draws, out)   with draws[m] the random observation put in the m-th neighbour slot of i,
// writes the K simulated statistics to out[0..K). Observations without neighbours get p_sim = 1 and
// z_sim = 0 (nothing to permute). `weights` gives the slot count k_i (a self entry is not a slot). The
// draws of observation i depend only on (settings.seed, i), so a statistic gets the same p-values whether
// it is computed alone (K = 1) or together with others.
template <std::size_t K, class Simulate>
std::array<std::vector<PermutationOutcome>, K> conditional_permutation_tests(
    const SpatialWeights& weights, const std::array<const std::vector<double>*, K>& observed,
    const PermutationSettings& settings, Simulate&& simulate) {
  return conditional_permutation_tests_batched<K>(
      weights, observed, settings, [&](std::size_t i, const std::uint32_t* draws, std::uint32_t k, int rounds, double* sim) {
        for (int b = 0; b < rounds; ++b)
          simulate(i, std::span<const std::uint32_t>(draws + std::size_t(b) * k, k), sim + std::size_t(b) * K);
      });
}

// One local statistic: simulate(i, draws) -> double.
template <class Simulate>
std::vector<PermutationOutcome> conditional_permutation_test(const SpatialWeights& weights,
                                                             const std::vector<double>& observed,
                                                             const PermutationSettings& settings,
                                                             Simulate&& simulate) {
  auto out = conditional_permutation_tests<1>(
      weights, {&observed}, settings,
      [&](std::size_t i, std::span<const std::uint32_t> draws, double* sim) { sim[0] = simulate(i, draws); });
  return std::move(out[0]);
}

}  // namespace peta
