#include "geocode/point_locator.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>

#include "core/crs.hpp"
#include "core/geos_handle.hpp"
#include "ogr_desa_reader.hpp"

namespace peta {
namespace {

// ---------- hand-made fixtures (around lon 113, lat -7.8; 0.01 degree is about 1.1 km) ----------

Ring rect_ring(double x0, double y0, double x1, double y1) {
  return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
}
Polygon rect(double x0, double y0, double x1, double y1) { return Polygon{{rect_ring(x0, y0, x1, y1)}}; }

AdminUnit desa(const char* code, MultiPolygon geometry) {
  return AdminUnit{*AdminCode::parse(code), code, "desa", std::move(geometry), 0};
}

Boundaries make_boundaries(std::vector<AdminUnit> units) {
  Boundaries b;
  std::sort(units.begin(), units.end(), [](const AdminUnit& x, const AdminUnit& y) { return x.code < y.code; });
  b.kecamatan.push_back({*AdminCode::parse("35.13.01"), "Kec", "", {}, 0});
  for (auto& u : units) {
    b.desa.push_back(std::move(u));
    b.desa_kecamatan.push_back(0);
  }
  return b;
}

// GEOS in EPSG:32749: distance from a point to a lon/lat multipolygon (0 inside), or to its boundary.
double geos_distance_m(const MultiPolygon& lonlat, Coord p, bool to_boundary = false) {
  CrsTransform to_metres(kExchangeCrs, kMetricCrs);
  MultiPolygon m = lonlat;
  to_metres.apply(m);
  auto h = geos_context().get();
  GeosGeom g = to_geos(m);
  GeosGeom target = to_boundary ? GeosGeom(GEOSBoundary_r(h, g.get())) : std::move(g);
  GeosGeom point = to_geos(to_metres.apply(p));
  double d = -1;
  GEOSDistance_r(h, target.get(), point.get(), &d);
  return d;
}

const char* code_of(const Boundaries& b, const Assignment& a) {
  return a.desa < 0 ? "-" : b.desa[static_cast<std::size_t>(a.desa)].code.dotted().c_str();
}

TEST(PointLocator, SharedEdgeGoesToLowerCodeAsOverlap) {
  auto b = make_boundaries({desa("35.13.01.2002", {{rect(113.01, -7.81, 113.02, -7.80)}}),
                            desa("35.13.01.2001", {{rect(113.00, -7.81, 113.01, -7.80)}})});
  PointLocator locator(b);
  Assignment on_edge = locator.locate({113.01, -7.805});
  EXPECT_STREQ(code_of(b, on_edge), "35.13.01.2001");
  EXPECT_EQ(on_edge.flags, kFlagInOverlap);
  EXPECT_EQ(on_edge.distance_m, 0);
  Assignment corner = locator.locate({113.01, -7.80});  // a vertex of both
  EXPECT_STREQ(code_of(b, corner), "35.13.01.2001");
  EXPECT_EQ(corner.flags, kFlagInOverlap);
  Assignment inside = locator.locate({113.015, -7.805});
  EXPECT_STREQ(code_of(b, inside), "35.13.01.2002");
  EXPECT_EQ(inside.flags, kFlagNone);
  EXPECT_EQ(inside.distance_m, 0);
  Assignment outer_edge = locator.locate({113.02, -7.803});  // on an edge of one desa only
  EXPECT_STREQ(code_of(b, outer_edge), "35.13.01.2002");
  EXPECT_EQ(outer_edge.flags, kFlagNone);
}

TEST(PointLocator, OverlapGoesToTheDeepestDesa) {
  // Overlap strip x in [113.015, 113.020].
  auto b = make_boundaries({desa("35.13.01.2001", {{rect(113.00, -7.81, 113.02, -7.80)}}),
                            desa("35.13.01.2002", {{rect(113.015, -7.81, 113.03, -7.80)}})});
  PointLocator locator(b);
  Assignment near_b_edge = locator.locate({113.016, -7.805});  // 0.004 deg deep in A, 0.001 in B
  EXPECT_STREQ(code_of(b, near_b_edge), "35.13.01.2001");
  EXPECT_EQ(near_b_edge.flags, kFlagInOverlap);
  EXPECT_EQ(near_b_edge.distance_m, 0);
  Assignment near_a_edge = locator.locate({113.019, -7.805});  // 0.001 deg deep in A, 0.004 in B
  EXPECT_STREQ(code_of(b, near_a_edge), "35.13.01.2002");
  EXPECT_EQ(near_a_edge.flags, kFlagInOverlap);
  EXPECT_STREQ(code_of(b, locator.locate({113.010, -7.805})), "35.13.01.2001");
  EXPECT_EQ(locator.locate({113.010, -7.805}).flags, kFlagNone);
}

TEST(PointLocator, GapWithinToleranceGoesToNearestAndFarPointsAreRejected) {
  // A 0.0002 degree (~22 m) gap between x = 113.0100 and 113.0102.
  MultiPolygon a{{rect(113.00, -7.81, 113.01, -7.80)}};
  MultiPolygon c{{rect(113.0102, -7.81, 113.02, -7.80)}};
  auto b = make_boundaries({desa("35.13.01.2001", a), desa("35.13.01.2002", c)});
  PointLocator locator(b, LocatorOptions{50});

  Coord near_a{113.01005, -7.805};
  Assignment ga = locator.locate(near_a);
  EXPECT_STREQ(code_of(b, ga), "35.13.01.2001");
  EXPECT_EQ(ga.flags, kFlagInGap);
  double expected_a = geos_distance_m(a, near_a);
  EXPECT_NEAR(ga.distance_m, expected_a, expected_a * 1e-6);
  EXPECT_NEAR(ga.distance_m, 5.5, 0.2);

  Coord near_c{113.01015, -7.805};
  Assignment gc = locator.locate(near_c);
  EXPECT_STREQ(code_of(b, gc), "35.13.01.2002");
  EXPECT_EQ(gc.flags, kFlagInGap);
  EXPECT_NEAR(gc.distance_m, geos_distance_m(c, near_c), geos_distance_m(c, near_c) * 1e-6);

  Coord east{113.1, -7.805};  // ~8.8 km east of the second desa, inside no cell of the grid
  Assignment far = locator.locate(east);
  EXPECT_EQ(far.desa, -1);
  EXPECT_EQ(far.flags, kFlagNone);
  double expected_far = geos_distance_m(c, east);
  EXPECT_NEAR(far.distance_m, expected_far, expected_far * 1e-6);
  EXPECT_NEAR(far.distance_m, 8.8e3, 0.1e3);

  Coord beyond{112.0, -7.0};  // far away in another direction
  Assignment very_far = locator.locate(beyond);
  EXPECT_EQ(very_far.desa, -1);
  EXPECT_NEAR(very_far.distance_m, geos_distance_m(a, beyond), geos_distance_m(a, beyond) * 1e-6);

  auto [nearest, distance] = locator.nearest(east);
  EXPECT_EQ(nearest, 1);
  EXPECT_NEAR(distance, expected_far, expected_far * 1e-6);
  EXPECT_EQ(locator.nearest({113.005, -7.805}), (std::pair<int, double>{0, 0.0}));

  // A tolerance of 5 m rejects the point 5.5 m from the first desa.
  PointLocator strict(b, LocatorOptions{5});
  Assignment rejected = strict.locate(near_a);
  EXPECT_EQ(rejected.desa, -1);
  EXPECT_NEAR(rejected.distance_m, expected_a, expected_a * 1e-6);
}

TEST(PointLocator, HolesAndEnclaves) {
  Polygon with_hole = rect(113.00, -7.81, 113.01, -7.80);
  Ring hole = rect_ring(113.004, -7.806, 113.006, -7.804);
  std::reverse(hole.begin(), hole.end());
  with_hole.rings.push_back(hole);
  MultiPolygon holed{{with_hole}};
  {
    auto b = make_boundaries({desa("35.13.01.2001", holed)});
    PointLocator locator(b, LocatorOptions{50});
    Coord centre{113.005, -7.805};  // ~110 m from the hole's ring
    Assignment in_hole = locator.locate(centre);
    EXPECT_EQ(in_hole.desa, -1);
    EXPECT_NEAR(in_hole.distance_m, geos_distance_m(holed, centre), 1e-6 * geos_distance_m(holed, centre));
    EXPECT_NEAR(in_hole.distance_m, 110, 3);
    Assignment near_ring = locator.locate({113.0042, -7.805});  // ~22 m inside the hole
    EXPECT_EQ(near_ring.desa, 0);
    EXPECT_EQ(near_ring.flags, kFlagInGap);
    EXPECT_EQ(locator.locate({113.002, -7.805}).desa, 0);
    EXPECT_EQ(locator.locate({113.002, -7.805}).flags, kFlagNone);
    EXPECT_EQ(locator.locate({113.004, -7.805}).flags, kFlagNone);  // on the hole's ring: inside
  }
  // The hole filled by an enclave desa with a higher code: the enclave gets its inside, borders are shared.
  auto b = make_boundaries(
      {desa("35.13.01.2001", holed), desa("35.13.01.2009", {{rect(113.004, -7.806, 113.006, -7.804)}})});
  PointLocator locator(b);
  Assignment in_enclave = locator.locate({113.005, -7.805});
  EXPECT_STREQ(code_of(b, in_enclave), "35.13.01.2009");
  EXPECT_EQ(in_enclave.flags, kFlagNone);
  Assignment on_ring = locator.locate({113.006, -7.805});
  EXPECT_STREQ(code_of(b, on_ring), "35.13.01.2001");
  EXPECT_EQ(on_ring.flags, kFlagInOverlap);
}

TEST(PointLocator, MultipolygonPartsAreOneDesa) {
  auto b = make_boundaries({desa("35.13.01.2001", {{rect(113.00, -7.81, 113.01, -7.80)}}),
                            desa("35.13.01.2002", {{rect(113.05, -7.81, 113.06, -7.80), rect(113.08, -7.83, 113.085, -7.825)}})});
  PointLocator locator(b);
  EXPECT_STREQ(code_of(b, locator.locate({113.0825, -7.8275})), "35.13.01.2002");  // the exclave
  EXPECT_STREQ(code_of(b, locator.locate({113.055, -7.805})), "35.13.01.2002");
  EXPECT_EQ(locator.locate({113.07, -7.82}).desa, -1);  // between the parts, > 1 km from both
}

TEST(PointLocator, BatchAndNonFiniteInput) {
  auto b = make_boundaries({desa("35.13.01.2001", {{rect(113.00, -7.81, 113.01, -7.80)}})});
  PointLocator locator(b);
  std::vector<Coord> pts{{113.005, -7.805}, {113.5, -7.5}, {std::nan(""), -7.8}};
  std::vector<Assignment> out(pts.size());
  locator.locate(pts, out);
  EXPECT_EQ(out[0].desa, 0);
  EXPECT_EQ(out[1].desa, -1);
  EXPECT_GT(out[1].distance_m, 50e3);
  EXPECT_EQ(out[2].desa, -1);
}

}  // namespace
}  // namespace peta
