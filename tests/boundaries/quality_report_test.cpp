// The boundary quality report: small fixtures with known overlap and gap areas, then the real
// Kabupaten Probolinggo desa layer against the figures in shared/data/README.md.
#include "boundaries/quality_report.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <sys/wait.h>

#include "boundaries/indonesian_number.hpp"
#include "core/crs.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

using test::kSanitized;

constexpr double kX0 = 700000;   // UTM 49S easting inside Kabupaten Probolinggo
constexpr double kY0 = 9140000;  // northing

// A polygon given in UTM 49S metres relative to (kX0, kY0), converted to lon/lat.
Polygon utm_polygon(std::vector<Coord> metres) {
  static CrsTransform to_lonlat(kMetricCrs, kExchangeCrs);
  Ring ring;
  for (auto c : metres) ring.push_back(to_lonlat.apply({kX0 + c.x, kY0 + c.y}));
  ring.push_back(ring.front());
  if (signed_area(ring) < 0) std::reverse(ring.begin(), ring.end());
  return Polygon{{ring}};
}
Polygon utm_box(double x0, double y0, double x1, double y1) { return utm_polygon({{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}); }

AdminUnit unit(const std::string& code, const std::string& name, Polygon p) {
  MultiPolygon mp;
  mp.parts.push_back(std::move(p));
  return AdminUnit{*AdminCode::parse(code), name, "desa", mp, 0};
}

LoadedBoundaries fixture(std::vector<AdminUnit> desa, std::vector<AdminUnit> kecamatan = {}) {
  LoadedBoundaries lb;
  std::sort(desa.begin(), desa.end(), [](const AdminUnit& a, const AdminUnit& b) { return a.code < b.code; });
  lb.boundaries.desa = std::move(desa);
  lb.boundaries.kecamatan = std::move(kecamatan);
  lb.issues.kecamatan_dissolved = lb.boundaries.kecamatan.empty();
  return lb;
}

TEST(QualityReport, TwoOverlappingSquaresGiveOneOverlapOfKnownArea) {
  // 1000 × 1000 m squares, shifted by 900 m: they share a 100 × 1000 m strip.
  auto lb = fixture({unit("35.13.01.2001", "Barat", utm_box(0, 0, 1000, 1000)),
                     unit("35.13.01.2002", "Timur", utm_box(900, 0, 1900, 1000))});
  QualityReport r = check_quality(lb);
  EXPECT_EQ(r.desa, 2u);
  EXPECT_EQ(r.kelurahan, 0u);
  EXPECT_NEAR(r.desa_area_km2, 2.0, 1e-6);
  ASSERT_EQ(r.overlaps.size(), 1u);
  EXPECT_EQ(r.overlaps[0].a.code, "35.13.01.2001");
  EXPECT_EQ(r.overlaps[0].b.code, "35.13.01.2002");
  EXPECT_NEAR(r.overlaps[0].area_m2, 100000.0, 0.5);
  EXPECT_NEAR(r.overlap_total_m2, 100000.0, 0.5);
  EXPECT_EQ(r.touching_pairs, 0u);
  EXPECT_EQ(r.gaps.size(), 0u);
  EXPECT_EQ(r.problem_count(), 1u);
}

TEST(QualityReport, FrameOfFourDesaLeavesOneGapOfKnownArea) {
  // Four desa around a 200 × 200 m hole. Every shared edge carries the same vertices on both sides,
  // so the desa only touch (4 touching pairs) and the hole is the only gap.
  auto lb = fixture({
      unit("35.13.01.2001", "Selatan", utm_polygon({{0, 0}, {1000, 0}, {1000, 400}, {600, 400}, {400, 400}, {0, 400}})),
      unit("35.13.01.2002", "Utara", utm_polygon({{0, 600}, {400, 600}, {600, 600}, {1000, 600}, {1000, 1000}, {0, 1000}})),
      unit("35.13.01.2003", "Barat", utm_box(0, 400, 400, 600)),
      unit("35.13.01.2004", "Timur", utm_box(600, 400, 1000, 600)),
  });
  QualityReport r = check_quality(lb);
  EXPECT_EQ(r.overlaps.size(), 0u);
  EXPECT_EQ(r.touching_pairs, 4u);
  ASSERT_EQ(r.gaps.size(), 1u);
  EXPECT_NEAR(r.gaps[0].area_m2, 40000.0, 0.5);
  EXPECT_NEAR(r.gap_total_m2, 40000.0, 0.5);
  EXPECT_EQ(r.degenerate_gap_rings, 0u);
  EXPECT_EQ(r.gaps[0].neighbours.size(), 4u);
  // The representative point lies inside the hole.
  CrsTransform to_utm(kExchangeCrs, kMetricCrs);
  Coord p = to_utm.apply(r.gaps[0].point);
  EXPECT_GT(p.x, kX0 + 400); EXPECT_LT(p.x, kX0 + 600);
  EXPECT_GT(p.y, kY0 + 400); EXPECT_LT(p.y, kY0 + 600);
  EXPECT_NEAR(r.desa_area_km2, 0.96, 1e-6);
}

TEST(QualityReport, BowTieIsListedAsStillInvalidAndLoaderIssuesArePassedOn) {
  LoadedBoundaries lb = fixture({unit("35.13.01.2001", "Kupu", utm_polygon({{0, 0}, {100, 100}, {100, 0}, {0, 100}})),
                                 unit("35.13.01.2002", "Jauh", utm_box(5000, 0, 6000, 1000))});
  lb.issues.duplicate_codes = {"35.13.01.2002 (desa, features 2 and 3)"};
  lb.issues.orphan_desa = {"35.13.99.2001 Yatim"};
  lb.issues.repairs = {{"desa", "35.13.01.2009", "Dasi", "Self-intersection[113.1 -7.7]", 0}};
  QualityReport r = check_quality(lb);
  ASSERT_EQ(r.still_invalid.size(), 1u);
  EXPECT_EQ(r.still_invalid[0].unit.code, "35.13.01.2001");
  EXPECT_NE(r.still_invalid[0].reason.find("Self-intersection"), std::string::npos);
  EXPECT_EQ(r.problem_count(), 4u) << to_text(r);
  std::string text = to_text(r);
  EXPECT_NE(text.find("Kode ganda (duplicate codes): 1\n  - 35.13.01.2002 (desa, features 2 and 3)"), std::string::npos) << text;
  EXPECT_NE(text.find("35.13.99.2001 Yatim"), std::string::npos);
  EXPECT_NE(text.find("Dasi: Self-intersection"), std::string::npos);
  nlohmann::json j = to_json(r);
  EXPECT_EQ(j["load"]["duplicate_codes"].size(), 1u);
  EXPECT_EQ(j["still_invalid"][0]["code"], "35.13.01.2001");
}

TEST(QualityReport, DesaLyingInAnotherKecamatanIsAMismatch) {
  // Kecamatan 01 is the west square, 02 the east one. Desa 01.2002 lies 90 % in 02.
  std::vector<AdminUnit> kec = {unit("35.13.01", "Kec Barat", utm_box(0, 0, 1000, 1000)),
                                unit("35.13.02", "Kec Timur", utm_box(1000, 0, 2000, 1000))};
  auto lb = fixture({unit("35.13.01.2001", "Benar", utm_box(0, 0, 500, 1000)),
                     unit("35.13.01.2002", "Salah", utm_box(900, 0, 1900, 1000)),
                     unit("35.13.02.2001", "Benar Juga", utm_box(1900, 0, 2000, 1000))},
                    std::move(kec));
  QualityReport r = check_quality(lb);
  ASSERT_TRUE(r.kecamatan_checked);
  ASSERT_EQ(r.kecamatan_mismatches.size(), 1u);
  const auto& m = r.kecamatan_mismatches[0];
  EXPECT_EQ(m.desa.code, "35.13.01.2002");
  EXPECT_EQ(m.coded_kecamatan, "35.13.01");
  EXPECT_EQ(m.located_kecamatan.code, "35.13.02");
  EXPECT_NEAR(m.share, 0.9, 1e-4);
}

TEST(QualityReport, IndonesianNumbers) {
  EXPECT_EQ(format_id(1298), "1.298");
  EXPECT_EQ(format_id(0.5282, 3), "0,528");
  EXPECT_EQ(format_id(1725951.5, 1), "1.725.951,5");
  EXPECT_EQ(format_id(-1234.5, 1), "-1.234,5");
  EXPECT_EQ(format_id(0), "0");
}

TEST(QualityReport, LoaderRepairsBowTieAndTheReportMeasuresWhatItOverlaps) {
  // A bow-tie (two triangles meeting at 113.005, -7.805), the same code again, and a square covering the
  // bow-tie's east triangle exactly: the overlap is that triangle.
  auto dir = test::temp_dir("quality-bowtie");
  std::string path = dir + "/desa.geojson";
  test::write_file(path, R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"kode":"35.13.01.2001","nama":"Kupu"},"geometry":{"type":"Polygon","coordinates":[[[113,-7.8],[113.01,-7.81],[113.01,-7.8],[113,-7.81],[113,-7.8]]]}},
{"type":"Feature","properties":{"kode":"3513012001","nama":"Lagi"},"geometry":{"type":"Polygon","coordinates":[[[113,-7.8],[113.01,-7.8],[113.01,-7.81],[113,-7.8]]]}},
{"type":"Feature","properties":{"kode":"35.13.01.2002","nama":"Kotak"},"geometry":{"type":"Polygon","coordinates":[[[113.005,-7.81],[113.02,-7.81],[113.02,-7.8],[113.005,-7.8],[113.005,-7.81]]]}}
]})");
  BoundarySettings settings;
  settings.desa.path = path;
  settings.duplicate_codes_stop = false;  // as `peta boundaries check` loads: the report lists them
  LoadedBoundaries lb = load_boundaries(settings);
  QualityReport r = check_quality(lb);
  ASSERT_EQ(r.load.repairs.size(), 1u);
  EXPECT_EQ(r.load.repairs[0].code, "35.13.01.2001");
  ASSERT_EQ(r.load.duplicate_codes.size(), 1u);
  EXPECT_TRUE(r.still_invalid.empty());
  Polygon east_triangle{{{{113.01, -7.8}, {113.005, -7.805}, {113.01, -7.81}, {113.01, -7.8}}}};
  double expected_m2 = area_km2(MultiPolygon{{east_triangle}}) * 1e6;  // ≈ 0.306 km²
  ASSERT_EQ(r.overlaps.size(), 1u);
  EXPECT_NEAR(r.overlaps[0].area_m2, expected_m2, 0.01);
  EXPECT_EQ(r.overlaps[0].a.name, "Kupu");
  EXPECT_EQ(r.overlaps[0].b.name, "Kotak");
  EXPECT_EQ(r.gaps.size(), 0u);  // the bow-tie's west notch is open to the outside, not a hole
  std::string text = to_text(r);
  EXPECT_NE(text.find("Geometri diperbaiki (geometries repaired): 1\n  - desa 35.13.01.2001 Kupu: Self-intersection"),
            std::string::npos) << text;
}

