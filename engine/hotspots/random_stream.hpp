#pragma once
// Seeded random streams for permutation inference: splitmix64, one independent stream per index, and
// unbiased bounded draws.
#include <cstdint>

namespace peta {

inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// The seed of stream `index` under `seed`: two splitmix64 rounds, so nearby indices give unrelated streams.
inline std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t index) {
  std::uint64_t s = seed ^ (index * 0xD1B54A32D192ED03ULL);
  splitmix64(s);
  return splitmix64(s);
}

// A small fast generator (splitmix64 output function over a Weyl sequence) with unbiased bounded draws
// (Lemire's multiply-and-reject).
class RandomStream {
 public:
  explicit RandomStream(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() { return splitmix64(state_); }
  // 32 random bits; each 64-bit output serves two calls.
  std::uint32_t next32() {
    if (spare_) {
      spare_ = false;
      return std::uint32_t(buffer_ >> 32);
    }
    buffer_ = next();
    spare_ = true;
    return std::uint32_t(buffer_);
  }
  // Uniform integer in [0, bound), bound > 0.
  std::uint32_t below(std::uint32_t bound) {
    std::uint64_t m = std::uint64_t(next32()) * bound;
    std::uint32_t low = std::uint32_t(m);
    if (low < bound) {
      const std::uint32_t threshold = std::uint32_t(-bound) % bound;
      while (low < threshold) {
        m = std::uint64_t(next32()) * bound;
        low = std::uint32_t(m);
      }
    }
    return std::uint32_t(m >> 32);
  }

 private:
  std::uint64_t state_;
  std::uint64_t buffer_ = 0;
  bool spare_ = false;
};

}  // namespace peta
