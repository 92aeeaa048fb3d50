// A build with desa profile tables over the real Probolinggo boundaries, in all three formats: the fields on the
// desa and kecamatan layers with their types (GeoPackage, Shapefile short names), the kecamatan values recomputed
// from the desa, the matriks layer, the run summary's accounting and the reports; then peta query filtering and
// ranking by profile fields.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <map>
#include <memory>

#include "boundaries/boundary_loader.hpp"
#include "core/gdal_init.hpp"
#include "output/style_rules.hpp"
#include "profile/problem_potential.hpp"
#include "project/pipeline.hpp"
#include "query/query_engine.hpp"
#include "query/query_spec.hpp"
#include "report/booklet.hpp"
#include "report/report_data.hpp"
#include "sample/profile_sample.hpp"
#include "sample/sample_generator.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

struct Built {
  std::string dir;
  RunSummary summary;
};

const Boundaries& probolinggo() {
  static const Boundaries b = [] {
    BoundarySettings s;
    s.desa.path = test::data("probolinggo/desa.geojson");
    s.kecamatan.emplace().path = test::data("probolinggo/kecamatan.geojson");
    return load_boundaries(s).boundaries;
  }();
  return b;
}

const Built& built() {
  static const Built run = [] {
    Built r;
    r.dir = test::temp_dir("profile-build");
    const Boundaries& b = probolinggo();
    SampleOptions o;
    o.count = 3000;
    o.seed = 2026;
    write_sample_csv(b, o, r.dir + "/temuan.csv");
    test::write_file(r.dir + "/profil.csv", profile_sample_csv(b, 2026));
    test::write_file(r.dir + "/bumdes.csv", bumdes_sample_csv(b, 2026));
    nlohmann::json p = {
        {"name", "uji profil"},
        {"boundaries",
         {{"desa", {{"path", test::data("probolinggo/desa.geojson")}}},
          {"kecamatan", {{"path", test::data("probolinggo/kecamatan.geojson")}}}}},
        {"findings", {{{"path", "temuan.csv"}, {"columns", {{"id", "id"}, {"lon", "lon"}, {"lat", "lat"}, {"kategori", "kategori"}}}}}},
        {"geocode", {{"code_lists", {test::data("probolinggo/wilayah_3513.csv")}}}},
        {"privacy", {{"profile", "public"}, {"k", 5}}},
        {"hotspots", {{"enabled", false}}},
        {"profil",
         {{{"path", "profil.csv"},
           {"kode", "kode_desa"},
           {"fields", {"penduduk", "status_idm", "skor_idm", "jumlah_sd", "jumlah_posyandu"}},
           {"tipe", {{"penduduk", "angka"}}},
           {"sensitif", {"jumlah_posyandu"}}},
          {{"path", "bumdes.csv"}, {"desa", "desa"}, {"kecamatan", "kecamatan"}, {"fields", {"bumdes", "unit_usaha"}}}}},
        {"agregasi", {{"skor_idm", "rata_rata_tertimbang:penduduk"}, {"unit_usaha", "rata_rata"}}},
        {"matriks", {{"masalah", "semua"}, {"potensi", "skor_idm"}, {"penduduk", "penduduk"}}},
        // A numeric profile field analysed like any indicator (the profile stage runs before the statistics).
        {"statistik", {{{"indikator", "skor_idm"}, {"kunci", "idm"}, {"metode", {"moran", "lisa"}}}}},
        {"output", {{"folder", r.dir + "/out"}, {"formats", {"geojson", "shapefile", "geopackage"}},
                    {"layers", {"desa", "kecamatan", "temuan", "ditolak"}}}}};
    test::write_file(r.dir + "/project.json", p.dump(2));
    RunOptions options;
    options.threads = 2;
    r.summary = run_project(load_project(r.dir + "/project.json"), options);
    return r;
  }();
  return run;
}

