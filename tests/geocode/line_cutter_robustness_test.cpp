// Line findings that used to crash or stall a build: a part of a single position (GEOS returns no line)
// and lines that cross themselves hundreds of times.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <random>

#include "boundaries/boundary_loader.hpp"
#include "findings/line_geometry_check.hpp"
#include "geocode/line_cutter.hpp"
#include "project_run.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

using nlohmann::json;

const Boundaries& probolinggo() {
  static const LoadedBoundaries loaded = [] {
    BoundarySettings s;
    s.desa.path = test::data("probolinggo/desa.geojson");
    s.kecamatan = BoundarySource{test::data("probolinggo/kecamatan.geojson")};
    return load_boundaries(s);
  }();
  return loaded.boundaries;
}

TEST(LineGeometryCheck, NamesThePartAtFault) {
  EXPECT_EQ(line_geometry_problem({{{113.2, -7.8}, {113.3, -7.85}}}), "");
  EXPECT_EQ(line_geometry_problem({{{113.2, -7.8}, {113.3, -7.85}}, {{113.4, -7.9}}}),
            "part 2 of 2 has a single position (113.4 -7.9); a line needs two");
  EXPECT_EQ(line_geometry_problem({{{113.2, -7.8}, {113.2, -7.8}}}),
            "part 1 of 1 has no length: its 2 positions are all (113.2 -7.8)");
  EXPECT_EQ(line_geometry_problem({{{741686.4, 9130923.0}, {113.2, -7.8}}}),
            "part 1 of 1 has a position (741686.4 9130923) that is not a longitude/latitude");
  EXPECT_EQ(line_geometry_problem({}), "it has no line");
}

// The crash of issue 16: a GeoJSON MultiLineString with a part of one position is rejected naming it, and
// the rows around it are placed.
TEST(LineFindings, SinglePositionPartIsRejectedNotACrash) {
  auto dir = test::temp_dir("line-single");
  json fc = {{"type", "FeatureCollection"}, {"features", json::array()}};
  auto add = [&](const char* id, json coordinates, const char* type) {
    fc["features"].push_back({{"type", "Feature"},
                              {"properties", {{"id", id}, {"kategori", "jalan rusak"}}},
                              {"geometry", {{"type", type}, {"coordinates", coordinates}}}});
  };
  add("a", json::array({{113.1919, -7.8566}, {113.2119, -7.8566}}), "LineString");
  add("b", json::parse("[[[113.2, -7.8], [113.3, -7.85]], [[113.4, -7.9]]]"), "MultiLineString");
  add("c", json::array({{113.1919, -7.8566}, {113.2119, -7.8466}}), "LineString");
  test::write_file(dir + "/ruas.geojson", fc.dump());
  auto r = test::run_findings(dir, json::array({{{"path", dir + "/ruas.geojson"}}}));
  const auto& c = r.summary.sources.begin()->second;
  EXPECT_EQ(c.rows_read, 3);
  EXPECT_EQ(c.lines, 2);
  EXPECT_EQ(c.rejected, 1);
  EXPECT_EQ(c.rejected_by_reason.at("geometry_invalid"), 1);
  auto rej = r.rejection(2);
  ASSERT_FALSE(rej.is_null());
  EXPECT_EQ(rej["properties"]["keterangan"],
            "the MULTILINESTRING: part 2 of 2 has a single position (113.4 -7.9); a line needs two");
}

// A WKT column with the same geometry: rejected the same way, not cut down to its first part.
TEST(LineFindings, SinglePositionPartInWktIsRejected) {
  auto dir = test::temp_dir("line-single-wkt");
  test::write_file(dir + "/t.csv",
                   "id,kategori,wkt\n"
                   "a,jalan rusak,\"LINESTRING (113.1919 -7.8566, 113.2119 -7.8566)\"\n"
                   "b,jalan rusak,\"MULTILINESTRING ((113.2 -7.8, 113.3 -7.85), (113.4 -7.9, 113.4 -7.9))\"\n");
  auto r = test::run_findings(dir, json::array({{{"path", dir + "/t.csv"}}}));
  const auto& c = r.summary.sources.begin()->second;
  EXPECT_EQ(c.rows_read, 2);
  EXPECT_EQ(c.lines, 1);
  EXPECT_EQ(c.rejected_by_reason.at("geometry_invalid"), 1);
  auto rej = r.rejection(3);
  ASSERT_FALSE(rej.is_null());
  EXPECT_EQ(rej["properties"]["kolom"], "wkt");
}

std::vector<LineString> scribble(std::size_t vertices, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> x(113.17, 113.23), y(-7.88, -7.83);
  LineString l;
  for (std::size_t i = 0; i < vertices; ++i) l.push_back({x(rng), y(rng)});
  return {l};
}

// An 800-vertex line crossing itself tens of thousands of times is cut in seconds (it took 145 s before the
// segment-wise cut; about 0.5-0.9 s now, the bound leaves room for a loaded CI machine), and each
// desa gets the length that cutting its segments one by one gives (segments are simple, so that reference
// needs no noding).
TEST(LineCutter, SelfCrossingLineIsCutFastWithLengthsConserved) {
  const Boundaries& b = probolinggo();
  LineCutter cutter(b);
  const auto lines = scribble(800, 7);
  const auto start = std::chrono::steady_clock::now();
  const auto pieces = cutter.cut(lines);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!test::kSanitized) {
    EXPECT_LT(seconds, 5.0);
  }
  std::map<int, double> got, want;
  for (const auto& p : pieces) got[p.desa] += p.length_m;
  for (std::size_t i = 0; i + 1 < lines[0].size(); ++i)
    for (const auto& p : cutter.cut({{lines[0][i], lines[0][i + 1]}})) want[p.desa] += p.length_m;
  ASSERT_EQ(got.size(), want.size());
  double total = 0;
  for (const auto& [desa, metres] : want) {
    EXPECT_NEAR(got[desa], metres, 1e-6 * metres) << b.desa[static_cast<std::size_t>(desa)].name;
    total += metres;
  }
  EXPECT_GT(total, 0.9 * cutter.length_m(lines));  // the box lies almost wholly in desa
}

}  // namespace
}  // namespace peta
