#pragma once
// Shared by the store tests: a fresh store on either backend, findings over real desa, raw access to the
// store's tables (as QGIS or psql would reach them).
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogr_api.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "core/gdal_init.hpp"
#include "store/finding_store.hpp"
#include "test_support.hpp"

namespace peta::test {

// The PostGIS connection of the cluster that the ctest fixture started (scripts/pg-test-cluster.sh), from
// PETA_TEST_PG (a PG: string) or PETA_TEST_PG_STATE (its state file); "" when there is none.
inline std::string pg_connection() {
  if (const char* c = std::getenv("PETA_TEST_PG"); c && *c) return c;
  const char* state = std::getenv("PETA_TEST_PG_STATE");
  if (!state) return "";
  std::ifstream in(state);
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("conn=", 0) == 0) return line.substr(5);
  return "";
}

// Runs SQL on the store's database directly (not through peta).
inline void raw_sql(const std::string& path, const std::string& sql) {
  ensure_gdal_registered();
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
  ASSERT_TRUE(ds) << path;
  CPLErrorReset();
  OGRLayer* r = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
  if (r) ds->ReleaseResultSet(r);
  ASSERT_LT(CPLGetLastErrorType(), CE_Failure) << sql << ": " << CPLGetLastErrorMsg();
}

// Imports `rows` in batches of `batch` (as the findings stage hands them on) in one session and commits it; the
// import's counts must add up. The session's rejections go to `rejections` when given.
inline store::ImportSummary import_in_batches(store::FindingStore& finding_store, const store::ImportOptions& options,
                                              const std::vector<store::StoreFinding>& rows, std::size_t batch,
                                              std::vector<store::StoreRejection>* rejections = nullptr) {
  auto session = finding_store.begin_import(options);
  for (std::size_t i = 0; i < rows.size(); i += batch)
    session->add(std::vector<store::StoreFinding>(rows.begin() + i, rows.begin() + std::min(rows.size(), i + batch)));
  if (rejections) *rejections = session->rejections();
  auto s = session->commit();
  EXPECT_TRUE(s.adds_up());
  return s;
}

// The store a test of `backend` ("GeoPackage" or "PostGIS") works on: temuan.gpkg in a fresh folder named `prefix`
// and the test's name, or the ctest fixture's PostGIS database (with peta's tables dropped when `fresh`). Empty
// when there is no PostgreSQL cluster: the caller skips (PETA_SKIP_WITHOUT_STORE), and when PETA_TEST_PG_REQUIRED
// is set that is a failure too.
inline std::string store_for_backend(const std::string& backend, const std::string& prefix, bool fresh = true) {
  if (backend == "PostGIS") {
    std::string path = pg_connection();
    if (path.empty()) {
      if (std::getenv("PETA_TEST_PG_REQUIRED")) ADD_FAILURE() << "PETA_TEST_PG_REQUIRED is set but no cluster is running";
      return "";
    }
    if (fresh) raw_sql(path, "DROP TABLE IF EXISTS temuan, ruas, riwayat, impor, peta_skema CASCADE");
    return path;
  }
  std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  std::replace(name.begin(), name.end(), '/', '_');
  return temp_dir(prefix + name) + "/temuan.gpkg";
}
#define PETA_SKIP_WITHOUT_STORE(path) \
  if ((path).empty()) GTEST_SKIP() << "no PostgreSQL test cluster here (ctest runs these in test store_postgis, with its fixture)"

// Opened for update, as QGIS opens a layer it may edit: after a killed import, SQLite must roll back the hot
// journal it left, which a read-only connection cannot do ("attempt to write a readonly database").
inline long long raw_count(const std::string& path, const std::string& table) {
  ensure_gdal_registered();
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
  if (!ds) return -1;
  long long n = -1;
  OGRLayer* r = ds->ExecuteSQL(("SELECT COUNT(*) FROM " + table).c_str(), nullptr, nullptr);
  if (r) {
    if (auto f = std::unique_ptr<OGRFeature>(r->GetNextFeature())) n = f->GetFieldAsInteger64(0);
    ds->ReleaseResultSet(r);
  }
  return n;
}

