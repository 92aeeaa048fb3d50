#include "sample/sample_generator.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/crs.hpp"
#include "core/error.hpp"
#include "core/geos_handle.hpp"
#include "boundaries/boundary_loader.hpp"
#include "sample/polygon_raster.hpp"
#include "sample/random.hpp"
#include "test_support.hpp"

namespace {
using namespace peta;
namespace fs = std::filesystem;

// A hand-made regency near Probolinggo: a 10 x 8 grid of square desa 0.02 degrees (~2.2 km) wide, in two
// kecamatan, with the north-east 3 x 3 corner missing (a notch like Kota Probolinggo's): 71 desa.
Boundaries grid_boundaries() {
  Boundaries b;
  const double x0 = 113.0, y0 = -7.95, side = 0.02;
  for (int kec = 1; kec <= 2; ++kec) {
    AdminUnit k{*AdminCode::parse("35.13.0" + std::to_string(kec)), "Kec " + std::to_string(kec), "", {}, 0};
    b.kecamatan.push_back(k);
  }
  int serial = 0;
  for (int col = 0; col < 10; ++col) {
    for (int row = 0; row < 8; ++row) {
      if (col >= 7 && row >= 5) continue;  // the notch
      const int kec = col < 5 ? 1 : 2;
      const double x = x0 + col * side, y = y0 + row * side;
      Polygon square{{{{x, y}, {x + side, y}, {x + side, y + side}, {x, y + side}, {x, y}}}};
      char code[32];
      std::snprintf(code, sizeof code, "35.13.0%d.20%02d", kec, ++serial);
      AdminUnit d{*AdminCode::parse(code), std::string("Desa ") + code, "desa", MultiPolygon{{square}}, 0};
      b.desa.push_back(std::move(d));
      b.desa_kecamatan.push_back(kec - 1);
    }
  }
  return b;
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path temp_dir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("peta_sample_test_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

GeosGeom union_of(const Boundaries& b) {
  MultiPolygon all;
  for (const auto& d : b.desa) all.parts.insert(all.parts.end(), d.geometry.parts.begin(), d.geometry.parts.end());
  GeosGeom collection = to_geos(all);
  return GeosGeom(GEOSUnaryUnion_r(geos_context().get(), collection.get()));
}

// Share of points outside the union, category shares, and the points themselves kept compact.
struct Tally {
  std::int64_t total = 0, outside = 0;
  std::map<std::string, std::int64_t> categories;
  std::vector<Coord> points;
  std::vector<int> category_index;
};

Tally tally(const Boundaries& b, const SampleOptions& options) {
  GeosGeom u = union_of(b);
  GeosPrepared prepared = prepare(u.get());
  auto h = geos_context().get();
  Tally t;
  generate_sample(b, options, [&](const SamplePoint& p) {
    ++t.total;
    GeosGeom point = to_geos(p.lonlat);
    if (GEOSPreparedIntersects_r(h, prepared.get(), point.get()) != 1) ++t.outside;
    ++t.categories[p.category];
    t.points.push_back(p.lonlat);
    int c = 0;
    while (c < 5 && kSampleCategories[c] != p.category) ++c;
    t.category_index.push_back(c < 5 ? c : -1);  // -1: potensi
  });
  return t;
}

double distance_m(Coord a, Coord b) {
  const double dy = (a.y - b.y) * 110574.0;
  const double dx = (a.x - b.x) * 111320.0 * std::cos(a.y * M_PI / 180);
  return std::hypot(dx, dy);
}

TEST(SampleRandom, IsDeterministicAndWellSpread) {
  SeededRandom a(42), b(42), c(43);
  for (int i = 0; i < 100; ++i) {
    const auto x = a.next();
    EXPECT_EQ(x, b.next());
    EXPECT_NE(x, c.next());
  }
  // xoshiro256** seeded by splitmix64(0): the first output is fixed by the two published algorithms.
  SeededRandom zero(0);
  EXPECT_EQ(zero.next(), 0x99ec5f36cb75f2b4ULL);
  EXPECT_EQ(zero.next(), 0xbf6e1f784956452aULL);
  SeededRandom r(7);
  double sum = 0, sum2 = 0, exp_sum = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    const double z = r.normal();
    sum += z, sum2 += z * z;
    exp_sum += r.exponential(2.0);
  }
  EXPECT_NEAR(sum / n, 0.0, 0.01);
  EXPECT_NEAR(sum2 / n, 1.0, 0.01);
  EXPECT_NEAR(exp_sum / n, 2.0, 0.02);
}

TEST(SampleGenerator, SameSeedGivesByteIdenticalCsvAndAnotherSeedDiffers) {
  const Boundaries b = grid_boundaries();
  const fs::path dir = temp_dir("determinism");
  SampleOptions o;
  o.count = 20000;
  o.seed = 11;
  write_sample_csv(b, o, (dir / "a.csv").string());
  write_sample_csv(b, o, (dir / "b.csv").string());
  o.seed = 12;
  write_sample_csv(b, o, (dir / "c.csv").string());
  const std::string a = read_all(dir / "a.csv");
  EXPECT_EQ(a, read_all(dir / "b.csv"));
  EXPECT_NE(a, read_all(dir / "c.csv"));
  // Only the three finished files: no temporary name is left behind.
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    ++files;
    EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();
  }
  EXPECT_EQ(files, 3u);
  fs::remove_all(dir);
}

TEST(SampleGenerator, CsvHasHeaderExactRowCountAndQuotedNotes) {
  const Boundaries b = grid_boundaries();
  const fs::path dir = temp_dir("rows");
  SampleOptions o;
  o.count = 12345;
  write_sample_csv(b, o, (dir / "s.csv").string());
  std::ifstream in(dir / "s.csv");
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "id,lon,lat,kategori,tanggal,tingkat,keterangan");
  std::int64_t rows = 0;
  bool saw_quoted_quote = false;
  std::string last;
  while (std::getline(in, line)) {
    ++rows;
    if (line.find(",\"Jalan berlubang, \"\"parah\"\"\"") != std::string::npos) saw_quoted_quote = true;
    last = line;
  }
  EXPECT_EQ(rows, 12345);  // no note holds a newline, so one line per row
  EXPECT_TRUE(saw_quoted_quote);
  EXPECT_EQ(last.rfind("T0012345,", 0), 0u) << last;
  // lon,lat with exactly 7 decimals
  const auto first_comma = last.find(','), second = last.find(',', first_comma + 1);
  const std::string lon = last.substr(first_comma + 1, second - first_comma - 1);
  EXPECT_EQ(lon.size() - lon.find('.') - 1, 7u) << lon;
  fs::remove_all(dir);
}

