#pragma once
// One round of a conditional permutation: k distinct observations drawn from the n - 1 others of `self`.
// Uniform draws over the others; a repeat is discarded and drawn again. Every variant below makes the
// same draws in the same order from the same stream, so they give identical results; they differ only in
// how a repeat is detected:
//   - up to 16 slots (contiguity, KNN): the round's draws so far also sit in up to four SSE2 registers, and
//     a new draw is compared with all of them at once (no loop whose length changes every draw, no store
//     that a wide load has to wait for);
//   - more slots, or no SSE2: a scan over the slots drawn so far.
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "hotspots/random_stream.hpp"

namespace peta {

// Scans the slots drawn so far; any k <= n - 1.
[[gnu::always_inline]] inline void draw_round_by_scan(RandomStream& rng, std::uint32_t others, std::uint32_t self,
                                                      std::uint32_t k, std::uint32_t* slot) {
  for (std::uint32_t m = 0; m < k;) {
    const std::uint32_t u = rng.below(others);
    const std::uint32_t j = u < self ? u : u + 1;
    bool seen = false;
    for (std::uint32_t q = 0; q < m; ++q) seen |= slot[q] == j;
    if (!seen) slot[m++] = j;
  }
}

#if defined(__SSE2__)
// k <= 4 * Registers. The registers form a shift register of the last 4 * Registers accepted draws,
// filled with 0xFFFFFFFF (never an observation index) to start with.
template <int Registers>
[[gnu::always_inline]] inline void draw_round_in_registers(RandomStream& rng, std::uint32_t others,
                                                           std::uint32_t self, std::uint32_t k,
                                                           std::uint32_t* slot) {
  __m128i seen[Registers];
  for (int r = 0; r < Registers; ++r) seen[r] = _mm_set1_epi32(-1);
  for (std::uint32_t m = 0; m < k;) {
    const std::uint32_t u = rng.below(others);
    const std::uint32_t j = u < self ? u : u + 1;
    const __m128i v = _mm_set1_epi32(int(j));
    __m128i hit = _mm_cmpeq_epi32(v, seen[0]);
    for (int r = 1; r < Registers; ++r) hit = _mm_or_si128(hit, _mm_cmpeq_epi32(v, seen[r]));
    if (_mm_movemask_epi8(hit)) continue;
    for (int r = Registers - 1; r > 0; --r)
      seen[r] = _mm_or_si128(_mm_slli_si128(seen[r], 4), _mm_srli_si128(seen[r - 1], 12));
    seen[0] = _mm_or_si128(_mm_slli_si128(seen[0], 4), _mm_cvtsi32_si128(int(j)));
    slot[m++] = j;
  }
}
#endif

// Fills slot[0..k) with k distinct indices from [0, n) without `self` (others = n - 1, k <= others).
[[gnu::always_inline]] inline void draw_round(RandomStream& rng, std::uint32_t others, std::uint32_t self,
                                              std::uint32_t k, std::uint32_t* slot) {
#if defined(__SSE2__)
  if (k <= 4) return draw_round_in_registers<1>(rng, others, self, k, slot);
  if (k <= 8) return draw_round_in_registers<2>(rng, others, self, k, slot);
  if (k <= 12) return draw_round_in_registers<3>(rng, others, self, k, slot);
  if (k <= 16) return draw_round_in_registers<4>(rng, others, self, k, slot);
#endif
  draw_round_by_scan(rng, others, self, k, slot);
}

}  // namespace peta