std::unique_ptr<GDALDataset> open(const std::string& path) {
  ensure_gdal_registered();
  return std::unique_ptr<GDALDataset>(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
}

OGRFieldType type_of(OGRLayer* layer, const char* field) {
  const int i = layer->GetLayerDefn()->GetFieldIndex(field);
  EXPECT_GE(i, 0) << field;
  return i < 0 ? OFTMaxType : layer->GetLayerDefn()->GetFieldDefn(i)->GetType();
}

bool is_integer(OGRFieldType t) { return t == OFTInteger || t == OFTInteger64; }

TEST(ProfileBuild, FieldsWithTheirTypesInGeoPackageAndShapefile) {
  const Built& r = built();
  auto gpkg = open(r.dir + "/out/peta.gpkg");
  ASSERT_TRUE(gpkg);
  OGRLayer* desa = gpkg->GetLayerByName("desa");
  ASSERT_TRUE(desa);
  EXPECT_TRUE(is_integer(type_of(desa, "penduduk")));
  EXPECT_EQ(type_of(desa, "skor_idm"), OFTReal);
  EXPECT_EQ(type_of(desa, "status_idm"), OFTString);
  EXPECT_EQ(type_of(desa, "bumdes"), OFTString);
  EXPECT_TRUE(is_integer(type_of(desa, "unit_usaha")));
  EXPECT_EQ(type_of(desa, "matriks"), OFTString);
  EXPECT_EQ(type_of(desa, "laju_masalah"), OFTReal);
  EXPECT_LT(desa->GetLayerDefn()->GetFieldIndex("jumlah_posyandu"), 0);  // sensitive: not in the public profile
  OGRLayer* kec = gpkg->GetLayerByName("kecamatan");
  ASSERT_TRUE(kec);
  EXPECT_TRUE(is_integer(type_of(kec, "penduduk")));
  EXPECT_EQ(type_of(kec, "skor_idm"), OFTReal);
  EXPECT_EQ(type_of(kec, "status_idm"), OFTString);
  EXPECT_EQ(type_of(kec, "unit_usaha"), OFTReal);  // rata_rata: a mean of counts
  OGRLayer* matriks = gpkg->GetLayerByName("matriks");
  ASSERT_TRUE(matriks);
  EXPECT_EQ(matriks->GetFeatureCount(), GIntBig(probolinggo().desa.size()));

  // The shapefile: names of at most 10 characters made by peta, the same types.
  auto shp = open(r.dir + "/out/desa.shp");
  ASSERT_TRUE(shp);
  OGRLayer* s = shp->GetLayer(0);
  EXPECT_TRUE(is_integer(type_of(s, "penduduk")));
  EXPECT_EQ(type_of(s, "skor_idm"), OFTReal);
  EXPECT_EQ(type_of(s, "status_idm"), OFTString);
  EXPECT_EQ(type_of(s, "laju_masal"), OFTReal);  // laju_masalah, cut to 10 by output/short_names
  EXPECT_EQ(type_of(s, "matriks"), OFTString);

  // The data dictionary and the QGIS style carry the Indonesian aliases and the profile styles.
  const std::string dictionary = test::read_file(r.dir + "/out/desa.kamus.csv");
  EXPECT_NE(dictionary.find("Profil desa: skor_idm (profil.csv)"), std::string::npos);
  const std::string qml = test::read_file(r.dir + "/out/desa.qml");
  EXPECT_NE(qml.find("Profil desa: status_idm"), std::string::npos);
  const std::string matrix_qml = test::read_file(r.dir + "/out/matriks.qml");
  EXPECT_NE(matrix_qml.find("masalah tinggi, potensi rendah"), std::string::npos);
}

// "statistik" on the profile's skor_idm: the desa without a value left out (n counts the others), and each desa's
// analysed value on the layer equals its skor_idm.
TEST(ProfileBuild, StatisticsRunOnANumericProfileField) {
  const Built& r = built();
  ASSERT_TRUE(r.summary.indicator_statistics.is_array());
  ASSERT_EQ(r.summary.indicator_statistics.size(), 1u);
  const auto& st = r.summary.indicator_statistics[0];
  EXPECT_EQ(st["indikator"], "skor_idm");
  auto gpkg = open(r.dir + "/out/peta.gpkg");
  ASSERT_TRUE(gpkg);
  OGRLayer* desa = gpkg->GetLayerByName("desa");
  ASSERT_TRUE(desa);
  int with_value = 0, compared = 0;
  desa->ResetReading();
  for (auto& f : *desa) {
    const int skor = f->GetFieldIndex("skor_idm"), nilai = f->GetFieldIndex("nilai_idm");
    ASSERT_GE(skor, 0);
    ASSERT_GE(nilai, 0);
    EXPECT_EQ(f->IsFieldSetAndNotNull(skor), f->IsFieldSetAndNotNull(nilai)) << f->GetFieldAsString("kode");
    if (!f->IsFieldSetAndNotNull(skor)) continue;
    ++with_value;
    if (f->IsFieldSetAndNotNull(nilai)) {
      EXPECT_NEAR(f->GetFieldAsDouble(skor), f->GetFieldAsDouble(nilai), 1e-9);
      ++compared;
    }
  }
  EXPECT_EQ(st["n"].get<int>(), with_value);
  EXPECT_GT(compared, 300);
  EXPECT_GT(st["moran"]["I"].get<double>(), -1.0);
  EXPECT_LT(st["moran"]["I"].get<double>(), 1.0);
}

TEST(ProfileBuild, KecamatanValuesRecomputedFromTheDesaLayer) {
  const Built& r = built();
  auto gpkg = open(r.dir + "/out/peta.gpkg");
  OGRLayer* desa = gpkg->GetLayerByName("desa");
  std::map<std::string, double> population, weighted, weights;
  std::map<std::string, std::map<std::string, int>> statuses;
  for (auto& f : *desa) {
    const std::string kec = f->GetFieldAsString("kode_kec");
    const bool has_pop = f->IsFieldSetAndNotNull(f->GetFieldIndex("penduduk"));
    const bool has_score = f->IsFieldSetAndNotNull(f->GetFieldIndex("skor_idm"));
    if (has_pop) population[kec] += double(f->GetFieldAsInteger64("penduduk"));
    if (has_pop && has_score) {
      weighted[kec] += double(f->GetFieldAsInteger64("penduduk")) * f->GetFieldAsDouble("skor_idm");
      weights[kec] += double(f->GetFieldAsInteger64("penduduk"));
    }
    if (f->IsFieldSetAndNotNull(f->GetFieldIndex("status_idm"))) ++statuses[kec][f->GetFieldAsString("status_idm")];
  }
  OGRLayer* kec = gpkg->GetLayerByName("kecamatan");
  int checked = 0;
  for (auto& f : *kec) {
    const std::string code = f->GetFieldAsString("kode");
    EXPECT_EQ(double(f->GetFieldAsInteger64("penduduk")), population[code]) << code;
    EXPECT_NEAR(f->GetFieldAsDouble("skor_idm"), weighted[code] / weights[code], 1e-9) << code;
    std::string mode;
    int best = 0;
    for (const auto& [v, n] : statuses[code])
      if (n > best) best = n, mode = v;
    EXPECT_EQ(f->GetFieldAsString("status_idm"), mode) << code;
    ++checked;
  }
  EXPECT_EQ(checked, 24);
}

TEST(ProfileBuild, SummaryReportsAndMatrixCountsAddUp) {
  const Built& r = built();
  const nlohmann::json ringkasan = nlohmann::json::parse(test::read_file(r.dir + "/out/ringkasan.json"));
  ASSERT_TRUE(ringkasan.contains("profil"));
  const auto& tables = ringkasan["profil"]["tables"];
  ASSERT_EQ(tables.size(), 2u);
  std::int64_t rejected = 0, without = 0;
  for (const auto& t : tables) {
    EXPECT_TRUE(t["balanced"].get<bool>());
    EXPECT_EQ(t["rows"].get<std::int64_t>(), t["joined"].get<std::int64_t>() + t["rejected"].get<std::int64_t>());
    rejected += t["rejected"].get<std::int64_t>();
    without += t["desa_without_row"].get<std::int64_t>();
  }
  EXPECT_EQ(tables[0]["rejected"], 4);
  // The rejects file: one line per rejected row, header first; the list of desa without a row likewise.
  const std::string rejects = test::read_file(r.dir + "/out/profil_ditolak.csv");
  EXPECT_EQ(std::count(rejects.begin(), rejects.end(), '\n'), rejected + 1);
  EXPECT_EQ(rejects.rfind("sumber,baris,kolom,alasan,keterangan,nilai,", 0), 0u);
  EXPECT_NE(rejects.find("nilai_tidak_valid"), std::string::npos);
  EXPECT_NE(rejects.find("banyak"), std::string::npos);
  const std::string missing = test::read_file(r.dir + "/out/profil_tanpa_nilai.csv");
  EXPECT_EQ(std::count(missing.begin(), missing.end(), '\n'), without + 1);

  // The matrix: its classes sum to the desa, and each desa's class agrees with its rate and potential.
  const auto& m = ringkasan["profil"]["matriks"];
  std::int64_t total = 0;
  for (const auto& [label, n] : m["desa_per_kelas"].items()) total += n.get<std::int64_t>();
  EXPECT_EQ(total, std::int64_t(probolinggo().desa.size()));
  const double rate_median = m["median_laju_masalah"], potential_median = m["median_potensi"];
  auto gpkg = open(r.dir + "/out/peta.gpkg");
  OGRLayer* matriks = gpkg->GetLayerByName("matriks");
  std::map<std::string, std::int64_t> counts;
  for (auto& f : *matriks) {
    const std::string label = f->GetFieldAsString("matriks");
    ++counts[label];
    if (label == "tanpa data") continue;
    const double rate = f->GetFieldAsDouble("laju_masalah"), potential = f->GetFieldAsDouble("potensi");
    const std::string expected = std::string(rate > rate_median ? "masalah tinggi" : "masalah rendah") + ", " +
                                 (potential > potential_median ? "potensi tinggi" : "potensi rendah");
    EXPECT_EQ(label, expected) << f->GetFieldAsString("kode");
  }
  for (const auto& [label, n] : m["desa_per_kelas"].items()) EXPECT_EQ(counts[label], n.get<std::int64_t>()) << label;
  EXPECT_GT(counts["tanpa data"], 0);  // the desa the table leaves out have no population
}

TEST(ProfileBuild, QueryFiltersAndRanksByProfileFields) {
  const Built& r = built();
  const query::QueryModel model = query::load_query_model(r.dir + "/out/peta.gpkg", CategoryTaxonomy::defaults(),
                                                          std::vector<double>(CategoryTaxonomy::defaults().size(), 1.0));
  // How many desa have status Tertinggal, read from the layer itself.
  auto gpkg = open(r.dir + "/out/peta.gpkg");
  std::size_t tertinggal = 0;
  for (auto& f : *gpkg->GetLayerByName("desa")) tertinggal += std::string(f->GetFieldAsString("status_idm")) == "Tertinggal";
  ASSERT_GT(tertinggal, 1u);

  const auto result = query::run_query(
      model, query::parse_query_spec({{"filter", "status_idm=tertinggal"}, {"sort", "penduduk"}, {"n", "all"}}));
  EXPECT_EQ(result.matched, tertinggal);
  EXPECT_EQ(result.rows.size(), tertinggal);
  const std::size_t status = result.column("status_idm"), pop = result.column("penduduk");
  ASSERT_LT(status, result.columns.size());
  ASSERT_LT(pop, result.columns.size());
  double previous = 1e18;
  for (const auto& row : result.rows) {
    EXPECT_EQ(std::get<std::string>(row[status]), "Tertinggal");
    if (const double* v = std::get_if<double>(&row[pop])) {
      EXPECT_LE(*v, previous);
      previous = *v;
    }
  }
  // Numeric conditions, and two of them at once.
  const auto big = query::run_query(model, query::parse_query_spec({{"filter", "penduduk>=8000"}, {"filter", "skor_idm<0,6"},
                                                                    {"n", "all"}}));
  std::size_t expected = 0;
  for (auto& f : *gpkg->GetLayerByName("desa"))
    expected += f->IsFieldSetAndNotNull(f->GetFieldIndex("penduduk")) && f->GetFieldAsInteger64("penduduk") >= 8000 &&
                f->IsFieldSetAndNotNull(f->GetFieldIndex("skor_idm")) && f->GetFieldAsDouble("skor_idm") < 0.6;
  EXPECT_EQ(big.matched, expected);
  // A class label with a comma in it matches whole; alternatives are comma-separated too.
  std::size_t need = 0, low_status = 0;
  for (auto& f : *gpkg->GetLayerByName("desa")) {
    need += std::string(f->GetFieldAsString("matriks")) == "masalah tinggi, potensi rendah";
    const std::string st = f->GetFieldAsString("status_idm");
    low_status += st == "Tertinggal" || st == "Sangat Tertinggal";
  }
  ASSERT_GT(need, 0u);
  EXPECT_EQ(query::run_query(model, query::parse_query_spec({{"filter", "matriks=Masalah tinggi, potensi rendah"}, {"n", "all"}}))
                .matched,
            need);
  EXPECT_EQ(query::run_query(model, query::parse_query_spec({{"filter", "status_idm=Tertinggal,Sangat Tertinggal"}, {"n", "all"}}))
                .matched,
            low_status);
  EXPECT_THROW(query::run_query(model, query::parse_query_spec({{"filter", "status_idm>Maju"}})), query::QueryError);
  EXPECT_THROW(query::run_query(model, query::parse_query_spec({{"filter", "tidak_ada=1"}})), query::QueryError);
  EXPECT_THROW(query::parse_query_spec({{"filter", "=1"}}), query::QueryError);
}

// The report booklet gets the matrix page, each desa in its class's colour from the matriks layer.
TEST(ProfileBuild, ReportBookletHasTheMatrixPage) {
  const Built& r = built();
  const ProjectSettings settings = load_project(r.dir + "/project.json");
  const report::ReportData data = report::load_report_data(settings);
  ASSERT_EQ(data.matrix.size(), probolinggo().desa.size());
  EXPECT_EQ(data.matrix_potential, "skor_idm");
  const report::Area area = report::find_area(data, "Sumber");
  const report::Booklet booklet = report::build_booklet(data, area, "id", "2026-12-06");
  const report::MapPage* page = nullptr;
  for (const auto& p : booklet.pages)
    if (const auto* m = std::get_if<report::MapPage>(&p); m && m->heading == "Masalah dan potensi desa") page = m;
  ASSERT_NE(page, nullptr);
  const auto classes = matrix_classes();
  for (const auto* d : area.desa) {  // each desa of the area drawn once, in its class's colour (neighbours are context)
    const int q = data.matrix.at(d->kode);
    const Rgba want = classes[std::size_t(q)].symbol.fill;
    int drawn = 0;
    for (const auto& u : page->scene.units)
      if (u.shape == &d->shape) {
        ++drawn;
        EXPECT_TRUE(want.r == u.fill.r && want.g == u.fill.g && want.b == u.fill.b) << d->kode;
      }
    EXPECT_EQ(drawn, 1) << d->kode;
  }
}

// The kabupaten booklet draws the Moran scatterplot of skor_idm: one point per desa with a value, the line's slope
// (least squares through the origin) times n/S0 equal to the summary's Moran's I (queen weights, row-standardised:
// S0 = n minus the islands, here Gili Ketapang, whose lag is 0); a kecamatan booklet has none.
TEST(ProfileBuild, KabupatenBookletDrawsTheMoranScatterplot) {
  const Built& r = built();
  const ProjectSettings settings = load_project(r.dir + "/project.json");
  const report::ReportData data = report::load_report_data(settings);
  ASSERT_EQ(data.indicators.size(), 1u);
  const report::Booklet kab = report::build_booklet(data, report::find_area(data, ""), "id", "2026-12-06");
  const report::ScatterPage* page = nullptr;
  for (const auto& p : kab.pages)
    if (const auto* s = std::get_if<report::ScatterPage>(&p)) page = s;
  ASSERT_NE(page, nullptr);
  EXPECT_EQ(page->heading, "Diagram Moran: skor_idm");
  const auto& st = r.summary.indicator_statistics[0];
  EXPECT_EQ(int(page->points.size()), st["n"].get<int>());
  ASSERT_EQ(st["pulau"].size(), 1u);
  const double n = double(page->points.size());
  EXPECT_NEAR(page->slope * n / (n - 1), st["moran"]["I"].get<double>(), 1e-9);
  int significant = 0;
  for (const auto& p : page->points) significant += p.quadrant > 0;
  int lisa = 0;
  for (const auto& [q, n] : st["lisa_klaster"].items()) lisa += n.get<int>();
  EXPECT_EQ(significant, lisa);
  const report::Booklet kec = report::build_booklet(data, report::find_area(data, "Sumber"), "id", "2026-12-06");
  for (const auto& p : kec.pages) EXPECT_FALSE(std::holds_alternative<report::ScatterPage>(p));
}

}  // namespace
}  // namespace peta
