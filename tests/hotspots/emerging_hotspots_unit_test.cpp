// The emerging hot spot rules on hand-made series, Mann-Kendall on series with known answers, and the
// space-time Gi* on a cube small enough to check by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>

#include "hotspots/emerging_hotspots.hpp"

namespace peta {
namespace {

// A series from symbols: 'H' hot (z = 3), 'C' cold (z = -3), '.' nothing (z = 0.1); p from z.
EmergingClass classify(const std::string& bins, double trend_tau = 0, double trend_p = 1) {
  std::vector<double> z, p;
  for (char c : bins) {
    z.push_back(c == 'H' ? 3.0 : c == 'C' ? -3.0 : 0.1);
    p.push_back(c == '.' ? 0.9 : 0.0027);
  }
  MannKendall mk;
  mk.tau = trend_tau;
  mk.p = trend_p;
  return classify_emerging(z, p, mk, 0.05);
}

TEST(EmergingRules, EachClass) {
  using C = EmergingClass;
  EXPECT_EQ(classify("..........H"), C::new_hot);
  EXPECT_EQ(classify("..........C"), C::new_cold);
  EXPECT_EQ(classify(".......HHHH"), C::consecutive_hot);
  EXPECT_EQ(classify("........CCC"), C::consecutive_cold);
  EXPECT_EQ(classify("..H....HHHH"), C::sporadic_hot);  // hot before the final run: not consecutive
  EXPECT_EQ(classify("HHHHHHHHHHH", 0.6, 0.001), C::intensifying_hot);
  EXPECT_EQ(classify("HHHHHHHHHHH", -0.6, 0.001), C::diminishing_hot);
  EXPECT_EQ(classify("HHHHHHHHHHH", 0.1, 0.4), C::persistent_hot);
  EXPECT_EQ(classify("CCCCCCCCCCC", -0.6, 0.001), C::intensifying_cold);
  EXPECT_EQ(classify("CCCCCCCCCCC", 0.6, 0.001), C::diminishing_cold);
  EXPECT_EQ(classify("CCCCCCCCCCC", 0, 1), C::persistent_cold);
  EXPECT_EQ(classify("HHHHHHHHHHHHHHHHHHH.", -0.5, 0.001), C::historical_hot);  // 95 % hot, the last not
  EXPECT_EQ(classify("CCCCCCCCCCCCCCCCCCC.", 0.5, 0.001), C::historical_cold);
  EXPECT_EQ(classify("..C.....H..H"), C::oscillating_hot);
  EXPECT_EQ(classify("..H.....C..C"), C::oscillating_cold);
  EXPECT_EQ(classify("..H..H..H..."), C::sporadic_hot);
  EXPECT_EQ(classify("..C......C.."), C::sporadic_cold);
  EXPECT_EQ(classify("............"), C::no_pattern);
  EXPECT_EQ(classify("..C..H......"), C::no_pattern);  // both signs, the last bin neither
  EXPECT_EQ(classify("C.........HH"), C::oscillating_hot);  // a cold bin before the run: not consecutive
}

TEST(EmergingRules, LabelsAreDistinct) {
  std::set<std::string> codes, id, en;
  for (int c = 0; c < kEmergingClassCount; ++c) {
    codes.insert(emerging_class_code(EmergingClass(c)));
    id.insert(emerging_class_label_id(EmergingClass(c)));
    en.insert(emerging_class_label_en(EmergingClass(c)));
  }
  EXPECT_EQ(codes.size(), 17u);
  EXPECT_EQ(id.size(), 17u);
  EXPECT_EQ(en.size(), 17u);
  EXPECT_STREQ(emerging_class_label_id(EmergingClass::new_hot), "Titik panas baru");
}

TEST(MannKendallTest, KnownSeries) {
  // 1..5: S = 10, var = 5*4*15/18, z = 9 / sqrt(var), p = erfc(z / sqrt 2).
  const MannKendall up = mann_kendall({1, 2, 3, 4, 5});
  EXPECT_EQ(up.s, 10);
  EXPECT_NEAR(up.variance, 50.0 / 3.0, 1e-12);
  EXPECT_NEAR(up.z, 9 / std::sqrt(50.0 / 3.0), 1e-12);
  EXPECT_NEAR(up.p, 0.027486336110, 1e-9);
  EXPECT_DOUBLE_EQ(up.tau, 1.0);
  // Ties: {1, 1, 2}: S = 2, var = (3*2*11 - 2*1*9) / 18 = 48 / 18.
  const MannKendall tied = mann_kendall({1, 1, 2});
  EXPECT_EQ(tied.s, 2);
  EXPECT_NEAR(tied.variance, 48.0 / 18.0, 1e-12);
  const MannKendall flat = mann_kendall({4, 4, 4, 4});
  EXPECT_EQ(flat.s, 0);
  EXPECT_EQ(flat.p, 1.0);
  const MannKendall down = mann_kendall({5, 3, 4, 1});
  EXPECT_EQ(down.s, -4);  // pairs: (5,3)- (5,4)- (5,1)- (3,4)+ (3,1)- (4,1)-
  EXPECT_LT(down.tau, 0);
}

// Three locations in a row (0-1, 1-2 neighbours), two steps, k = 1, whole cube standardisation.
TEST(EmergingGi, HandComputedBins) {
  const SpatialWeights w = SpatialWeights::from_pairs(3, {{0, 1}, {1, 2}});
  SpaceTimeCube cube{3, 2, {1, 2, 3, 4, 5, 6}};  // t0: 1 2 3; t1: 4 5 6
  const EmergingResult r = emerging_hotspots(cube, w);
  const double mean = 3.5, sd = std::sqrt(17.5 / 6.0), n = 6;
  auto z = [&](double s, double wsum) {
    return (s - mean * wsum) / (sd * std::sqrt((n * wsum - wsum * wsum) / (n - 1)));
  };
  EXPECT_NEAR(r.z[0], z(1 + 2, 2), 1e-12);                   // location 0, t0: {0,1} at t0
  EXPECT_NEAR(r.z[1], z(1 + 2 + 3, 3), 1e-12);               // location 1, t0
  EXPECT_NEAR(r.z[3 + 0], z(4 + 5 + 1 + 2, 4), 1e-12);       // location 0, t1: {0,1} at t1 and t0
  EXPECT_NEAR(r.z[3 + 2], z(5 + 6 + 2 + 3, 4), 1e-12);       // location 2, t1
  // Per time slice: slice t0's own mean 2 and sd sqrt(2/3), N = 3; at t1 the neighbourhood of location 1
  // (6 bins) outgrows the slice (N W - W^2 < 0): z undefined there, never significant.
  const EmergingResult s = emerging_hotspots(cube, w, {.standardisation = GiStandardisation::per_time_slice});
  EXPECT_NEAR(s.z[0], (3 - 2.0 * 2) / (std::sqrt(2.0 / 3.0) * std::sqrt((3 * 2 - 4) / 2.0)), 1e-12);
  EXPECT_TRUE(std::isnan(s.z[3 + 1]));
  EXPECT_EQ(s.p[3 + 1], 1.0);
}

TEST(EmergingGi, ConstantCubeHasNoPattern) {
  const SpatialWeights w = SpatialWeights::from_pairs(2, {{0, 1}});
  const EmergingResult r = emerging_hotspots({2, 3, {1, 1, 1, 1, 1, 1}}, w);
  for (double z : r.z) EXPECT_TRUE(std::isnan(z));
  for (auto c : r.classes) EXPECT_EQ(c, EmergingClass::no_pattern);
}

TEST(EmergingGi, RejectsMismatchedInput) {
  const SpatialWeights w = SpatialWeights::from_pairs(2, {{0, 1}});
  EXPECT_THROW(emerging_hotspots({3, 2, std::vector<double>(6, 1.0)}, w), std::exception);
  EXPECT_THROW(emerging_hotspots({2, 2, std::vector<double>(3, 1.0)}, w), std::exception);
}

}  // namespace
}  // namespace peta