// ---- The real desa layer of Kabupaten Probolinggo (35.13) --------------------------------------

class RealProbolinggo : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    BoundarySettings settings;
    settings.desa.path = test::data("probolinggo/desa.geojson");
    settings.kecamatan = BoundarySource{test::data("probolinggo/kecamatan.geojson")};
    loaded_ = new LoadedBoundaries(load_boundaries(settings));
    auto start = std::chrono::steady_clock::now();
    report_ = new QualityReport(check_quality(*loaded_));
    seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  static void TearDownTestSuite() {
    delete report_;
    delete loaded_;
  }
  static LoadedBoundaries* loaded_;
  static QualityReport* report_;
  static double seconds_;
};
LoadedBoundaries* RealProbolinggo::loaded_ = nullptr;
QualityReport* RealProbolinggo::report_ = nullptr;
double RealProbolinggo::seconds_ = 0;

TEST_F(RealProbolinggo, CountsAndArea) {
  const QualityReport& r = *report_;
  EXPECT_EQ(r.desa, 325u);
  EXPECT_EQ(r.kelurahan, 5u);
  EXPECT_EQ(r.kecamatan, 24u);
  // UTM 49S is 1.0004 too long here (2.3° east of the central meridian 111°E): planar areas are 0.08 % larger
  // than on the ellipsoid. The README's 1,724.52 km² is geodesic (SpatiaLite ST_Area(geom, 1)).
  EXPECT_NEAR(r.desa_area_km2, 1725.95, 0.01);
  EXPECT_NEAR(r.desa_area_geodesic_km2, 1724.52, 0.01);
  EXPECT_TRUE(r.still_invalid.empty());
  // CPU time, not wall time: the test machine is shared. Measured ≈0.5 s.
  if (!kSanitized) {
    EXPECT_LT(r.total_cpu_seconds, 2.0) << "wall " << seconds_ << " s";
  }
}

