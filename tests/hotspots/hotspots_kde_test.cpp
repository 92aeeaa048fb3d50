// Kernel density heatmap: the kernel's mass and peak, the default bandwidth rule against a hand
// computation, the raster layout, and the GeoTIFF as GDAL reads it back.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <filesystem>
#include <numbers>
#include <numeric>

#include "core/crs.hpp"
#include "core/error.hpp"
#include "core/gdal_init.hpp"
#include "hotspots/kde.hpp"
#include "hotspots/polygon_layer_reader.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

double mass_points(const DensityRaster& r) {
  // Sum of points/km² over cells times the cell area in km².
  return std::accumulate(r.values.begin(), r.values.end(), 0.0) * r.cell_size * r.cell_size / 1e6;
}

TEST(KernelDensity, QuarticKernelShape) {
  const double h = 1000;
  EXPECT_DOUBLE_EQ(quartic_kernel(0, h), 3 / (std::numbers::pi * h * h));
  EXPECT_DOUBLE_EQ(quartic_kernel(500, h), 3 / (std::numbers::pi * h * h) * 0.75 * 0.75);
  EXPECT_EQ(quartic_kernel(1000, h), 0.0);
  EXPECT_EQ(quartic_kernel(1500, h), 0.0);
}

TEST(KernelDensity, RasterSnapsToCellMultiplesAroundExtentPlusBandwidth) {
  const Box extent{1000, 2000, 5000, 9000};
  DensityRaster r = make_density_raster(extent, 500);  // default cell = h / 10 = 50 m
  EXPECT_EQ(r.cell_size, 50.0);
  EXPECT_EQ(r.origin_x, 500.0);   // 1000 - 500
  EXPECT_EQ(r.origin_y, 9500.0);  // 9000 + 500
  EXPECT_EQ(r.cols, 100);         // 500 .. 5500
  EXPECT_EQ(r.rows, 160);         // 1500 .. 9500
  EXPECT_EQ(r.values.size(), 16000u);

  // Not on multiples: snapped outwards.
  r = make_density_raster({1010, 2020, 4990, 8990}, 500, 100);
  EXPECT_EQ(r.origin_x, 500.0);   // floor(510 / 100) * 100
  EXPECT_EQ(r.origin_y, 9500.0);  // ceil(9490 / 100) * 100
  EXPECT_EQ(r.cols, 50);          // 500 .. 5500
  EXPECT_EQ(r.rows, 80);          // 1500 .. 9500

  // The default cell grows to whole metres when the raster would pass max_cells.
  r = make_density_raster(extent, 500, 0, 1000);
  EXPECT_LE(std::size_t(r.cols) * std::size_t(r.rows), 1000u);
  EXPECT_EQ(r.cell_size, std::round(r.cell_size));
  EXPECT_GT(r.cell_size, 50.0);

  EXPECT_THROW(make_density_raster(extent, 0), Error);
  EXPECT_THROW(make_density_raster(Box{}, 100), Error);
}

TEST(KernelDensity, SinglePointIntegratesToOneWithExactPeak) {
  const double h = 1000;
  KernelDensity kde(make_density_raster({0, 0, 4000, 4000}, h, 25));
  const DensityRaster probe = make_density_raster({0, 0, 4000, 4000}, h, 25);
  const Coord centre{probe.cell_centre_x(100), probe.cell_centre_y(90)};
  kde.add_metric(centre);
  const DensityRaster r = kde.finish();
  EXPECT_EQ(r.point_count, 1u);
  EXPECT_NEAR(mass_points(r), 1.0, 0.01);
  const double peak = 3 / (std::numbers::pi * h * h) * 1e6;  // per km²
  EXPECT_DOUBLE_EQ(r.at(100, 90), peak);
  EXPECT_DOUBLE_EQ(*std::max_element(r.values.begin(), r.values.end()), peak);
  // 40 cells (1000 m) away the kernel is 0; 20 cells (500 m) away it is 9/16 of the peak.
  EXPECT_EQ(r.at(140, 90), 0.0);
  EXPECT_DOUBLE_EQ(r.at(120, 90), peak * 0.5625);
  EXPECT_DOUBLE_EQ(r.at(100, 70), peak * 0.5625);
  // Cells with a centre within h: pi * 40² ≈ 5027 of them.
  const auto lit = std::count_if(r.values.begin(), r.values.end(), [](double v) { return v > 0; });
  EXPECT_NEAR(double(lit), std::numbers::pi * 40 * 40, 60);
}