// A real desa of Probolinggo: its code, its kecamatan's code and a point inside it.
struct RealDesa {
  std::string code, kecamatan;
  double lon = 0, lat = 0;
};

inline const std::vector<RealDesa>& real_desa() {
  static const std::vector<RealDesa> desa = [] {
    ensure_gdal_registered();
    std::vector<RealDesa> out;
    GDALDatasetUniquePtr ds(GDALDataset::Open(data("probolinggo/desa.geojson").c_str(), GDAL_OF_VECTOR));
    if (!ds) return out;
    for (auto& f : *ds->GetLayer(0)) {
      OGRGeometryH inside = OGR_G_PointOnSurface(OGRGeometry::ToHandle(f->GetGeometryRef()));
      if (!inside) continue;
      out.push_back({f->GetFieldAsString("kode"), f->GetFieldAsString("kode_kec"), OGR_G_GetX(inside, 0),
                     OGR_G_GetY(inside, 0)});
      OGR_G_DestroyGeometry(inside);
    }
    return out;
  }();
  return desa;
}

// Finding number `n` of a plain CSV export (id column "id"), in real desa number n % 330.
inline store::StoreFinding sample_finding(int n, const std::string& note = "") {
  const auto& desa = real_desa();
  const RealDesa& d = desa[static_cast<std::size_t>(n) % desa.size()];
  static const char* categories[] = {"jalan_rusak", "stunting", "akses_sekolah", "kemiskinan", "layanan_publik", "potensi"};
  store::StoreFinding f;
  f.source_file = "ekspor.csv";
  f.source_row = n + 1;
  f.id = "T" + std::to_string(n);
  f.category = categories[n % 6];
  f.date = "2026-0" + std::to_string(1 + n % 9) + "-1" + std::to_string(n % 10);
  f.lon = d.lon;
  f.lat = d.lat;
  f.has_point = true;
  f.desa_code = d.code;
  f.kecamatan_code = d.kecamatan;
  f.values = {{"id", f.id}, {"kategori", f.category}, {"tanggal", f.date}, {"tingkat", n % 3 ? "sedang" : "berat"},
              {"keterangan", note.empty() ? "temuan nomor " + std::to_string(n) : note}};
  return f;
}

// Segment number `n` (a damaged road, id "S<n>"): two parts from real desa number n % 330's inner point, about
// 150 m and 110 m long, as a line source's row would bring it (category jalan_rusak).
inline store::StoreFinding sample_segment(int n, const std::string& note = "") {
  store::StoreFinding f = sample_finding(n, note.empty() ? "ruas nomor " + std::to_string(n) : note);
  f.id = "S" + std::to_string(n);
  f.category = "jalan_rusak";
  f.values = {{"id", f.id}, {"kategori", f.category}, {"tanggal", f.date}, {"keterangan", f.values.back().second}};
  f.has_point = false;
  f.lines = {{{f.lon, f.lat}, {f.lon + 0.001, f.lat + 0.001}}, {{f.lon, f.lat - 0.001}, {f.lon + 0.001, f.lat - 0.001}}};
  f.length_m = 100.0 + n;
  f.lon = f.lat = 0;
  return f;
}

inline std::vector<store::StoreFinding> sample_segments(int from, int to) {
  std::vector<store::StoreFinding> v;
  for (int n = from; n < to; ++n) v.push_back(sample_segment(n));
  return v;
}

inline std::vector<store::StoreFinding> sample_findings(int from, int to) {
  std::vector<store::StoreFinding> v;
  for (int n = from; n < to; ++n) v.push_back(sample_finding(n));
  return v;
}

}  // namespace peta::test
