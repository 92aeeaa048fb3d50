#include "boundaries/boundary_loader.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <numeric>

#include "core/error.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

BoundarySettings probolinggo(bool with_kecamatan) {
  BoundarySettings s;
  s.desa.path = test::data("probolinggo/desa.geojson");
  if (with_kecamatan) s.kecamatan = BoundarySource{test::data("probolinggo/kecamatan.geojson")};
  return s;
}

double total_area(const std::vector<AdminUnit>& units) {
  return std::accumulate(units.begin(), units.end(), 0.0, [](double a, const AdminUnit& u) { return a + u.area_km2; });
}

TEST(BoundaryLoader, LoadsProbolinggoDesaAndKecamatan) {
  auto loaded = load_boundaries(probolinggo(true));
  const auto& b = loaded.boundaries;
  EXPECT_EQ(loaded.issues.desa_profile, "peta");
  ASSERT_EQ(b.desa.size(), 330u);
  ASSERT_EQ(b.kecamatan.size(), 24u);
  ASSERT_EQ(b.kabupaten.size(), 1u);
  EXPECT_EQ(b.kabupaten[0].code.dotted(), "35.13");
  EXPECT_EQ(std::count_if(b.desa.begin(), b.desa.end(), [](const AdminUnit& u) { return u.jenis == "kelurahan"; }), 5);
  EXPECT_TRUE(loaded.issues.repairs.empty());
  EXPECT_TRUE(loaded.issues.duplicate_codes.empty());
  EXPECT_TRUE(loaded.issues.orphan_desa.empty());
  EXPECT_FALSE(loaded.issues.kecamatan_dissolved);
  // Areas are planar in EPSG:32749. The regency lies 2.0-2.6 degrees east of UTM 49S's central meridian,
  // where the scale factor is about 1.0004, so the sum is 0.08 % above the geodesic 1,724.52 km² of the
  // data README (and the official 1,725.171 km²).
  EXPECT_NEAR(total_area(b.desa), 1725.95, 0.05);
  EXPECT_NEAR(total_area(b.kecamatan), 1725.94, 0.05);
  // Hierarchy from the codes.
  int i = b.find_desa(*AdminCode::parse("3513042008"));  // desa Besuk lies in Kec. Bantaran
  ASSERT_GE(i, 0);
  EXPECT_EQ(b.desa[i].name, "Besuk");
  EXPECT_EQ(b.kecamatan_of(i).name, "Bantaran");
  EXPECT_EQ(b.kecamatan_of(i).code.dotted(), "35.13.04");
}

TEST(BoundaryLoader, DissolvesKecamatanWhenNoLayerIsGiven) {
  auto loaded = load_boundaries(probolinggo(false));
  const auto& b = loaded.boundaries;
  EXPECT_TRUE(loaded.issues.kecamatan_dissolved);
  ASSERT_EQ(b.kecamatan.size(), 24u);
  EXPECT_EQ(b.kecamatan[0].name, "Sukapura");
  EXPECT_NEAR(total_area(b.kecamatan), total_area(b.desa), 0.6);  // overlaps counted once
  // Sumberasih keeps Gili Ketapang as a second part.
  int k = b.find_kecamatan(*AdminCode::parse("35.13.21"));
  EXPECT_EQ(b.kecamatan[k].geometry.parts.size(), 2u);
}

