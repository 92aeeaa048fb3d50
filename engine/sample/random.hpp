#pragma once
// A small seeded random source whose output is the same with every compiler and standard library:
// xoshiro256** seeded through splitmix64, and our own uniform / normal / exponential draws
// (std:: distributions are not specified bit-for-bit, so they are not used anywhere in peta).
#include <cmath>
#include <cstdint>

namespace peta {

// xoshiro256** 1.0 (Blackman, Vigna 2018), its state filled from the seed by splitmix64.
class SeededRandom {
 public:
  explicit SeededRandom(std::uint64_t seed) {
    std::uint64_t sm = seed;
    for (auto& word : s_) word = splitmix_next(sm);
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, 1), 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // Uniform in [lo, hi).
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  // Uniform integer in [0, n) by Lemire's multiply-shift (bias below 2^-64 * n: irrelevant here).
  std::uint64_t below(std::uint64_t n) {
    return static_cast<std::uint64_t>((static_cast<unsigned __int128>(next()) * n) >> 64);
  }
  bool chance(double p) { return uniform() < p; }

  // Two independent standard normal values (Marsaglia's polar method: only log and sqrt, no trigonometry).
  void normal_pair(double& a, double& b) {
    double u, v, s;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    const double f = std::sqrt(-2 * std::log(s) / s);
    a = u * f;
    b = v * f;
  }
  double normal() {
    double a, b;
    normal_pair(a, b);
    return a;
  }
  // Exponential with the given mean.
  double exponential(double mean) { return -mean * std::log1p(-uniform()); }

 private:
  // splitmix64 (Steele, Lea, Flood 2014).
  static std::uint64_t splitmix_next(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

}  // namespace peta
