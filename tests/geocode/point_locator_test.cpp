#include "geocode/point_locator.hpp"

#include <geodesic.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <iomanip>
#include <limits>
#include <numeric>
#include <random>
#include <span>
#include <thread>
#include <utility>

#include "core/crs.hpp"
#include "core/geos_handle.hpp"
#include "boundaries/boundary_loader.hpp"
#include "test_support.hpp"

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
  // A rejected point's distance is geodesic; GEOS measures in UTM 49S, whose scale here is ~1.0002.
  double expected_far = geos_distance_m(c, east);
  EXPECT_NEAR(far.distance_m, expected_far, expected_far * 1e-3);
  EXPECT_NEAR(far.distance_m, 8.8e3, 0.1e3);

  Coord beyond{112.0, -7.0};  // far away in another direction
  Assignment very_far = locator.locate(beyond);
  EXPECT_EQ(very_far.desa, -1);
  EXPECT_NEAR(very_far.distance_m, geos_distance_m(a, beyond), geos_distance_m(a, beyond) * 1e-3);

  auto [nearest, distance] = locator.nearest(east);
  EXPECT_EQ(nearest, 1);
  EXPECT_NEAR(distance, expected_far, expected_far * 1e-3);
  EXPECT_EQ(locator.nearest({113.005, -7.805}), (std::pair<int, double>{0, 0.0}));

  // A tolerance of 5 m rejects the point 5.5 m from the first desa.
  PointLocator strict(b, LocatorOptions{5});
  Assignment rejected = strict.locate(near_a);
  EXPECT_EQ(rejected.desa, -1);
  EXPECT_NEAR(rejected.distance_m, expected_a, expected_a * 1e-3);
}

// A point far from UTM zone 49S (here 0°, 0°, in the Gulf of Guinea): UTM 49S stretches the distance to
// ~23,600 km; the rejected point's distance is geodesic, so it is the true ~12,600 km (WGS84, PROJ's geodesic).
TEST(PointLocator, FarPointsGetTheGeodesicDistance) {
  MultiPolygon a{{rect(113.00, -7.81, 113.01, -7.80)}};
  auto b = make_boundaries({desa("35.13.01.2001", a)});
  PointLocator locator(b, LocatorOptions{50});
  geod_geodesic wgs84;
  geod_init(&wgs84, 6378137.0, 1 / 298.257223563);
  double to_corner = 0;
  geod_inverse(&wgs84, 0.0, 0.0, -7.80, 113.00, &to_corner, nullptr, nullptr);  // the nearest corner, within 1.5 km
  const Assignment far = locator.locate({0.0, 0.0});
  EXPECT_EQ(far.desa, -1);
  EXPECT_EQ(far.nearest, 0);
  EXPECT_NEAR(far.distance_m, to_corner, 2e3);
  EXPECT_NEAR(far.distance_m, 1.26e7, 0.01e7);
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
    EXPECT_NEAR(in_hole.distance_m, geos_distance_m(holed, centre), 1e-3 * geos_distance_m(holed, centre));
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


// ---------- real data: Kabupaten Probolinggo, 330 desa ----------

class ProbolinggoLocator : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    BoundarySettings s;
    s.desa = BoundarySource{test::data("probolinggo/desa.geojson")};
    s.kecamatan = BoundarySource{test::data("probolinggo/kecamatan.geojson")};
    boundaries_ = new Boundaries(load_boundaries(s).boundaries);
    locator_ = new PointLocator(*boundaries_);
  }
  static void TearDownTestSuite() {
    delete locator_;
    delete boundaries_;
  }
  static const AdminUnit& unit(const char* code) {
    return boundaries_->desa[static_cast<std::size_t>(boundaries_->find_desa(*AdminCode::parse(code)))];
  }
  static Boundaries* boundaries_;
  static PointLocator* locator_;
};
Boundaries* ProbolinggoLocator::boundaries_ = nullptr;
PointLocator* ProbolinggoLocator::locator_ = nullptr;

struct PinnedPoint {
  const char* what;
  Coord lonlat;
  const char* desa;  // "-" when rejected
  std::uint32_t flags;
  double distance_m;  // expected (0 inside); compared within 0.5 m, and exactly against GEOS below
};

