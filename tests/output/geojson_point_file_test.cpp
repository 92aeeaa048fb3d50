// The GeoJSON point layer written as text directly (output/geojson_point_file.hpp) is GDAL's GeoJSON driver's
// output byte for byte: coordinates against GDAL's own OGRFormatDouble over millions of values, and whole layers
// (points and a table) with awkward values (text GDAL embeds as JSON, control characters, NaN and infinite reals,
// 17-digit reals, a point outside lon/lat, missing points, non-dates) written both ways and compared; the file is
// valid JSON with every feature, as QGIS reads it.
#include <gtest/gtest.h>

#include <ogr_p.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <limits>
#include <random>
#include <sstream>

#include <nlohmann/json.hpp>

#include "output/atomic_file.hpp"
#include "output/geojson_layer_writer.hpp"
#include "output/geojson_point_file.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

namespace fs = std::filesystem;
using output_detail::geojson_coordinate;

TEST(GeoJsonPointFile, CoordinatesAreGdalsTextForMillionsOfValues) {
  std::mt19937_64 rng(20);
  std::uniform_real_distribution<double> lon(95.0, 141.0), lat(-11.0, 6.0), small(-2.0, 2.0);
  long checked = 0, differ = 0;
  auto check = [&](double v) {
    char gdal[80];
    OGRFormatDouble(gdal, sizeof gdal, v, '.', 7);
    std::string mine;
    ASSERT_TRUE(geojson_coordinate(v, mine));
    ++checked;
    if (mine != gdal && ++differ < 10) ADD_FAILURE() << std::setprecision(17) << v << ": GDAL " << gdal << ", here " << mine;
  };
  for (int i = 0; i < 300000; ++i) {
    check(lon(rng));
    check(lat(rng));
    check(small(rng));
  }
  // Values at the edges of GDAL's rounding: runs of 0s and 9s, integers, zero of both signs, tiny values.
  for (double base : {113.1, -7.5, 0.0, 1.0, 112.0, -8.0, 12.3456}) {
    for (double d : {0.0, 1e-7, -1e-7, 4e-8, 6e-8, 1e-9, 9.9e-8, 5e-8, 1.00000001e-7, 5.0000001e-8, 0.49e-7}) check(base + d);
  }
  for (double v : {-0.0, 1e-12, -1e-12, 179.9999999, -179.99999995, 90.0, 0.00000005, 0.00000004999}) check(v);
  EXPECT_EQ(differ, 0);
  EXPECT_GT(checked, 900000);
  std::string out;
  EXPECT_FALSE(geojson_coordinate(std::numeric_limits<double>::quiet_NaN(), out));
}

LayerSchema schema(GeometryKind geometry) {
  return {"temuan",
          geometry,
          {{"id_temuan", FieldType::text, "id_temuan"},
           {"ket", FieldType::text, "ket"},
           {"tanggal", FieldType::date, "tanggal"},
           {"jumlah", FieldType::integer, "jumlah"},
           {"jarak_m", FieldType::real, "jarak_m"}}};
}