TEST_F(RealProbolinggo, OverlapsMatchTheReadme) {
  const QualityReport& r = *report_;
  // README: 628 pairs, 0.528 km², largest 5,451 m² (Pohsangit Tengah / Pohsangit Lor).
  EXPECT_EQ(r.overlaps.size(), 628u);
  EXPECT_NEAR(r.overlap_total_m2 / 1e6, 0.528, 0.0005);
  ASSERT_FALSE(r.overlaps.empty());
  EXPECT_NEAR(r.overlaps[0].area_m2, 5451, 2);
  std::string pair = r.overlaps[0].a.name + " / " + r.overlaps[0].b.name;
  EXPECT_TRUE(pair == "Pohsangit Lor / Pohsangit Tengah" || pair == "Pohsangit Tengah / Pohsangit Lor") << pair;
  EXPECT_EQ(r.overlaps.size() + r.touching_pairs, 899u);  // every intersecting pair is one or the other
}

TEST_F(RealProbolinggo, GapsMatchTheReadme) {
  const QualityReport& r = *report_;
  // README: 1,298 holes in the dissolved kabupaten, 0.481 km². 20 of those rings are degenerate (no area).
  EXPECT_EQ(r.gaps.size() + r.degenerate_gap_rings, 1298u);
  EXPECT_EQ(r.degenerate_gap_rings, 20u);
  EXPECT_NEAR(r.gap_total_m2 / 1e6, 0.481, 0.0015);
  ASSERT_FALSE(r.gaps.empty());
  EXPECT_LT(r.gaps[0].area_m2, 5500);  // README: every removed hole is smaller than 5,500 m²
}

