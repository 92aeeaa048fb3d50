// The geocoding stage alone: each placement rule and the rejection-reason precedence on hand-made desa.
#include "geocode/geocoding_stage.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "findings/csv_finding_reader.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

// Two desa side by side around lon 113, lat -7.8 (0.01 degree is about 1.1 km), a 0.0002 degree (about 22 m)
// gap between them, in one kecamatan.
MultiPolygon square(double x0, double y0, double x1, double y1) {
  return MultiPolygon{{Polygon{{Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}}}};
}

Boundaries two_desa() {
  Boundaries b;
  b.kecamatan.push_back({*AdminCode::parse("35.13.01"), "Sukapura", "kecamatan", {}, 0});
  b.desa.push_back({*AdminCode::parse("35.13.01.2001"), "Wonokerto", "desa", square(113.00, -7.81, 113.01, -7.80), 0});
  b.desa.push_back({*AdminCode::parse("35.13.01.2002"), "Ngadas", "desa", square(113.0102, -7.81, 113.02, -7.80), 0});
  b.desa_kecamatan = {0, 0};
  return b;
}

struct Geocoded {
  std::map<std::int64_t, Assignment> placed;  // by row
  std::map<std::int64_t, int> named;
  std::map<std::int64_t, bool> by_name;
  std::map<std::int64_t, Rejection> rejected;
  std::size_t rows = 0;
};

Geocoded geocode_csv(const std::string& csv) {
  static const Boundaries b = two_desa();
  static const PointLocator locator(b, LocatorOptions{50});
  static const NamePlacer placer(b, {});
  const std::string dir = test::temp_dir("geocoding_stage");
  test::write_file(dir + "/t.csv", csv);
  CsvSourceOptions o;
  o.path = dir + "/t.csv";
  CsvFindingReader reader(o);
  GeocodingContext context{b, locator, &placer};
  Geocoder geocoder(context, reader, CoordinateParserOptions{}, "");
  RawFindingUnit unit;
  GeocodedUnit out;
  Geocoded g;
  while (reader.next_unit(unit)) {
    geocoder.geocode(unit, out);
    g.rows += out.rows;
    for (std::size_t i = 0; i < unit.rows.size; ++i) {
      const auto row = unit.rows.findings[i].row;
      g.placed[row] = out.assigned[i];
      g.named[row] = out.named[i];
      g.by_name[row] = out.by_name[i];
    }
    for (const auto& r : unit.rows.rejections) g.rejected[r.row] = r;
  }
  return g;
}

TEST(GeocodingStage, EachRuleAndEveryRowAccountedFor) {
  const Geocoded g = geocode_csv(
      "id,kategori,lon,lat,desa,kode_desa\n"
      "1,jalan_rusak,113.005,-7.805,,\n"            // row 2: inside Wonokerto
      "2,jalan_rusak,113.01005,-7.805,,\n"          // row 3: in the gap, 6 m from Wonokerto: the nearest, celah
      "3,jalan_rusak,113.5,-7.805,,\n"              // row 4: far outside: outside_boundaries
      "4,jalan_rusak,,,Ngadas,\n"                   // row 5: no coordinate, placed by name
      "5,jalan_rusak,,,,35.13.01.2001\n"            // row 6: placed by code
      "6,jalan_rusak,,,,\n"                         // row 7: empty location cells, no name: coordinate_missing
      "7,jalan_rusak,,,Gunungsari,\n"               // row 8: no coordinate, unknown name: the name's reason
      "8,jalan_rusak,abc,-7.805,Ngadas,\n"          // row 9: an unusable coordinate: the name places it
      "9,jalan_rusak,113.005,-7.805,Ngadas,\n"      // row 10: coordinates win, flagged nama_beda
      "10,jalan_rusak,abc,-7.805,Gunungsari,\n");   // row 11: neither: the coordinate's reason, and the name's
  EXPECT_EQ(g.rows, 10u);
  EXPECT_EQ(g.placed.size() + g.rejected.size(), 10u);

  ASSERT_TRUE(g.placed.count(2));
  EXPECT_EQ(g.placed.at(2).desa, 0);
  EXPECT_EQ(g.placed.at(2).flags, 0u);
  ASSERT_TRUE(g.placed.count(3));
  EXPECT_EQ(g.placed.at(3).desa, 0);
  EXPECT_EQ(g.placed.at(3).flags, static_cast<std::uint32_t>(kFlagInGap));
  ASSERT_TRUE(g.rejected.count(4));
  EXPECT_EQ(g.rejected.at(4).code(), "outside_boundaries");
  EXPECT_TRUE(g.rejected.at(4).has_point);
  EXPECT_GT(g.rejected.at(4).distance_m, 50000.0);
  EXPECT_NE(g.rejected.at(4).detail.find("35.13.01.2002 Ngadas"), std::string::npos) << g.rejected.at(4).detail;
  ASSERT_TRUE(g.placed.count(5));
  EXPECT_EQ(g.placed.at(5).desa, 1);
  EXPECT_TRUE(g.by_name.at(5));
  EXPECT_EQ(g.placed.at(5).flags, static_cast<std::uint32_t>(kFlagByName));
  ASSERT_TRUE(g.placed.count(6));
  EXPECT_EQ(g.placed.at(6).desa, 0);
  EXPECT_EQ(g.placed.at(6).flags, static_cast<std::uint32_t>(kFlagByCode));
  ASSERT_TRUE(g.rejected.count(7));
  EXPECT_EQ(g.rejected.at(7).code(), "coordinate_missing");
  ASSERT_TRUE(g.rejected.count(8));
  EXPECT_EQ(g.rejected.at(8).field, "desa");
  EXPECT_EQ(g.rejected.at(8).code().rfind("desa_", 0), 0u) << g.rejected.at(8).code();
  ASSERT_TRUE(g.placed.count(9));
  EXPECT_EQ(g.placed.at(9).desa, 1);
  EXPECT_TRUE(g.by_name.at(9));
  ASSERT_TRUE(g.rejected.count(11));
  EXPECT_EQ(g.rejected.at(11).field, "lon");
  EXPECT_NE(g.rejected.at(11).detail.find("by name"), std::string::npos) << g.rejected.at(11).detail;
  ASSERT_TRUE(g.placed.count(10));
  EXPECT_EQ(g.placed.at(10).desa, 0);
  EXPECT_EQ(g.placed.at(10).flags, static_cast<std::uint32_t>(kFlagNameMismatch));
  EXPECT_EQ(g.named.at(10), 1);
  EXPECT_FALSE(g.by_name.at(10));
}

TEST(GeocodingStage, NoLocationColumnAndNoNameIsLocationMissing) {
  const Geocoded g = geocode_csv("id,kategori,desa\n1,jalan_rusak,\n");
  ASSERT_TRUE(g.rejected.count(2));
  EXPECT_EQ(g.rejected.at(2).code(), "location_missing");
  EXPECT_EQ(g.rows, 1u);
}

}  // namespace
}  // namespace peta