std::vector<Feature> awkward_features(bool with_points) {
  std::vector<Feature> out;
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> lon(112.7, 113.9), lat(-8.2, -7.6), real(-1e6, 1e6);
  const std::vector<std::string> texts = {"jalan rusak", "{\"a\": 1}", "[1, 2]", "{bukan json}", "[", "",
                                          "ctl\x01\x1f\x7f tab\t nl\n cr\r bs\b ff\f q\" bsl\\ sl/ \xC3\xA9",
                                          "Kec. Tongas / Dringu", "null", "123"};
  const std::vector<double> reals = {0.0, -0.0, 1.5, 0.1 + 0.2, 1e20, 123456789012.0, 3.0000000000000004, 1e-300,
                                     -2.5e-7, std::nan(""), INFINITY, 2.675, 1.0 / 3.0, 4.35, 0.7 * 3};
  const std::vector<std::string> dates = {"2026-03-04", "2026/3/4", "bukan tanggal", "2026-13-01", "2025-12-31T10:00"};
  for (int i = 0; i < 4000; ++i) {
    Feature f;
    if (with_points && i % 53 != 0) f.geometry = Coord{lon(rng), lat(rng)};
    if (with_points && i == 77) f.geometry = Coord{200.5, -7.5};  // outside lon/lat: GDAL's rules
    if (with_points && i == 78) f.geometry = Coord{113.1000000004, -7.89999999991};
    f.values = {std::string("T") + std::to_string(i), i % 3 == 0 ? FieldValue{texts[static_cast<std::size_t>(i / 3) % texts.size()]} : FieldValue{},
                dates[static_cast<std::size_t>(i) % dates.size()],
                i % 11 == 0 ? FieldValue{} : FieldValue{static_cast<std::int64_t>(i) * (i % 2 ? -987654321987LL : 1)},
                i % 2 == 0 ? FieldValue{reals[static_cast<std::size_t>(i / 2) % reals.size()]} : FieldValue{real(rng)}};
    out.push_back(std::move(f));
  }
  out[5].values[3] = std::numeric_limits<std::int64_t>::min();
  out[6].values[3] = std::numeric_limits<std::int64_t>::max();
  out[7].values[4] = std::int64_t{42};  // an integer in a real field
  return out;
}

std::string write_with(const std::string& dir, bool fast, const LayerSchema& s, const std::vector<Feature>& features) {
  output_detail::StagingFolder staging(dir);
  auto writer = fast ? output_detail::make_geojson_writer(staging) : output_detail::make_gdal_geojson_writer(staging);
  writer->begin_layer(s);
  for (const auto& f : features) writer->write(f);
  writer->end_layer();
  writer->finish();
  staging.commit();
  std::ifstream in(fs::path(dir) / (s.name + ".geojson"), std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void expect_same_as_gdal(GeometryKind geometry, const std::string& name) {
  const auto features = awkward_features(geometry == GeometryKind::point);
  const std::string mine = write_with(test::temp_dir(name + "-fast"), true, schema(geometry), features);
  const std::string gdal = write_with(test::temp_dir(name + "-gdal"), false, schema(geometry), features);
  ASSERT_GT(gdal.size(), 100000u);
  if (mine != gdal) {
    // Name the first feature that differs.
    std::istringstream a(mine), b(gdal);
    std::string la, lb;
    for (int line = 1; std::getline(a, la) && std::getline(b, lb); ++line)
      if (la != lb) {
        ADD_FAILURE() << "line " << line << "\n here: " << la << "\n GDAL: " << lb;
        break;
      }
  }
  EXPECT_EQ(mine.size(), gdal.size());
  // Valid JSON with every feature, and feature by feature the same values as GDAL's.
  const auto a = nlohmann::json::parse(mine), b = nlohmann::json::parse(gdal);
  ASSERT_EQ(a["features"].size(), features.size());
  for (std::size_t i = 0; i < features.size(); ++i) ASSERT_EQ(a["features"][i], b["features"][i]) << "feature " << i;
  EXPECT_EQ(a["features"][1]["properties"]["ket"], nullptr);
  EXPECT_EQ(a["features"][3]["properties"]["ket"], nlohmann::json::parse("{\"a\": 1}"));  // GDAL embeds it
}

TEST(GeoJsonPointFile, APointLayerIsGdalsFileByteForByte) { expect_same_as_gdal(GeometryKind::point, "gj-points"); }

TEST(GeoJsonPointFile, ATableIsGdalsFileByteForByte) { expect_same_as_gdal(GeometryKind::none, "gj-table"); }

TEST(GeoJsonPointFile, AnEmptyLayerIsGdalsFile) {
  const std::string mine = write_with(test::temp_dir("gj-empty-fast"), true, schema(GeometryKind::point), {});
  const std::string gdal = write_with(test::temp_dir("gj-empty-gdal"), false, schema(GeometryKind::point), {});
  EXPECT_EQ(mine, gdal);
  EXPECT_EQ(mine, "{\n\"type\": \"FeatureCollection\",\n\"features\": [\n\n]\n}\n");
}

}  // namespace
}  // namespace peta