TEST(SampleGenerator, EmitsExactCountAndOutsideShareWithinTolerance) {
  const Boundaries b = grid_boundaries();
  SampleOptions o;
  o.count = 100000;
  o.seed = 3;
  o.outside_share = 0.02;
  const Tally t = tally(b, o);
  EXPECT_EQ(t.total, 100000);
  // Binomial spread at 100k points is 0.00044 (1 sd); clustered points leaking through coastline cells
  // of the land mask add a little on top. Stated tolerance: +-0.002.
  EXPECT_NEAR(static_cast<double>(t.outside) / t.total, 0.02, 0.002);

  o.outside_share = 0;
  const Tally none = tally(b, o);
  EXPECT_LE(none.outside, 100) << "with outside_share 0 at most 0.1 % may leak out";
}

TEST(SampleGenerator, CategorySharesFollowTheMix) {
  const Boundaries b = grid_boundaries();
  SampleOptions o;
  o.count = 100000;
  o.seed = 5;
  const Tally t = tally(b, o);
  // potensi: 3 % of the points, drawn apart; the problems keep their mix among the others.
  const std::int64_t potential = t.categories.at(std::string(kSamplePotentialCategory));
  EXPECT_NEAR(static_cast<double>(potential) / t.total, 0.03, 0.003);
  for (std::size_t c = 0; c < kSampleCategories.size(); ++c) {
    const double share =
        static_cast<double>(t.categories.at(std::string(kSampleCategories[c]))) / double(t.total - potential);
    EXPECT_NEAR(share, kSampleCategoryShares[c], 0.01) << kSampleCategories[c];
  }
}