TEST_F(RealProbolinggo, EveryDesaLiesInItsOwnDissolvedKecamatan) {
  EXPECT_TRUE(report_->kecamatan_checked);
  EXPECT_TRUE(report_->kecamatan_mismatches.empty());
}

TEST_F(RealProbolinggo, TextAndJson) {
  std::string text = to_text(*report_);
  EXPECT_NE(text.find("Tumpang tindih antar desa (overlaps): 628 pasang (pairs), 0,528 km²"), std::string::npos) << text;
  EXPECT_NE(text.find("Jumlah unit (unit counts): 325 desa, 5 kelurahan, 24 kecamatan"), std::string::npos) << text;
  nlohmann::json j = to_json(*report_);
  EXPECT_EQ(j["overlaps"]["list"].size(), 628u);
  EXPECT_EQ(j["gaps"]["list"].size(), report_->gaps.size());
  EXPECT_EQ(j["counts"]["desa_and_kelurahan"], 330);
}

// ---- peta boundaries check ---------------------------------------------------------------------

int run_cli(const std::string& args, const std::string& stdout_path) {
  std::string cmd = std::string(PETA_CLI) + " " + args + " > '" + stdout_path + "' 2>&1";
  int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(BoundariesCheckCli, PrintsTheReportWritesJsonAndExitsZero) {
  auto dir = test::temp_dir("boundaries-check");
  int rc = run_cli("boundaries check --desa '" + test::data("probolinggo/desa.geojson") + "' --kecamatan '" +
                       test::data("probolinggo/kecamatan.geojson") + "' --json '" + dir + "/report.json' --top 5",
                   dir + "/out.txt");
  std::string out = test::read_file(dir + "/out.txt");
  ASSERT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("Tumpang tindih antar desa (overlaps): 628 pasang (pairs), 0,528 km²"), std::string::npos) << out;
  EXPECT_NE(out.find("Celah antar desa (gaps): 1.278 bagian (pieces), 0,482 km²"), std::string::npos) << out;
  EXPECT_NE(out.find("  5. "), std::string::npos);
  EXPECT_EQ(out.find("  6. "), std::string::npos);
  auto j = nlohmann::json::parse(test::read_file(dir + "/report.json"));
  EXPECT_EQ(j["counts"]["desa"], 325);
  EXPECT_EQ(j["counts"]["kelurahan"], 5);
  EXPECT_EQ(j["overlaps"]["list"].size(), 628u);
  EXPECT_EQ(j["kecamatan_check"]["checked"], true);
  EXPECT_EQ(j["sources"]["desa"], test::data("probolinggo/desa.geojson"));
}

TEST(BoundariesCheckCli, WhereFilterAndUnreadableInput) {
  auto dir = test::temp_dir("boundaries-check-where");
  // Kec. Kraksaan (35.13.14) alone: its 5 kelurahan and 13 desa.
  int rc = run_cli("boundaries check --desa '" + test::data("probolinggo/desa.geojson") + "' --where \"kode_kec = '35.13.14'\"",
                   dir + "/out.txt");
  std::string out = test::read_file(dir + "/out.txt");
  ASSERT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("Jumlah unit (unit counts): 13 desa, 5 kelurahan, 1 kecamatan, 1 kabupaten"), std::string::npos) << out;
  EXPECT_NE(run_cli("boundaries check --desa /nonexistent/desa.geojson", dir + "/bad.txt"), 0);
  EXPECT_NE(test::read_file(dir + "/bad.txt").find("/nonexistent/desa.geojson"), std::string::npos);
}

}  // namespace
}  // namespace peta
