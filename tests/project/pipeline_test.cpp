// The whole path on the real Probolinggo boundaries: a generated sample goes through `peta build`, and the
// per-desa counts in the written GeoPackage are checked against an independent brute force over every
// polygon with GEOS.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <nlohmann/json.hpp>

#include "boundaries/boundary_loader.hpp"
#include "core/crs.hpp"
#include "core/gdal_init.hpp"
#include "core/geos_handle.hpp"
#include "findings/csv_record_reader.hpp"
#include "project/pipeline.hpp"
#include "sample/sample_generator.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

struct Fixture {
  std::string dir, csv, project;
};

// A project over the real desa and kecamatan with a generated sample of `count` findings.
Fixture make_fixture(const std::string& name, long long count, unsigned long long seed) {
  Fixture f;
  f.dir = test::temp_dir(name);
  f.csv = f.dir + "/temuan.csv";
  BoundarySettings bs;
  bs.desa.path = test::data("probolinggo/desa.geojson");
  auto loaded = load_boundaries(bs);
  SampleOptions so;
  so.count = count;
  so.seed = seed;
  write_sample_csv(loaded.boundaries, so, f.csv);
  nlohmann::json p = {
      {"name", "uji"},
      {"boundaries",
       {{"desa", {{"path", test::data("probolinggo/desa.geojson")}}},
        {"kecamatan", {{"path", test::data("probolinggo/kecamatan.geojson")}}}}},
      {"findings", {{{"path", f.csv}}}},
      {"privacy", {{"profile", "internal"}}},
      {"output", {{"folder", f.dir + "/out"}}}};
  f.project = f.dir + "/project.json";
  test::write_file(f.project, p.dump(2));
  return f;
}

// Independent reference: every point against every desa polygon with GEOS, by the documented rules.
std::map<std::string, long long> brute_force_counts(const Boundaries& b, const std::string& csv, long long& rejected) {
  auto h = geos_context().get();
  CrsTransform to_utm(kExchangeCrs, kMetricCrs);
  std::vector<GeosGeom> geo, utm;
  for (const auto& d : b.desa) {
    geo.push_back(to_geos(d.geometry));
    MultiPolygon m = d.geometry;
    to_utm.apply(m);
    utm.push_back(to_geos(m));
  }
  std::map<std::string, long long> counts;
  CsvRecordReader reader(csv);
  std::vector<std::string> row;
  rejected = 0;
  while (reader.next(row)) {
    Coord p{std::stod(row[1]), std::stod(row[2])};
    GeosGeom pt = to_geos(p);
    GeosGeom pt_utm = to_geos(to_utm.apply(p));
    int best = -1;
    double best_depth = -1;
    for (std::size_t i = 0; i < b.desa.size(); ++i) {
      if (!GEOSCovers_r(h, geo[i].get(), pt.get())) continue;
      GeosGeom boundary(GEOSBoundary_r(h, utm[i].get()));
      double depth = 0;
      GEOSDistance_r(h, boundary.get(), pt_utm.get(), &depth);
      if (depth > best_depth) best = static_cast<int>(i), best_depth = depth;
    }
    if (best < 0) {
      double nearest = 1e300;
      for (std::size_t i = 0; i < b.desa.size(); ++i) {
        double d = 0;
        GEOSDistance_r(h, utm[i].get(), pt_utm.get(), &d);
        if (d < nearest) nearest = d, best = static_cast<int>(i);
      }
      if (nearest > 50) best = -1;
    }
    if (best < 0) ++rejected;
    else counts[b.desa[static_cast<std::size_t>(best)].code.dotted()]++;
  }
  return counts;
}

std::map<std::string, long long> layer_counts(const std::string& gpkg, const std::string& layer_name) {
  ensure_gdal_registered();
  std::unique_ptr<GDALDataset> ds(static_cast<GDALDataset*>(GDALOpenEx(gpkg.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr)));
  EXPECT_TRUE(ds) << gpkg;
  std::map<std::string, long long> out;
  if (!ds) return out;
  OGRLayer* layer = ds->GetLayerByName(layer_name.c_str());
  EXPECT_TRUE(layer) << layer_name;
  if (!layer) return out;
  for (auto& f : *layer) out[f->GetFieldAsString("kode")] = f->GetFieldAsInteger64("n_total");
  return out;
}