TEST(SampleGenerator, PotentialFindingsLeaveTheOtherPointsAsTheyWere) {
  const Boundaries b = grid_boundaries();
  SampleOptions with, without;
  with.count = without.count = 20000;
  without.potential_share = 0;
  std::vector<SamplePoint> a, c;
  generate_sample(b, with, [&](const SamplePoint& p) { a.push_back(p); });
  generate_sample(b, without, [&](const SamplePoint& p) { c.push_back(p); });
  ASSERT_EQ(a.size(), c.size());
  std::size_t potential = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].id, c[i].id);
    EXPECT_EQ(a[i].lonlat.x, c[i].lonlat.x);
    EXPECT_EQ(a[i].lonlat.y, c[i].lonlat.y);
    EXPECT_EQ(a[i].date, c[i].date);
    EXPECT_EQ(a[i].severity, c[i].severity);
    EXPECT_NE(c[i].category, "potensi");
    if (a[i].category == "potensi") ++potential;
    else EXPECT_EQ(a[i].category, c[i].category);
  }
  EXPECT_GT(potential, 500u);  // about 600 of 20,000
  EXPECT_LT(potential, 700u);
}

TEST(SampleGenerator, EveryHotVillageHasADenseClusterOfItsDominantCategory) {
  const Boundaries b = grid_boundaries();
  SampleOptions o;
  o.count = 100000;
  o.seed = 9;
  o.hot_villages = 6;
  const auto hot = plan_hot_villages(b, o);
  ASSERT_EQ(hot.size(), 6u);
  std::set<int> distinct, dominants;
  for (const auto& v : hot) distinct.insert(v.desa), dominants.insert(v.dominant);
  EXPECT_EQ(distinct.size(), 6u);
  EXPECT_EQ(dominants.size(), 5u) << "with 6 hot villages every category dominates one";

  const Tally t = tally(b, o);
  double union_km2 = 0;
  for (const auto& d : b.desa) union_km2 += peta::area_km2(d.geometry);
  for (const auto& v : hot) {
    EXPECT_GE(v.sigma_m, 300);
    EXPECT_LE(v.sigma_m, 2000);
    std::int64_t near = 0, near_dominant = 0;
    for (std::size_t i = 0; i < t.points.size(); ++i)
      if (distance_m(t.points[i], v.centre) <= v.sigma_m) {
        ++near;
        near_dominant += t.category_index[i] == v.dominant;
      }
    // What an even spread of all points would put in that disc.
    const double disc_km2 = M_PI * v.sigma_m * v.sigma_m / 1e6;
    const double even = t.total * disc_km2 / union_km2;
    EXPECT_GE(near, 5 * even) << "desa " << v.desa << " sigma " << v.sigma_m;
    EXPECT_GE(static_cast<double>(near_dominant) / near, kSampleCategoryShares[v.dominant] + 0.2)
        << "desa " << v.desa << " dominant " << kSampleCategories[v.dominant];
  }
}

TEST(SampleGenerator, RejectsBadOptionsAndEmptyBoundaries) {
  SampleOptions o;
  EXPECT_THROW(generate_sample(Boundaries{}, o, [](const SamplePoint&) {}), Error);
  o.outside_share = 1.5;
  EXPECT_THROW(generate_sample(grid_boundaries(), o, [](const SamplePoint&) {}), Error);
}

}  // namespace