TEST(KernelDensity, LonLatPointsAreProjectedToUtm49S) {
  const Coord lonlat{113.2, -7.8};
  const Coord m = CrsTransform(kExchangeCrs, kMetricCrs).apply(lonlat);
  const double h = 800;
  const Box extent{m.x - 2000, m.y - 2000, m.x + 2000, m.y + 2000};
  KernelDensity kde(make_density_raster(extent, h, 20));
  for (int k = 0; k < 5000; ++k) kde.add(lonlat);  // crosses a projection batch
  kde.add({std::nan(""), 0});                        // counted, never drawn
  const DensityRaster r = kde.finish();
  EXPECT_EQ(r.point_count, 5001u);
  EXPECT_NEAR(mass_points(r), 5000.0, 50.0);
  const int col = int((m.x - r.origin_x) / r.cell_size), row = int((r.origin_y - m.y) / r.cell_size);
  const double d = std::hypot(r.cell_centre_x(col) - m.x, r.cell_centre_y(row) - m.y);
  EXPECT_NEAR(r.at(col, row), 5000 * quartic_kernel(d, h) * 1e6, 1e-9 * r.at(col, row));
}

TEST(KernelDensity, DefaultBandwidthMatchesHandComputation) {
  // Median branch: a 2 m square with its centre and one far point at (61, 1).
  // Mean centre (11, 1); distances sqrt(122) x2, sqrt(82) x2, 10, 50; SD = sqrt(3008 / 6) = 22.39;
  // Dm = (10 + sqrt(122)) / 2 = 10.52 (even count); sqrt(1/ln 2) Dm = 12.64 < SD.
  const std::vector<Coord> pts{{0, 0}, {2, 0}, {0, 2}, {2, 2}, {1, 1}, {61, 1}};
  const double expected = 0.9 * std::sqrt(1 / std::log(2.0)) * (10 + std::sqrt(122.0)) / 2 * std::pow(6.0, -0.2);
  EXPECT_NEAR(default_bandwidth(pts), expected, 1e-12);
  EXPECT_NEAR(expected, 7.9492, 1e-4);

  // SD branch: four points at distance a around the centre: SD = Dm = a, so h = 0.9 a 4^-0.2.
  const double a = 1000;
  const std::vector<Coord> cross{{a, 0}, {-a, 0}, {0, a}, {0, -a}};
  EXPECT_NEAR(default_bandwidth(cross), 0.9 * a * std::pow(4.0, -0.2), 1e-9);

  // The two-pass streaming estimator agrees to the width of its median bins.
  BandwidthEstimator stream;
  for (const auto& p : pts) stream.add_first(p);
  for (const auto& p : pts) stream.add_second(p);
  EXPECT_NEAR(stream.bandwidth(), expected, 1e-3);

  EXPECT_THROW(default_bandwidth({{1, 1}}), Error);
  EXPECT_THROW(default_bandwidth({{1, 1}, {1, 1}}), Error);
}

