// Boundary layers that used to be misread without a word: a projected layer with no CRS, two features
// with one code.
#include <gtest/gtest.h>

#include "boundaries/boundary_loader.hpp"
#include "core/error.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

std::string error_of(const BoundarySettings& s) {
  try {
    load_boundaries(s);
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

// UTM 49S metres in a GeoJSON without "crs": not degrees, so the load stops and asks for `crs`; with it, the
// layer loads (a 1 km square: 1 km²).
TEST(BoundaryTrust, ProjectedLayerWithoutCrsAsksForIt) {
  auto dir = test::temp_dir("b-nocrs");
  const std::string path = dir + "/utm.geojson";
  test::write_file(path, R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"kode":"35.13.04.2008","nama":"Besuk"},"geometry":{"type":"Polygon","coordinates":[[[741000,9130000],[742000,9130000],[742000,9131000],[741000,9131000],[741000,9130000]]]}}]})");
  BoundarySettings s;
  s.desa.path = path;
  const std::string e = error_of(s);
  EXPECT_NE(e.find("its coordinates (x 741000.000..742000.000, y 9130000.000..9131000.000) are not longitude/latitude, "
                   "but the layer is read as such (it declares no CRS, or a geographic one): give its \"crs\""),
            std::string::npos)
      << e;
  s.desa.crs = "EPSG:32749";
  auto loaded = load_boundaries(s);
  ASSERT_EQ(loaded.boundaries.desa.size(), 1u);
  EXPECT_NEAR(loaded.boundaries.desa[0].area_km2, 1.0, 0.005);  // geodesic area of a UTM square: within 0.5 %
}

// Two features with one code: a build stops naming both; the quality check keeps the first and lists them.
TEST(BoundaryTrust, DuplicateCodeStopsTheLoadNamingBoth) {
  auto dir = test::temp_dir("b-dup");
  const std::string path = dir + "/dup.geojson";
  test::write_file(path, R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"kode":"35.13.04.2008","nama":"Besuk"},"geometry":{"type":"Polygon","coordinates":[[[113.18,-7.86],[113.20,-7.86],[113.20,-7.85],[113.18,-7.86]]]}},
{"type":"Feature","properties":{"kode":"35.13.04.2009","nama":"Lain"},"geometry":{"type":"Polygon","coordinates":[[[113.28,-7.86],[113.30,-7.86],[113.30,-7.85],[113.28,-7.86]]]}},
{"type":"Feature","properties":{"kode":"3513042008","nama":"Besuk Baru"},"geometry":{"type":"Polygon","coordinates":[[[113.38,-7.86],[113.40,-7.86],[113.40,-7.85],[113.38,-7.86]]]}}]})");
  BoundarySettings s;
  s.desa.path = path;
  EXPECT_EQ(error_of(s),
            "boundaries: 1 code(s) given to two features, so a village would disappear: 35.13.04.2008 (desa, features "
            "1 'Besuk' and 3 'Besuk Baru'). Give each its own code (peta boundaries check lists them all)");
  s.duplicate_codes_stop = false;
  auto loaded = load_boundaries(s);
  EXPECT_EQ(loaded.boundaries.desa.size(), 2u);
  ASSERT_EQ(loaded.issues.duplicate_codes.size(), 1u);
}

}  // namespace
}  // namespace peta