// Found with GeoPandas/Shapely on desa.geojson and pinned here.
const PinnedPoint kPinned[] = {
    // A vertex shared by Racek (35.13.07.2011) and Condong (35.13.09.2016) and covered by no other desa.
    {"shared border vertex", {113.39231999800006, -7.886189999999942}, "35.13.07.2011", kFlagInOverlap, 0},
    // In the 5,452 m2 Pohsangit Tengah / Pohsangit Lor overlap: 2.016 m deep in Tengah, 2.094 m in Lor.
    {"Pohsangit overlap", {113.17291, -7.817593}, "35.13.22.2007", kFlagInOverlap, 0},
    // In the largest sliver gap (5,450 m2): 1.450 m from Tunggak Ceme, 1.539 m from Pohsangit Tengah.
    {"sliver gap", {113.17436478053429, -7.829620500377029}, "35.13.22.2005", kFlagInGap, 1.4502},
    // Rejected points get geodesic distances (WGS84), ~0.04 % shorter here than UTM 49S's (4,901.9, 10,178.6
    // and 1,863.2 m in EPSG:32749).
    // Sea north of the coast, inside the grid: nearest is Gili Ketapang island, 4,900.0 m.
    {"sea inside grid", {113.30, -7.70}, "-", kFlagNone, 4900.03},
    // Sea farther north, outside the grid: nearest is again Gili Ketapang, 10,174.5 m.
    {"sea outside grid", {113.35, -7.65}, "-", kFlagNone, 10174.53},
    // Kota Probolinggo (35.74), not part of 35.13: nearest is Pabean 35.13.19.2014, 1,862.6 m.
    {"Kota Probolinggo centre", {113.2150, -7.7550}, "-", kFlagNone, 1862.55},
    // Plainly inside Pabean.
    {"inside Pabean", {113.2390, -7.7520}, "35.13.19.2014", kFlagNone, 0},
};

// `moved` maps a pinned point the way the boundaries were moved (a point on a vertex stays on it).
template <class Move>
void expect_pinned(const Boundaries& b, const PointLocator& locator, Move moved) {
  for (const auto& p : kPinned) {
    SCOPED_TRACE(p.what);
    Assignment a = locator.locate(moved(p.lonlat));
    EXPECT_STREQ(code_of(b, a), p.desa);
    EXPECT_EQ(a.flags, p.flags);
    EXPECT_NEAR(a.distance_m, p.distance_m, 0.5);
  }
}

TEST_F(ProbolinggoLocator, PinnedPointsFollowTheRules) {
  expect_pinned(*boundaries_, *locator_, [](Coord c) { return c; });
  // Exact distances against GEOS in EPSG:32749.
  Coord gap = kPinned[2].lonlat;
  double to_tunggak = geos_distance_m(unit("35.13.22.2005").geometry, gap);
  EXPECT_NEAR(locator_->locate(gap).distance_m, to_tunggak, to_tunggak * 1e-6);
  Coord kota = kPinned[5].lonlat;  // rejected: geodesic, within 0.1 % of GEOS's UTM distance
  double to_pabean = geos_distance_m(unit("35.13.19.2014").geometry, kota);
  EXPECT_NEAR(locator_->locate(kota).distance_m, to_pabean, to_pabean * 1e-3);
  auto [nearest, distance] = locator_->nearest(kota);
  EXPECT_EQ(nearest, boundaries_->find_desa(*AdminCode::parse("35.13.19.2014")));
  EXPECT_NEAR(distance, to_pabean, to_pabean * 1e-3);
  // The overlap point is deeper in Pohsangit Lor than in Pohsangit Tengah (GEOS).
  Coord overlap = kPinned[1].lonlat;
  EXPECT_GT(geos_distance_m(unit("35.13.22.2007").geometry, overlap, true),
            geos_distance_m(unit("35.13.22.2006").geometry, overlap, true));
}

TEST_F(ProbolinggoLocator, SameAnswersWhenBoundariesCameInUtm) {
  // Emulate a source in EPSG:32749 that the loader reprojects to EPSG:4326.
  Boundaries round_trip = *boundaries_;
  CrsTransform to_utm(kExchangeCrs, kMetricCrs), to_lonlat(kMetricCrs, kExchangeCrs);
  for (auto& d : round_trip.desa) {
    to_utm.apply(d.geometry);
    to_lonlat.apply(d.geometry);
  }
  PointLocator locator(round_trip);
  expect_pinned(round_trip, locator, [&](Coord c) { return to_lonlat.apply(to_utm.apply(c)); });
  std::mt19937_64 rng(20240917);
  std::uniform_real_distribution<double> lon(112.92, 113.65), lat(-8.03, -7.67);
  int differ = 0;
  for (int i = 0; i < 20000; ++i) {
    Coord p{lon(rng), lat(rng)};
    Assignment a = locator_->locate(p), b = locator.locate(p);
    if (a.desa != b.desa || a.flags != b.flags || std::abs(a.distance_m - b.distance_m) > 1e-3) ++differ;
  }
  EXPECT_EQ(differ, 0);
}

TEST_F(ProbolinggoLocator, ConcurrentCallsGiveTheSameAnswers) {
  std::mt19937_64 rng(77);
  std::uniform_real_distribution<double> lon(112.92, 113.65), lat(-8.03, -7.67);
  std::vector<Coord> pts(40000);
  for (auto& p : pts) p = {lon(rng), lat(rng)};
  std::vector<Assignment> serial(pts.size()), parallel(pts.size());
  locator_->locate(pts, serial);
  auto half = pts.size() / 2;
  std::thread other([&] { locator_->locate(std::span(pts).subspan(half), std::span(parallel).subspan(half)); });
  locator_->locate(std::span(pts).first(half), std::span(parallel).first(half));
  other.join();
  int differ = 0;
  for (std::size_t i = 0; i < pts.size(); ++i)
    differ += serial[i].desa != parallel[i].desa || serial[i].flags != parallel[i].flags ||
              serial[i].distance_m != parallel[i].distance_m;
  EXPECT_EQ(differ, 0);
}