TEST(KernelDensity, DefaultsOverProbolinggoExtent) {
  const auto layer = read_polygon_layer(test::data("probolinggo/desa.geojson"), "", "");
  const Box extent = metric_extent(layer.polygons);
  ASSERT_FALSE(extent.empty());
  // Probolinggo lies within UTM 49S: easting 0.65-0.8 Mm, northing 9.1-9.2 Mm.
  EXPECT_GT(extent.min_x, 600000);
  EXPECT_LT(extent.max_x, 850000);
  EXPECT_GT(extent.min_y, 9050000);
  EXPECT_LT(extent.max_y, 9250000);

  // Two groups of points 10 km apart near the regency's centre.
  const Coord base{(extent.min_x + extent.max_x) / 2, (extent.min_y + extent.max_y) / 2};
  CrsTransform to_lonlat(kMetricCrs, kExchangeCrs);
  std::vector<Coord> metric, lonlat;
  for (int k = 0; k < 200; ++k) {
    const double angle = k * 2.399963, radius = 30.0 * std::sqrt(double(k));
    const Coord m{base.x + (k % 2 ? 10000 : 0) + radius * std::cos(angle), base.y + radius * std::sin(angle)};
    metric.push_back(m);
    lonlat.push_back(to_lonlat.apply(m));
  }
  const DensityRaster r = kernel_density(lonlat, extent);
  EXPECT_NEAR(r.bandwidth, default_bandwidth(metric), 1e-6);
  EXPECT_DOUBLE_EQ(r.cell_size, r.bandwidth / 10);
  EXPECT_LE(r.origin_x, extent.min_x - r.bandwidth);
  EXPECT_GE(r.origin_y, extent.max_y + r.bandwidth);
  EXPECT_EQ(r.point_count, 200u);
  EXPECT_NEAR(mass_points(r), 200.0, 2.0);
}

TEST(KernelDensity, GeoTiffOpensInUtm49SWithExactGrid) {
  const double h = 1000;
  KernelDensity kde(make_density_raster({700000, 9130000, 704000, 9133000}, h, 50));
  kde.add_metric({702025, 9131525});  // a cell centre
  const DensityRaster r = kde.finish();
  ASSERT_EQ(r.cols, 120);  // 699000 .. 705000
  ASSERT_EQ(r.rows, 100);  // 9129000 .. 9134000
  const std::string dir = test::temp_dir("kde-geotiff");
  const std::string path = dir + "/kepadatan.tif";
  write_density_geotiff(r, path);
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator{}), 1);

  ensure_gdal_registered();
  std::unique_ptr<GDALDataset> ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
  ASSERT_TRUE(ds);
  EXPECT_STREQ(ds->GetDriver()->GetDescription(), "GTiff");
  EXPECT_EQ(ds->GetRasterXSize(), 120);
  EXPECT_EQ(ds->GetRasterYSize(), 100);
  EXPECT_EQ(ds->GetRasterCount(), 1);
  double gt[6];
  ASSERT_EQ(ds->GetGeoTransform(gt), CE_None);
  EXPECT_EQ(gt[0], 699000.0);
  EXPECT_EQ(gt[1], 50.0);
  EXPECT_EQ(gt[2], 0.0);
  EXPECT_EQ(gt[3], 9134000.0);
  EXPECT_EQ(gt[4], 0.0);
  EXPECT_EQ(gt[5], -50.0);
  const OGRSpatialReference* srs = ds->GetSpatialRef();
  ASSERT_TRUE(srs);
  EXPECT_STREQ(srs->GetAuthorityName(nullptr), "EPSG");
  EXPECT_STREQ(srs->GetAuthorityCode(nullptr), "32749");
  EXPECT_EQ(std::stod(ds->GetMetadataItem("BANDWIDTH_M")), 1000.0);
  GDALRasterBand* band = ds->GetRasterBand(1);
  EXPECT_EQ(band->GetRasterDataType(), GDT_Float32);
  std::vector<float> values(std::size_t(r.cols) * std::size_t(r.rows));
  ASSERT_EQ(band->RasterIO(GF_Read, 0, 0, r.cols, r.rows, values.data(), r.cols, r.rows, GDT_Float32, 0, 0, nullptr),
            CE_None);
  const int peak_col = 60, peak_row = 49;  // (702025 - 699000) / 50 - 0.5, (9134000 - 9131525) / 50 - 0.5
  const double peak = 3e6 / (std::numbers::pi * h * h);
  EXPECT_FLOAT_EQ(values[std::size_t(peak_row * r.cols + peak_col)], float(peak));
  double sum = 0;
  for (float v : values) sum += v;
  EXPECT_NEAR(sum * 50 * 50 / 1e6, 1.0, 0.01);

  EXPECT_THROW(write_density_geotiff(r, dir + "/no/such/folder/x.tif"), Error);
}

}  // namespace
}  // namespace peta
