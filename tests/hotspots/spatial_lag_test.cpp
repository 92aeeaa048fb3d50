// The Moran-type statistics share one spatial-lag and permutation helper (hotspots/spatial_lag.hpp). Before
// they did, each had its own loops; the fingerprints below were taken from those separate implementations
// (commit 545608d) on the same seeded grid: every permutation result (p_sim, mean, sd and z of the simulations)
// must stay the same to the last bit, with one thread and with two.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <string>

#include "hotspots/bivariate_moran.hpp"
#include "hotspots/geary.hpp"
#include "hotspots/getis_ord.hpp"
#include "hotspots/local_moran.hpp"
#include "hotspots/moran.hpp"
#include "hotspots/random_stream.hpp"
#include "hotspots/spatial_lag.hpp"

namespace peta {
namespace {

// Seeded values on a 19 x 17 rook grid with a trend, so that the statistics have signal.
SpatialWeights grid_weights(std::size_t cols, std::size_t rows) {
  std::vector<std::pair<SpatialWeights::Index, SpatialWeights::Index>> pairs;
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t c = 0; c < cols; ++c) {
      const auto i = SpatialWeights::Index(r * cols + c);
      if (c + 1 < cols) pairs.emplace_back(i, i + 1);
      if (r + 1 < rows) pairs.emplace_back(i, SpatialWeights::Index(i + cols));
    }
  return SpatialWeights::from_pairs(cols * rows, pairs);
}

std::vector<double> seeded_values(std::size_t cols, std::size_t rows, std::uint64_t seed, double trend) {
  std::vector<double> v;
  std::uint64_t state = seed;
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t c = 0; c < cols; ++c)
      v.push_back(1.0 + trend * double(c + r) + double(splitmix64(state) >> 11) * 0x1.0p-53 * 10.0);
  return v;
}

// FNV-1a over the bytes of the doubles: equal only when every value is equal to the last bit.
std::uint64_t fingerprint(const std::vector<double>& values) {
  std::uint64_t h = 1469598103934665603ULL;
  for (double v : values) {
    unsigned char bytes[sizeof v];
    std::memcpy(bytes, &v, sizeof v);
    for (unsigned char b : bytes) h = (h ^ b) * 1099511628211ULL;
  }
  return h;
}

std::vector<double> global_inference(double p_sim, double mean_sim, double sd_sim, double z_sim) {
  return {p_sim, mean_sim, sd_sim, z_sim};
}

// The permutation results of every statistic on the grid, by name.
std::map<std::string, std::uint64_t> permutation_fingerprints(unsigned threads) {
  const SpatialWeights w = grid_weights(19, 17);
  const std::vector<double> x = seeded_values(19, 17, 3, 0.4), y = seeded_values(19, 17, 5, 0.2);
  std::map<std::string, std::uint64_t> out;
  GlobalMoranSettings g;
  g.permutation = {499, 77, threads};
  const GlobalMoran m = global_moran(w, x, g);
  out["moran"] = fingerprint(global_inference(m.p_sim, m.mean_sim, m.sd_sim, m.z_sim));
  const GearyC c = geary(w, x, g);
  out["geary"] = fingerprint(global_inference(c.p_sim, c.mean_sim, c.sd_sim, c.z_sim));
  const BivariateMoran bv = bivariate_moran(w, x, y, g);
  out["moran_bv"] = fingerprint(global_inference(bv.p_sim, bv.mean_sim, bv.sd_sim, bv.z_sim));
  LocalSettings l;
  l.permutation = {499, 78, threads};
  const LocalMoran lm = local_moran(w, x, l);
  out["local_moran_p"] = fingerprint(lm.p_sim);
  out["local_moran_z"] = fingerprint(lm.z_sim);
  const LocalMoran lbv = bivariate_local_moran(w, x, y, l);
  out["local_moran_bv_p"] = fingerprint(lbv.p_sim);
  out["local_moran_bv_z"] = fingerprint(lbv.z_sim);
  for (bool row : {false, true}) {
    GetisOrdSettings s;
    s.permutation = {499, 79, threads};
    s.row_standardised = row;
    const GetisOrd gi = getis_ord_star(w, x, s);
    out[row ? "gi_star_r_p" : "gi_star_b_p"] = fingerprint(gi.p_sim);
    out[row ? "gi_star_r_z" : "gi_star_b_z"] = fingerprint(gi.z_sim);
  }
  return out;
}

const std::map<std::string, std::uint64_t> kBeforeTheHelper = {
    {"geary", 0xffa2c0638c61412fULL},
    {"gi_star_b_p", 0x7a9af02be255cf71ULL},
    {"gi_star_b_z", 0xbdbbd5a5afa6b8deULL},
    {"gi_star_r_p", 0x7a9af02be255cf71ULL},
    {"gi_star_r_z", 0x3200c80322a0ddc4ULL},
    {"local_moran_bv_p", 0xd31ed0d1f93d42dcULL},
    {"local_moran_bv_z", 0x46b43bb054a62133ULL},
    {"local_moran_p", 0xb309fed835ab6538ULL},
    {"local_moran_z", 0x787e6dae02b11b67ULL},
    {"moran", 0x8030c5a057440cd3ULL},
    {"moran_bv", 0x0ec11621f7108e6aULL},
};

TEST(SpatialLagHelper, PermutationResultsIdenticalToTheSeparateLoops) {
  for (unsigned threads : {1u, 2u}) EXPECT_EQ(permutation_fingerprints(threads), kBeforeTheHelper) << threads << " threads";
}

TEST(SpatialLagHelper, LagSlotsKeepTheSelfWeightApart) {
  const SpatialWeights w = grid_weights(3, 2).with_self(0.5);
  const LagSlots slots(w);
  ASSERT_EQ(slots.self_weight, std::vector<double>(6, 0.5));
  ASSERT_EQ(slots.other_offsets, (std::vector<std::size_t>{0, 2, 5, 7, 9, 12, 14}));
  const std::vector<double> v = {1, 2, 4, 8, 16, 32};
  const std::uint32_t draws[] = {5, 3, 0};
  // Unit 1 (three neighbours 0, 2, 4): 0.5 * 2 + 32 + 8 + 1.
  EXPECT_DOUBLE_EQ(slots.lag(1, std::span<const std::uint32_t>(draws, 3), v.data()), 42.0);
}

TEST(SpatialLagHelper, StandardisedAsNumpy) {
  const std::vector<double> v = {1, 2, 3, 4};
  const auto z0 = standardised(v, 0), z1 = standardised(v, 1);
  EXPECT_NEAR(z0[0], -1.5 / std::sqrt(1.25), 1e-15);
  EXPECT_NEAR(z1[3], 1.5 / std::sqrt(5.0 / 3.0), 1e-15);
  EXPECT_EQ(standardised({2, 2, 2}, 0), std::vector<double>(3, 0.0));
  const CentredValues c = centred(v);
  EXPECT_DOUBLE_EQ(c.m2, 5.0);
  EXPECT_DOUBLE_EQ(c.m4, 2 * (1.5 * 1.5 * 1.5 * 1.5 + 0.5 * 0.5 * 0.5 * 0.5));
}

}  // namespace
}  // namespace peta