// The expected answer by the same rules, from GEOS alone: Covers over every desa, the distance to the
// boundary for overlaps, Distance for misses (all in EPSG:32749).
class GeosOracle {
 public:
  explicit GeosOracle(const Boundaries& b) : b_(b) {
    CrsTransform to_metres(kExchangeCrs, kMetricCrs);
    auto h = geos_context().get();
    for (const auto& d : b.desa) {
      lonlat_.push_back(to_geos(d.geometry));
      prepared_.push_back(prepare(lonlat_.back().get()));
      MultiPolygon m = d.geometry;
      to_metres.apply(m);
      metres_.push_back(to_geos(m));
      boundary_.push_back(GeosGeom(GEOSBoundary_r(h, metres_.back().get())));
      bounds_.push_back(d.geometry.bounds());
      metre_bounds_.push_back(m.bounds());
    }
  }

  Assignment expected(Coord p, double tolerance) const {
    auto h = geos_context().get();
    GeosGeom point = to_geos(p);
    GeosGeom point_m = to_geos(to_metres_.apply(p));
    std::vector<int> covering;
    for (std::size_t i = 0; i < b_.desa.size(); ++i)
      if (bounds_[i].contains(p) && GEOSPreparedCovers_r(h, prepared_[i].get(), point.get()) == 1)
        covering.push_back(static_cast<int>(i));
    if (covering.size() == 1) return {covering[0], kFlagNone, 0};
    if (covering.size() > 1) {
      int best = -1;
      double best_depth = -1;
      for (int i : covering) {
        double depth = 0;
        GEOSDistance_r(h, boundary_[static_cast<std::size_t>(i)].get(), point_m.get(), &depth);
        if (depth > best_depth) best = i, best_depth = depth;
      }
      return {best, kFlagInOverlap, 0};
    }
    Coord pm = to_metres_.apply(p);
    std::vector<std::pair<double, int>> order;
    for (std::size_t i = 0; i < b_.desa.size(); ++i) {
      const Box& bb = metre_bounds_[i];
      double dx = std::max({bb.min_x - pm.x, 0.0, pm.x - bb.max_x}), dy = std::max({bb.min_y - pm.y, 0.0, pm.y - bb.max_y});
      order.emplace_back(std::hypot(dx, dy), static_cast<int>(i));
    }
    std::sort(order.begin(), order.end());
    int best = -1;
    double best_d = std::numeric_limits<double>::infinity();
    for (auto [lower_bound, i] : order) {
      if (lower_bound > best_d) break;
      double d = 0;
      GEOSDistance_r(h, metres_[static_cast<std::size_t>(i)].get(), point_m.get(), &d);
      if (d < best_d || (d == best_d && i < best)) best = i, best_d = d;
    }
    if (best_d <= tolerance) return {best, kFlagInGap, best_d};
    return {-1, kFlagNone, best_d};
  }

 private:
  const Boundaries& b_;
  CrsTransform to_metres_{kExchangeCrs, kMetricCrs};
  std::vector<GeosGeom> lonlat_, metres_, boundary_;
  std::vector<GeosPrepared> prepared_;
  std::vector<Box> bounds_, metre_bounds_;
};

TEST_F(ProbolinggoLocator, AgreesWithGeosOnRandomPoints) {
  GeosOracle oracle(*boundaries_);
  Box extent;
  for (const auto& d : boundaries_->desa) extent.expand(d.geometry.bounds());
  std::mt19937_64 rng(1513);
  std::uniform_real_distribution<double> lon(extent.min_x, extent.max_x), lat(extent.min_y, extent.max_y);
  int mismatches = 0, inside = 0, overlaps = 0, gaps = 0, rejected = 0;
  for (int i = 0; i < 100000; ++i) {
    Coord p{lon(rng), lat(rng)};
    Assignment want = oracle.expected(p, 50);
    Assignment got = locator_->locate(p);
    // The oracle measures in UTM 49S; a rejected point's distance is geodesic (within 0.1 % here).
    const double tolerance = want.desa < 0 ? 1e-3 : 1e-6;
    bool same = got.desa == want.desa && got.flags == want.flags &&
                std::abs(got.distance_m - want.distance_m) <= tolerance * std::max(1.0, want.distance_m);
    if (!same && ++mismatches <= 10)
      ADD_FAILURE() << "point " << std::setprecision(17) << p.x << " " << p.y << ": want " << want.desa << "/"
                    << want.flags << "/" << want.distance_m << ", got " << got.desa << "/" << got.flags << "/"
                    << got.distance_m;
    if (want.desa < 0) ++rejected;
    else if (want.flags & kFlagInOverlap) ++overlaps;
    else if (want.flags & kFlagInGap) ++gaps;
    else ++inside;
  }
  EXPECT_EQ(mismatches, 0);
  // The draw covers every case (counts for this seed, from the GEOS oracle).
  EXPECT_EQ(inside, 55987);
  EXPECT_EQ(overlaps, 23);
  EXPECT_EQ(gaps, 568);
  EXPECT_EQ(rejected, 43422);
}

}  // namespace
}  // namespace peta