namespace {
using namespace peta;

const Boundaries& probolinggo() {
  static const Boundaries b = [] {
    BoundarySettings s;
    s.desa.path = test::data("probolinggo/desa.geojson");
    return load_boundaries(s).boundaries;
  }();
  return b;
}

TEST(PolygonRaster, AgreesWithGeosOnRealDesa) {
  const Boundaries& b = probolinggo();
  SeededRandom rng(17);
  auto h = geos_context().get();
  std::int64_t checked = 0, inside = 0;
  for (std::size_t d = 0; d < b.desa.size(); d += 7) {
    GeosGeom g = to_geos(b.desa[d].geometry);
    GeosPrepared p = prepare(g.get());
    PolygonRaster raster(b.desa[d].geometry, p.get());
    EXPECT_LT(raster.boundary_share(), 0.6) << b.desa[d].name;
    const Box box = raster.box();
    for (int i = 0; i < 2000; ++i) {
      const Coord c{rng.uniform(box.min_x, box.max_x), rng.uniform(box.min_y, box.max_y)};
      GeosGeom point = to_geos(c);
      const bool geos = GEOSPreparedContains_r(h, p.get(), point.get()) == 1;
      ASSERT_EQ(raster.contains(c), geos) << b.desa[d].name << " " << c.x << " " << c.y;
      ++checked;
      inside += geos;
    }
  }
  EXPECT_EQ(checked, 48 * 2000);
  EXPECT_GT(inside, checked / 4);
}

TEST(SampleGenerator, RealProbolinggoDesaOutsideShareCategoriesAndClusters) {
  const Boundaries& b = probolinggo();
  ASSERT_EQ(b.desa.size(), 330u);
  ASSERT_EQ(b.kabupaten.size(), 1u);
  SampleOptions o;
  o.count = 100000;
  o.seed = 2026;
  o.outside_share = 0.01;
  GeosGeom regency = union_of(b);  // the loader leaves the kabupaten geometry empty without a kabupaten layer
  GeosPrepared prepared = prepare(regency.get());
  auto h = geos_context().get();
  const auto hot = plan_hot_villages(b, o);
  ASSERT_EQ(hot.size(), 12u);
  std::vector<std::int64_t> near(hot.size(), 0);
  std::int64_t rows = 0, outside = 0, potential = 0;
  std::array<std::int64_t, 5> categories{};
  generate_sample(b, o, [&](const SamplePoint& p) {
    ++rows;
    GeosGeom point = to_geos(p.lonlat);
    if (GEOSPreparedIntersects_r(h, prepared.get(), point.get()) != 1) ++outside;
    for (std::size_t c = 0; c < 5; ++c)
      if (kSampleCategories[c] == p.category) ++categories[c];
    potential += p.category == kSamplePotentialCategory ? 1 : 0;
    for (std::size_t i = 0; i < hot.size(); ++i)
      if (distance_m(p.lonlat, hot[i].centre) <= hot[i].sigma_m) ++near[i];
  });
  EXPECT_EQ(rows, 100000);
  // 1 % placed outside plus clustered points leaking through coastline cells of the 250 m land mask.
  const double outside_share = static_cast<double>(outside) / rows;
  EXPECT_GE(outside_share, 0.0090);
  EXPECT_LE(outside_share, 0.0115);  // measured: 0.01006 for seed 2026
  EXPECT_NEAR(static_cast<double>(potential) / rows, 0.03, 0.003);
  for (std::size_t c = 0; c < 5; ++c)
    EXPECT_NEAR(static_cast<double>(categories[c]) / double(rows - potential), kSampleCategoryShares[c], 0.01)
        << kSampleCategories[c];
  double regency_km2 = 0;
  for (const auto& d : b.desa) regency_km2 += d.area_km2;
  for (std::size_t i = 0; i < hot.size(); ++i) {
    const double even = rows * (M_PI * hot[i].sigma_m * hot[i].sigma_m / 1e6) / regency_km2;
    EXPECT_GE(near[i], 5 * even) << b.desa[hot[i].desa].name;
  }
}

}  // namespace

namespace {
TEST(SampleVerb, WritesTheSameCsvForTheSameSeed) {
  const std::string dir = peta::test::temp_dir("sample_verb");
  const std::string base = std::string(PETA_CLI) + " sample --quiet --boundaries " +
                           peta::test::data("probolinggo/desa.geojson") + " --count 2000 --seed 4 --out ";
  ASSERT_EQ(std::system((base + dir + "/a.csv").c_str()), 0);
  ASSERT_EQ(std::system((base + dir + "/b.csv --outside-share 0.01").c_str()), 0);
  const std::string a = peta::test::read_file(dir + "/a.csv");
  EXPECT_EQ(a, peta::test::read_file(dir + "/b.csv"));
  EXPECT_EQ(std::count(a.begin(), a.end(), '\n'), 2001);
  EXPECT_NE(std::system((std::string(PETA_CLI) + " sample --boundaries /nonexistent.gpkg --count 1 --seed 1 --out " +
                         dir + "/c.csv 2>/dev/null").c_str()), 0);
  std::filesystem::remove_all(dir);
}
}  // namespace
