#include <gtest/gtest.h>

#include <geodesic.h>

#include "core/crs.hpp"
#include "core/error.hpp"
#include "render/count_legend.hpp"
#include "render/scale_bar.hpp"

using peta::render::choose_scale_bar;

TEST(ScaleBar, LongestRoundLengthThatFits) {
  // 100 m per point, at most 150 points: 15 km fit, the bar is 10 km = 100 points.
  auto bar = choose_scale_bar(100, 150);
  EXPECT_DOUBLE_EQ(bar.metres, 10000);
  EXPECT_DOUBLE_EQ(bar.length, 100);
  EXPECT_EQ(bar.label, "10 km");
  // 7.3 m per point, at most 100 points (730 m): 500 m = 68.49 points.
  bar = choose_scale_bar(7.3, 100);
  EXPECT_DOUBLE_EQ(bar.metres, 500);
  EXPECT_NEAR(bar.length, 500 / 7.3, 1e-9);
  EXPECT_EQ(bar.label, "500 m");
  bar = choose_scale_bar(250, 90);  // 22.5 km: 20 km
  EXPECT_EQ(bar.label, "20 km");
  EXPECT_THROW(choose_scale_bar(0, 100), peta::Error);
}

TEST(ScaleBar, MetresOfTheMapProjectionMatchTheGroundAcrossProbolinggo) {
  // The maps are drawn in EPSG:32749, so a bar of L page units stands for L x metres_per_unit metres of
  // easting. On the ground (WGS 84 geodesic) a 20 km east-west bar anywhere over the regency (112.8-113.6 E,
  // 7.7-8.1 S) is within 0.1 % of 20 km: UTM 49S's scale factor there is 0.9996-1.0006.
  peta::CrsTransform to_lonlat(peta::kMetricCrs, peta::kExchangeCrs), to_metric(peta::kExchangeCrs, peta::kMetricCrs);
  geod_geodesic wgs84;
  geod_init(&wgs84, 6378137, 1 / 298.257223563);
  auto bar = choose_scale_bar(150, 150);  // 150 m per point: 20 km
  ASSERT_DOUBLE_EQ(bar.metres, 20000);
  for (double lon : {112.8, 113.2, 113.6})
    for (double lat : {-7.7, -8.1}) {
      peta::Coord start = to_metric.apply({lon, lat});
      peta::Coord end = to_lonlat.apply({start.x + bar.length * 150, start.y});
      double s12 = 0;
      geod_inverse(&wgs84, lat, lon, end.y, end.x, &s12, nullptr, nullptr);
      EXPECT_NEAR(s12 / bar.metres, 1.0, 1e-3) << lon << ", " << lat;
    }
}

TEST(CountLegend, WithheldCountsGetTheirOwnHatchedClassAndTheFirstClassStartsAtK) {
  // A suppressed category: 4 desa withheld (NULL), the published counts 5..30 (never below k = 5, never 0).
  std::vector<std::optional<double>> counts = {std::nullopt, 5, 7, std::nullopt, 12, 30, 6, std::nullopt, 9, 18,
                                               std::nullopt};
  auto legend = peta::render::count_legend(counts, 5, "id");
  auto entries = legend.entries();
  ASSERT_GE(entries.size(), 3u);
  EXPECT_EQ(entries.front().label.substr(0, 1), "5");           // "5–7", not "0" nor "1–…"
  EXPECT_EQ(entries.back().label, "disembunyikan, < 5");
  EXPECT_TRUE(entries.back().hatched);
  for (std::size_t i = 0; i + 1 < entries.size(); ++i) EXPECT_FALSE(entries[i].hatched);
  EXPECT_TRUE(legend.fill_of(std::nullopt).hatched);
  auto five = legend.fill_of(5.0);
  EXPECT_FALSE(five.hatched);
  EXPECT_EQ(five.fill.r, entries.front().fill.r);
  EXPECT_EQ(five.fill.g, entries.front().fill.g);
  EXPECT_EQ(legend.fill_of(30.0).fill.g, entries[entries.size() - 2].fill.g);  // the top class
  // Nothing withheld: no such class; English label.
  auto plain = peta::render::count_legend({0.0, 1.0, 2.0, 8.0}, 5, "en");
  EXPECT_EQ(plain.entries().front().label, "0");
  EXPECT_FALSE(plain.entries().back().hatched);
  EXPECT_EQ(peta::render::withheld_label(3, "en"), "withheld, < 3");
}
