// The findings store: import of N findings into a fresh store, then the re-import of the same N (nothing new),
// on GeoPackage and (with --pg) PostGIS; beside the PostGIS figure, PostgreSQL's own COPY of the same rows into
// a plain table plus its GiST index (libpq), the floor the store is compared with.
//   store_bench [--count N] [--dir DIR] [--pg "PG:dbname=... host=... port=..."]
// Prints one line per step: seconds, rows/s, peak RSS of the process so far.
#include <libpq-fe.h>
#include <sys/resource.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "store/finding_identity.hpp"
#include "store/finding_store.hpp"

namespace {

using peta::store::StoreFinding;

const char* const kCategories[] = {"jalan_rusak", "stunting", "akses_sekolah", "kemiskinan", "layanan_publik", "potensi"};

// Finding i of a seeded synthetic export: id, point in the Probolinggo bounding box, five source values.
StoreFinding synthetic(std::size_t i, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> lon(112.9, 113.65), lat(-8.05, -7.65);
  StoreFinding f;
  f.source_file = "bench.csv";
  f.source_row = static_cast<long long>(i) + 2;
  f.id = "B" + std::to_string(i);
  f.category = kCategories[i % 6];
  f.date = "2026-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10);
  f.lon = lon(rng);
  f.lat = lat(rng);
  f.has_point = true;
  f.desa_code = "3513" + std::to_string(100000 + i % 330);
  f.kecamatan_code = f.desa_code.substr(0, 7);
  f.values = {{"id", f.id}, {"kategori", f.category}, {"tanggal", f.date}, {"tingkat", i % 3 ? "sedang" : "berat"},
              {"keterangan", "temuan nomor " + std::to_string(i)}};
  return f;
}

double peak_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024.0;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// CPU time (user + system) of the whole process, every thread: on a shared machine the steadier figure.
double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

double g_cpu = 0;  // CPU seconds of the step being timed (store calls only)

void report(const char* what, std::size_t n, double s) {
  std::printf("%-44s %10zu rows %8.2f s wall %8.2f s CPU %10.0f rows/s  peak %6.0f MB\n", what, n, s, g_cpu, n / s,
              peak_mb());
  std::fflush(stdout);
  g_cpu = 0;
}

// Generated batch by batch, so memory holds one batch, as when the findings stage feeds the import. Only the
// store's time counts (begin, add, commit), not making the synthetic rows: returned in `seconds`.
peta::store::ImportSummary import(peta::store::FindingStore& store, std::size_t n, double& seconds) {
  peta::store::ImportOptions o;
  o.file = "bench.csv";
  o.today = "2026-03-01";
  auto t0 = std::chrono::steady_clock::now();
  double c0 = cpu_seconds();
  auto session = store.begin_import(o);
  seconds = seconds_since(t0);
  g_cpu = cpu_seconds() - c0;
  std::mt19937_64 rng(2026);
  std::vector<StoreFinding> batch;
  for (std::size_t i = 0; i < n; ++i) {
    batch.push_back(synthetic(i, rng));
    if (batch.size() == 10000 || i + 1 == n) {
      t0 = std::chrono::steady_clock::now();
      c0 = cpu_seconds();
      session->add(batch);
      seconds += seconds_since(t0);
      g_cpu += cpu_seconds() - c0;
      batch.clear();
    }
  }
  t0 = std::chrono::steady_clock::now();
  c0 = cpu_seconds();
  auto s = session->commit();
  seconds += seconds_since(t0);
  g_cpu += cpu_seconds() - c0;
  return s;
}

void exec(PGconn* c, const std::string& sql) {
  PGresult* r = PQexec(c, sql.c_str());
  if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK) {
    std::fprintf(stderr, "store_bench: %s: %s\n", sql.c_str(), PQerrorMessage(c));
    std::exit(1);
  }
  PQclear(r);
}