TEST(BoundaryLoader, ReadsBigSchemaAndUtmShapefile) {
  auto dir = test::temp_dir("big");
  // A BIG-style shapefile in EPSG:32749, made from the real data with ogr2ogr.
  std::string cmd = "ogr2ogr -q -dialect sqlite -f 'ESRI Shapefile' -t_srs EPSG:32749 '" + dir + "/big.shp' '" +
                    test::data("probolinggo/desa.geojson") +
                    "' -sql \"SELECT replace(kode,'.','') AS KDEPUM, nama AS WADMKD, kode_kec AS KDCPUM, nama_kec AS "
                    "WADMKC, '35.13' AS KDPKAB, 'Probolinggo' AS WADMKK, geometry FROM desa\"";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  BoundarySettings s;
  s.desa.path = dir + "/big.shp";
  auto loaded = load_boundaries(s);
  EXPECT_EQ(loaded.issues.desa_profile, "big");
  const auto& b = loaded.boundaries;
  ASSERT_EQ(b.desa.size(), 330u);
  EXPECT_EQ(b.kecamatan.size(), 24u);
  EXPECT_EQ(b.desa[0].code.dotted(), "35.13.01.2001");
  EXPECT_EQ(b.kabupaten[0].name, "Probolinggo");
  EXPECT_NEAR(total_area(b.desa), 1725.95, 0.05);
  // Reprojected back to lon/lat.
  auto box = b.desa[0].geometry.bounds();
  EXPECT_NEAR(box.min_x, 112.93, 0.05);
  EXPECT_NEAR(box.min_y, -7.93, 0.05);
}

TEST(BoundaryLoader, ExplicitMappingAndErrors) {
  BoundarySettings s;
  s.desa.path = test::data("probolinggo/desa.geojson");
  s.desa.mapping = FieldMapping{"kode", "nama", "kode_kec", "nama_kec", "", "", ""};
  auto loaded = load_boundaries(s);
  EXPECT_EQ(loaded.issues.desa_profile, "explicit");
  EXPECT_EQ(loaded.boundaries.desa.size(), 330u);

  s.desa.mapping->name = "NAMA_DESA";
  try {
    load_boundaries(s);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("'NAMA_DESA'"), std::string::npos) << e.what();
  }
  BoundarySettings missing;
  missing.desa.path = "/nonexistent/desa.shp";
  EXPECT_THROW(load_boundaries(missing), Error);
}

TEST(BoundaryLoader, RepairsInvalidGeometryAndReportsDuplicates) {
  auto dir = test::temp_dir("invalid");
  std::string path = dir + "/bad.geojson";
  test::write_file(path, R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"kode":"35.13.01.2001","nama":"Bowtie"},"geometry":{"type":"Polygon","coordinates":[[[113,-7.8],[113.01,-7.81],[113.01,-7.8],[113,-7.81],[113,-7.8]]]}},
{"type":"Feature","properties":{"kode":"3513012001","nama":"Again"},"geometry":{"type":"Polygon","coordinates":[[[113,-7.8],[113.01,-7.8],[113.01,-7.81],[113,-7.8]]]}},
{"type":"Feature","properties":{"kode":"35.13.XX","nama":"Bad"},"geometry":{"type":"Polygon","coordinates":[[[113,-7.8],[113.01,-7.8],[113.01,-7.81],[113,-7.8]]]}}
]})");
  BoundarySettings s;
  s.desa.path = path;
  s.duplicate_codes_stop = false;
  auto loaded = load_boundaries(s);
  ASSERT_EQ(loaded.boundaries.desa.size(), 1u);
  ASSERT_EQ(loaded.issues.repairs.size(), 1u);
  EXPECT_EQ(loaded.issues.repairs[0].code, "35.13.01.2001");
  EXPECT_NE(loaded.issues.repairs[0].reason.find("Self-intersection"), std::string::npos);
  EXPECT_EQ(loaded.boundaries.desa[0].geometry.parts.size(), 2u);  // the bow-tie's two triangles
  ASSERT_EQ(loaded.issues.duplicate_codes.size(), 1u);
  EXPECT_EQ(loaded.issues.duplicate_codes[0], "35.13.01.2001 (desa, features 1 'Bowtie' and 2 'Again'; the first is kept)");
  ASSERT_EQ(loaded.issues.bad_codes.size(), 1u);
  EXPECT_NE(loaded.issues.bad_codes[0].find("feature 3: code '35.13.XX'"), std::string::npos);
}

}  // namespace
}  // namespace peta