TEST(Pipeline, CountsPerDesaEqualAnIndependentBruteForce) {
  auto f = make_fixture("pipeline-brute", 4000, 7);
  auto settings = load_project(f.project);
  RunSummary summary = run_project(settings);
  auto total = summary.total();
  EXPECT_EQ(total.rows_read, 4000);
  EXPECT_TRUE(total.balanced());

  BoundarySettings bs;
  bs.desa.path = test::data("probolinggo/desa.geojson");
  auto b = load_boundaries(bs).boundaries;
  long long rejected = 0;
  auto expected = brute_force_counts(b, f.csv, rejected);
  auto written = layer_counts(f.dir + "/out/peta.gpkg", "desa");
  ASSERT_EQ(written.size(), 330u);
  long long sum = 0;
  for (const auto& d : b.desa) {
    std::string code = d.code.dotted();
    long long want = expected.count(code) ? expected[code] : 0;
    EXPECT_EQ(written[code], want) << code << " " << d.name;
    sum += written[code];
  }
  EXPECT_EQ(total.rejected, rejected);
  EXPECT_EQ(sum + rejected, 4000);
  EXPECT_EQ(total.rejected_by_reason["outside_boundaries"], rejected);

  // Kecamatan totals are the sums of their desa.
  auto kec = layer_counts(f.dir + "/out/peta.gpkg", "kecamatan");
  ASSERT_EQ(kec.size(), 24u);
  long long kec_sum = 0;
  for (const auto& [code, n] : kec) kec_sum += n;
  EXPECT_EQ(kec_sum, sum);
}

TEST(Pipeline, CliWritesEveryLayerInEveryFormatAndASummary) {
  auto f = make_fixture("pipeline-cli", 1500, 3);
  std::string cmd = std::string(PETA_CLI) + " build --json " + f.project + " > " + f.dir + "/summary.json";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  auto summary = nlohmann::json::parse(test::read_file(f.dir + "/summary.json"));
  EXPECT_EQ(summary["total"]["rows_read"], 1500);
  EXPECT_EQ(summary["total"]["balanced"], true);
  long long read = summary["total"]["rows_read"], geocoded = summary["total"]["geocoded"],
            flagged = summary["total"]["flagged"], rejected = summary["total"]["rejected"];
  EXPECT_EQ(read, geocoded + flagged + rejected);
  std::string out = f.dir + "/out/";
  for (const char* layer : {"desa", "kecamatan", "temuan", "ditolak"}) {
    for (const char* ext : {".geojson", ".shp", ".dbf", ".cpg"})
      EXPECT_TRUE(std::filesystem::exists(out + layer + ext)) << layer << ext;
    std::string ogrinfo = "ogrinfo -ro -so -q " + out + layer + ".shp > /dev/null";
    EXPECT_EQ(std::system(ogrinfo.c_str()), 0) << ogrinfo;
    ogrinfo = "ogrinfo -ro -so -q " + out + layer + ".geojson > /dev/null";
    EXPECT_EQ(std::system(ogrinfo.c_str()), 0) << ogrinfo;
    auto geojson = nlohmann::json::parse(test::read_file(out + layer + ".geojson"));
    EXPECT_FALSE(geojson.contains("crs")) << layer;
  }
  EXPECT_TRUE(std::filesystem::exists(out + "desa.prj"));
  EXPECT_EQ(std::system(("ogrinfo -ro -so -q " + out + "peta.gpkg > /dev/null").c_str()), 0);
  // Temuan + ditolak rows = rows read; ditolak.csv has one line per rejection plus the header.
  EXPECT_EQ(layer_counts(out + "peta.gpkg", "desa").size(), 330u);
  auto ditolak_csv = test::read_file(out + "ditolak.csv");
  EXPECT_EQ(std::count(ditolak_csv.begin(), ditolak_csv.end(), '\n'), rejected + 1);
  // No temporary file is left behind.
  for (const auto& e : std::filesystem::directory_iterator(out))
    EXPECT_EQ(e.path().string().find(".tmp"), std::string::npos) << e.path();
}

}  // namespace
}  // namespace peta