// The same rows and columns as `temuan`, through COPY into a plain table, then a GiST index: in one transaction.
void copy_baseline(const std::string& pg, std::size_t n) {
  PGconn* c = PQconnectdb(pg.substr(3).c_str());
  if (PQstatus(c) != CONNECTION_OK) {
    std::fprintf(stderr, "store_bench: %s\n", PQerrorMessage(c));
    std::exit(1);
  }
  exec(c, "DROP TABLE IF EXISTS bench_copy");
  const auto t0 = std::chrono::steady_clock::now();
  exec(c, "BEGIN");
  exec(c, "CREATE TABLE bench_copy (fid bigserial PRIMARY KEY, geom geometry(Point, 4326), id_temuan text NOT NULL, "
          "sumber text, baris bigint, uuid text, kategori text, tanggal text, kode_desa text, kode_kec text, cara text, "
          "flags text, nilai text, sidik text, status text, status_tercatat text, tanggal_status text, "
          "pertama_dilihat text, opd text, tenggat text, tidak_di_sumber integer)");
  exec(c, "CREATE UNIQUE INDEX bench_copy_id ON bench_copy (id_temuan)");
  PGresult* r = PQexec(c, "COPY bench_copy (geom, id_temuan, sumber, baris, uuid, kategori, tanggal, kode_desa, kode_kec, "
                          "cara, flags, nilai, sidik, status, status_tercatat, tanggal_status, pertama_dilihat, opd, "
                          "tenggat, tidak_di_sumber) FROM STDIN");
  PQclear(r);
  std::mt19937_64 rng(2026);
  std::string buf;
  char point[96];
  double making = 0;  // making the rows' text, not counted: the baseline is PostgreSQL's COPY and index alone
  for (std::size_t i = 0; i < n; ++i) {
    const auto m0 = std::chrono::steady_clock::now();
    StoreFinding f = synthetic(i, rng);
    std::snprintf(point, sizeof point, "SRID=4326;POINT(%.15g %.15g)", f.lon, f.lat);
    // The same derived values the store computes per row (JSON of the values, content digest).
    buf += std::string(point) + "\t" + f.id + "\tbench.csv\t" + std::to_string(f.source_row) + "\t\t" + f.category +
           "\t" + f.date + "\t" + f.desa_code + "\t" + f.kecamatan_code + "\ttitik\t\t" +
           peta::store::values_json(f) + "\t" + peta::store::content_digest(f) +
           "\tbaru\tbaru\t2026-03-01\t2026-03-01\tDinas\t2026-05-01\t0\n";
    making += seconds_since(m0);
    if (buf.size() > (1 << 20) || i + 1 == n) {
      PQputCopyData(c, buf.data(), static_cast<int>(buf.size()));
      buf.clear();
    }
  }
  PQputCopyEnd(c, nullptr);
  r = PQgetResult(c);
  if (PQresultStatus(r) != PGRES_COMMAND_OK) std::fprintf(stderr, "store_bench: COPY: %s\n", PQerrorMessage(c));
  PQclear(r);
  exec(c, "CREATE INDEX bench_copy_geom ON bench_copy USING gist (geom)");
  exec(c, "COMMIT");
  report("PostgreSQL COPY + GiST (libpq, baseline)", n, seconds_since(t0) - making);
  exec(c, "DROP TABLE bench_copy");
  PQfinish(c);
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t n = 1000000;
  std::string dir = std::filesystem::temp_directory_path() / "peta-store-bench";
  std::string pg;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--count")) n = std::strtoull(argv[i + 1], nullptr, 10);
    else if (!std::strcmp(argv[i], "--dir")) dir = argv[i + 1];
    else if (!std::strcmp(argv[i], "--pg")) pg = argv[i + 1];
  }
  try {
    std::filesystem::create_directories(dir);
    const std::string gpkg = dir + "/temuan.gpkg";
    std::filesystem::remove(gpkg);
    {
      auto store = peta::store::FindingStore::open(gpkg);
      double seconds = 0;
      auto s = import(*store, n, seconds);
      report("GeoPackage store: import", n, seconds);
      s = import(*store, n, seconds);
      report("GeoPackage store: re-import (nothing new)", n, seconds);
      if (s.unchanged != static_cast<long long>(n)) std::fprintf(stderr, "store_bench: re-import not all unchanged\n");
    }
    if (!pg.empty()) {
      copy_baseline(pg, n);
      {
        PGconn* c = PQconnectdb(pg.substr(3).c_str());
        exec(c, "DROP TABLE IF EXISTS temuan, riwayat, impor, peta_skema CASCADE");
        PQfinish(c);
      }
      auto store = peta::store::FindingStore::open(pg);
      double seconds = 0;
      import(*store, n, seconds);
      report("PostGIS store: import", n, seconds);
      auto s = import(*store, n, seconds);
      report("PostGIS store: re-import (nothing new)", n, seconds);
      if (s.unchanged != static_cast<long long>(n)) std::fprintf(stderr, "store_bench: re-import not all unchanged\n");
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "store_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
