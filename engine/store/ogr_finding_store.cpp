#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <sys/stat.h>

#include "core/error.hpp"
#include "core/gdal_init.hpp"
#include "store/ogr_store.hpp"

namespace peta::store {
namespace {

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// The advisory lock key of the PostGIS store (any constant; "peta" in ASCII).
constexpr const char* kAdvisoryKey = "1885697121";

// The PostGIS schema, as plain DDL (the PG driver would create the same through OGR, but deferred, and we need
// the unique index and the defaults at once). The geometry column has a GiST index, so QGIS opens `temuan`
// (and `ruas`) as an ordinary editable layer.
const char* kPostgisSchema = R"sql(
CREATE TABLE peta_skema (fid serial PRIMARY KEY, versi integer NOT NULL);
CREATE TABLE riwayat (
  fid bigserial PRIMARY KEY, id_temuan text NOT NULL, waktu text, jenis text, tanggal text,
  dari text, ke text, oleh text, catatan text, isi_lama text);
CREATE INDEX riwayat_id_temuan_idx ON riwayat (id_temuan);
CREATE TABLE impor (
  fid bigserial PRIMARY KEY, berkas text, sumber text, waktu text, sha256 text, rows_read bigint, baru bigint,
  tidak_berubah bigint, diperbarui bigint, duplikat bigint, ditolak bigint, tidak_di_sumber bigint,
  kembali_di_sumber bigint, ruas bigint);
)sql";

// One findings table: `temuan` (points) or `ruas` (segments, with their length): the same columns, indexes and
// defaults, so one import and status code path serves both.
std::string postgis_findings_table(FindingKind kind) {
  const std::string t = kind_table(kind);
  const std::string geometry = kind == FindingKind::line ? "MultiLineString" : "Point";
  return "CREATE TABLE " + t + " (\n  fid bigserial PRIMARY KEY, geom geometry(" + geometry + ", 4326),\n" +
         "  id_temuan text NOT NULL, sumber text, baris bigint, uuid text, kategori text, tanggal text,\n"
         "  kode_desa text, kode_kec text, cara text, flags text, nilai text, sidik text,\n"
         "  status text NOT NULL DEFAULT 'baru', status_tercatat text NOT NULL DEFAULT 'baru', tanggal_status text,\n"
         "  pertama_dilihat text, opd text, tenggat text, tidak_di_sumber integer NOT NULL DEFAULT 0, id_sumber text" +
         (kind == FindingKind::line ? ", panjang_m double precision" : "") + ");\n" +
         "CREATE UNIQUE INDEX " + t + "_id_temuan_idx ON " + t + " (id_temuan);\n" +
         "CREATE INDEX " + t + "_id_sumber_idx ON " + t + " (id_sumber) WHERE id_sumber IS NOT NULL;\n" +
         "CREATE INDEX " + t + "_geom_idx ON " + t + " USING gist (geom);\n";
}

struct FieldSpec {
  const char* name;
  OGRFieldType type;
  const char* default_value = nullptr;  // SQL default, e.g. "'baru'"
};

const std::vector<FieldSpec>& temuan_specs() {
  static const std::vector<FieldSpec> s = {
      {"id_temuan", OFTString}, {"sumber", OFTString}, {"baris", OFTInteger64}, {"uuid", OFTString},
      {"kategori", OFTString}, {"tanggal", OFTString}, {"kode_desa", OFTString}, {"kode_kec", OFTString},
      {"cara", OFTString}, {"flags", OFTString}, {"nilai", OFTString}, {"sidik", OFTString},
      {"status", OFTString, "'baru'"}, {"status_tercatat", OFTString, "'baru'"}, {"tanggal_status", OFTString},
      {"pertama_dilihat", OFTString}, {"opd", OFTString}, {"tenggat", OFTString},
      {"tidak_di_sumber", OFTInteger, "0"}, {"id_sumber", OFTString}};
  return s;
}

// `ruas`: the columns of `temuan` and the segment's length inside the desa (m, EPSG:32749).
std::vector<FieldSpec> ruas_specs() {
  std::vector<FieldSpec> s = temuan_specs();
  s.push_back({"panjang_m", OFTReal});
  return s;
}

const std::vector<FieldSpec>& riwayat_specs() {
  static const std::vector<FieldSpec> s = {
      {"id_temuan", OFTString}, {"waktu", OFTString}, {"jenis", OFTString}, {"tanggal", OFTString},
      {"dari", OFTString}, {"ke", OFTString}, {"oleh", OFTString}, {"catatan", OFTString}, {"isi_lama", OFTString}};
  return s;
}

const std::vector<FieldSpec>& impor_specs() {
  static const std::vector<FieldSpec> s = {
      {"berkas", OFTString}, {"sumber", OFTString}, {"waktu", OFTString}, {"sha256", OFTString},
      {"rows_read", OFTInteger64}, {"baru", OFTInteger64}, {"tidak_berubah", OFTInteger64},
      {"diperbarui", OFTInteger64}, {"duplikat", OFTInteger64}, {"ditolak", OFTInteger64},
      {"tidak_di_sumber", OFTInteger64}, {"kembali_di_sumber", OFTInteger64}, {"ruas", OFTInteger64}};
  return s;
}

void create_gpkg_layer(GDALDataset& ds, const char* name, OGRwkbGeometryType type,
                       const std::vector<FieldSpec>& specs, const std::string& path) {
  OGRSpatialReference wgs84;
  wgs84.importFromEPSG(4326);
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  const char* options[] = {"FID=fid", "GEOMETRY_NAME=geom", nullptr};
  OGRLayer* layer = ds.CreateLayer(name, type == wkbNone ? nullptr : &wgs84, type, const_cast<char**>(options));
  if (!layer) throw Error("store " + quote(path) + ": cannot create layer " + name + ": " + CPLGetLastErrorMsg());
  for (const auto& spec : specs) {
    OGRFieldDefn f(spec.name, spec.type);
    if (spec.default_value) {
      f.SetDefault(spec.default_value);
      f.SetNullable(false);
    }
    if (layer->CreateField(&f) != OGRERR_NONE)
      throw Error("store " + quote(path) + ": cannot create field " + name + "." + spec.name);
  }
}

}  // namespace

std::string sql_literal(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') q += '\'';
    if (c == '\0') continue;
    q += c;
  }
  return q + "'";
}

std::string today_utc() { return now_utc().substr(0, 10); }

std::string now_utc() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::unique_ptr<FindingStore> FindingStore::open(const std::string& path) {
  if (path.rfind("PG:", 0) == 0) return std::make_unique<OgrStore>(path, Backend::postgis);
  if (ends_with(path, ".gpkg") || ends_with(path, ".GPKG")) return std::make_unique<OgrStore>(path, Backend::geopackage);
  throw Error("store " + quote(path) + ": expected a GeoPackage file (*.gpkg) or a PostgreSQL connection (PG:...)");
}

OgrStore::OgrStore(std::string path, Backend backend) : path_(std::move(path)), backend_(backend) {
  ensure_gdal_registered();
  if (backend_ == Backend::postgis) {
    // COPY instead of one INSERT a row for new findings (GDAL's PG driver; ended before any other statement).
    CPLSetConfigOption("PG_USE_COPY", "YES");
  }
  if (backend_ == Backend::geopackage && !std::filesystem::exists(path_)) {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!driver) throw Error("GDAL has no GPKG driver");
    GDALDatasetUniquePtr created(driver->Create(path_.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!created) throw Error("store " + quote(path_) + ": cannot create: " + CPLGetLastErrorMsg());
  }
  open_dataset();
  ensure_schema();
}

OgrStore::~OgrStore() = default;

void OgrStore::open_dataset() {
  ds_.reset();
  // SQLite's page cache bounds the speed of a million inserts into the table, its id index and the R-tree
  // (as for the GeoPackage writer): up to 128 MB, allocated only as used, unless the user set OGR_SQLITE_CACHE.
  const bool user_cache = CPLGetConfigOption("OGR_SQLITE_CACHE", nullptr) != nullptr;
  if (backend_ == Backend::geopackage && !user_cache) CPLSetThreadLocalConfigOption("OGR_SQLITE_CACHE", "128");
  struct RestoreCache {
    bool restore;
    ~RestoreCache() {
      if (restore) CPLSetThreadLocalConfigOption("OGR_SQLITE_CACHE", nullptr);
    }
  } restore{backend_ == Backend::geopackage && !user_cache};
  const char* pg_options[] = {"LIST_ALL_TABLES=NO", nullptr};
  ds_.reset(GDALDataset::Open(path_.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr,
                              backend_ == Backend::postgis ? pg_options : nullptr, nullptr));
  if (!ds_) throw Error("store " + quote(path_) + ": cannot open: " + CPLGetLastErrorMsg());
}

[[noreturn]] void OgrStore::fail(const std::string& what) {
  throw Error("store " + quote(path_) + ": " + what + ": " + CPLGetLastErrorMsg());
}

void OgrStore::execute(const std::string& sql) {
  CPLErrorReset();
  OGRLayer* result = ds_->ExecuteSQL(sql.c_str(), nullptr, nullptr);
  if (result) ds_->ReleaseResultSet(result);
  if (CPLGetLastErrorType() >= CE_Failure) fail(sql.substr(0, 200));
}

void OgrStore::begin() {
  if (ds_->StartTransaction(TRUE) != OGRERR_NONE) fail("cannot start a transaction");
}
void OgrStore::commit() {
  if (ds_->CommitTransaction() != OGRERR_NONE) fail("cannot commit");
}
void OgrStore::rollback() {
  CPLErrorReset();
  ds_->RollbackTransaction();
}

std::shared_ptr<void> OgrStore::lock_for_writing() {
  if (writing_) throw Error("store " + quote(path_) + ": an import or status change is already open on it");
  if (backend_ == Backend::geopackage) {
    auto lock = std::make_shared<FileLock>(path_);
    writing_ = true;
    return std::shared_ptr<void>(lock.get(), [this, lock](void*) mutable {
      writing_ = false;
      lock.reset();
    });
  }
  bool got = false;
  query(std::string("SELECT pg_try_advisory_lock(") + kAdvisoryKey + ") AS got",
        [&](OGRFeature& f) { got = f.GetFieldAsInteger(0) != 0 || std::string(f.GetFieldAsString(0)) == "t"; });
  if (!got)
    throw Error("store " + quote(path_) +
                ": another import or status change is running on it (locked); try again when it has finished");
  writing_ = true;
  return std::shared_ptr<void>(this, [this](void*) {
    writing_ = false;
    CPLErrorReset();
    OGRLayer* r = ds_->ExecuteSQL((std::string("SELECT pg_advisory_unlock(") + kAdvisoryKey + ")").c_str(), nullptr, nullptr);
    if (r) ds_->ReleaseResultSet(r);
  });
}

OGRLayer& OgrStore::layer(FindingKind kind) {
  OGRLayer* l = ds_->GetLayerByName(kind_table(kind));
  if (!l) fail(std::string("no layer ") + kind_table(kind));
  return *l;
}

void OgrStore::resolve_fields() {
  for (FindingKind kind : {FindingKind::point, FindingKind::line}) {
    OGRFeatureDefn* d = layer(kind).GetLayerDefn();
    auto idx = [&](const char* name) {
      int i = d->GetFieldIndex(name);
      if (i < 0) throw Error("store " + quote(path_) + ": layer " + kind_table(kind) + " has no field " + name);
      return i;
    };
    TemuanFields f{idx("id_temuan"), idx("sumber"), idx("baris"), idx("uuid"), idx("kategori"),
                   idx("tanggal"), idx("kode_desa"), idx("kode_kec"), idx("cara"), idx("flags"),
                   idx("nilai"), idx("sidik"), idx("status"), idx("status_tercatat"),
                   idx("tanggal_status"), idx("pertama_dilihat"), idx("opd"), idx("tenggat"),
                   idx("tidak_di_sumber"), idx("id_sumber")};
    if (kind == FindingKind::line) {
      f.length = idx("panjang_m");
      ruas_fields_ = f;
    } else {
      fields_ = f;
    }
  }
}

int OgrStore::schema_version() {
  int version = -1;
  query("SELECT MAX(versi) AS versi FROM peta_skema", [&](OGRFeature& f) { version = f.GetFieldAsInteger(0); });
  return version;
}

void OgrStore::ensure_schema() {
  if (!ds_->GetLayerByName("peta_skema")) {
    if (ds_->GetLayerByName("temuan"))
      throw Error("store " + quote(path_) + ": has a layer temuan but no peta_skema: not a peta store");
    create_schema();
    open_dataset();
  }
  const int version = schema_version();
  if (version > kSchemaVersion)
    throw Error("store " + quote(path_) + ": schema version " + std::to_string(version) +
                " is newer than this peta understands (" + std::to_string(kSchemaVersion) +
                "); use a newer peta");
  if (version < kSchemaVersion) {
    migrate(version);
    open_dataset();  // the layer definitions as the migration left them
  }
  resolve_fields();
}

void OgrStore::create_schema() {
  auto guard = lock_for_writing();
  begin();
  try {
    if (backend_ == Backend::postgis) {
      execute("CREATE EXTENSION IF NOT EXISTS postgis");
      execute(kPostgisSchema);
      execute(postgis_findings_table(FindingKind::point));
    } else {
      create_gpkg_layer(*ds_, "peta_skema", wkbNone, {{"versi", OFTInteger}}, path_);
      create_gpkg_layer(*ds_, "temuan", wkbPoint, temuan_specs(), path_);
      create_gpkg_layer(*ds_, "riwayat", wkbNone, riwayat_specs(), path_);
      create_gpkg_layer(*ds_, "impor", wkbNone, impor_specs(), path_);
      execute("CREATE UNIQUE INDEX temuan_id_temuan_idx ON temuan (id_temuan)");
      // Partial: only the "kunci:id" findings have an id_sumber (NULL: the same as id_temuan).
      execute("CREATE INDEX temuan_id_sumber_idx ON temuan (id_sumber) WHERE id_sumber IS NOT NULL");
      execute("CREATE INDEX riwayat_id_temuan_idx ON riwayat (id_temuan)");
    }
    create_ruas_layer();
    execute("INSERT INTO peta_skema (versi) VALUES (" + std::to_string(kSchemaVersion) + ")");
    commit();
  } catch (...) {
    rollback();
    throw;
  }
}

// Forward migrations, one step a version: version v -> v + 1, all in one transaction. A store without a version
// row (-1 or 0) is a version 1 store.
void OgrStore::migrate(int from_version) {
  auto guard = lock_for_writing();
  begin();
  try {
    for (int v = std::max(from_version, 1); v < kSchemaVersion; ++v) {
      if (v == 1) {
        // 1 -> 2: id_sumber, the id as the source wrote it when id_temuan is "kunci:id". A finding of schema 1
        // was stored under the source's id, so it keeps its id_temuan (its identity) and id_sumber stays NULL.
        if (backend_ == Backend::postgis) {
          execute("ALTER TABLE temuan ADD COLUMN IF NOT EXISTS id_sumber text");
        } else if (temuan().GetLayerDefn()->GetFieldIndex("id_sumber") < 0) {
          OGRFieldDefn field("id_sumber", OFTString);
          if (temuan().CreateField(&field) != OGRERR_NONE) fail("cannot add field temuan.id_sumber");
        }
        execute("CREATE INDEX IF NOT EXISTS temuan_id_sumber_idx ON temuan (id_sumber) WHERE id_sumber IS NOT NULL");
      }
      if (v == 2) {
        // 2 -> 3: line findings. The `ruas` layer (empty: a store of schema 2 held no segment) and impor.ruas
        // (NULL for the earlier imports, which stored none).
        if (!ds_->GetLayerByName("ruas")) create_ruas_layer();
        if (backend_ == Backend::postgis) {
          execute("ALTER TABLE impor ADD COLUMN IF NOT EXISTS ruas bigint");
        } else if (OGRLayer* impor = ds_->GetLayerByName("impor"); impor && impor->GetLayerDefn()->GetFieldIndex("ruas") < 0) {
          OGRFieldDefn field("ruas", OFTInteger64);
          if (impor->CreateField(&field) != OGRERR_NONE) fail("cannot add field impor.ruas");
        }
      }
    }
    execute("DELETE FROM peta_skema");
    execute("INSERT INTO peta_skema (versi) VALUES (" + std::to_string(kSchemaVersion) + ")");
    commit();
  } catch (...) {
    rollback();
    throw;
  }
}

// The `ruas` layer: the columns of `temuan` and panjang_m, MultiLineString in EPSG:4326, the same indexes.
void OgrStore::create_ruas_layer() {
  if (backend_ == Backend::postgis) {
    execute(postgis_findings_table(FindingKind::line));
    return;
  }
  create_gpkg_layer(*ds_, "ruas", wkbMultiLineString, ruas_specs(), path_);
  execute("CREATE UNIQUE INDEX ruas_id_temuan_idx ON ruas (id_temuan)");
  execute("CREATE INDEX ruas_id_sumber_idx ON ruas (id_sumber) WHERE id_sumber IS NOT NULL");
}

void OgrStore::add_history(const HistoryEntry& e) {
  execute("INSERT INTO riwayat (id_temuan, waktu, jenis, tanggal, dari, ke, oleh, catatan, isi_lama) VALUES (" +
          sql_literal(e.id) + ", " + sql_literal(e.time.empty() ? now_utc() : e.time) + ", " + sql_literal(e.kind) +
          ", " + sql_literal(e.date) + ", " + sql_literal(e.from_status) + ", " + sql_literal(e.to_status) + ", " +
          sql_literal(e.who) + ", " + sql_literal(e.note) + ", " + sql_literal(e.old_content) + ")");
}

void OgrStore::scan(const std::function<void(const StoredFinding&)>& visit) { scan_layer(FindingKind::point, visit); }

void OgrStore::scan_lines(const std::function<void(const StoredFinding&)>& visit) { scan_layer(FindingKind::line, visit); }

void OgrStore::scan_layer(FindingKind kind, const std::function<void(const StoredFinding&)>& visit) {
  OGRLayer& layer = this->layer(kind);
  layer.ResetReading();
  const auto& x = fields(kind);
  StoredFinding s;  // one, reused: its strings keep their capacity from row to row
  s.kind = kind;
  for (auto& f : layer) {
    s.lon = s.lat = 0;
    s.lines.clear();
    s.fid = f->GetFID();
    s.id = f->GetFieldAsString(x.id);
    s.source = f->GetFieldAsString(x.source);
    s.source_row = f->GetFieldAsInteger64(x.row);
    s.uuid = f->GetFieldAsString(x.uuid);
    s.category = f->GetFieldAsString(x.category);
    s.date = f->GetFieldAsString(x.date);
    if (const OGRGeometry* g = f->GetGeometryRef(); g && !g->IsEmpty()) {
      const auto type = wkbFlatten(g->getGeometryType());
      if (type == wkbPoint) {
        s.lon = g->toPoint()->getX();
        s.lat = g->toPoint()->getY();
      } else if (type == wkbLineString || type == wkbMultiLineString) {
        auto add_part = [&](const OGRLineString& part) {
          LineString line;
          line.reserve(static_cast<std::size_t>(part.getNumPoints()));
          for (int i = 0; i < part.getNumPoints(); ++i) line.push_back({part.getX(i), part.getY(i)});
          s.lines.push_back(std::move(line));
        };
        if (type == wkbLineString) add_part(*g->toLineString());
        else
          for (const OGRLineString* part : *g->toMultiLineString()) add_part(*part);
      }
    }
    s.length_m = x.length >= 0 ? f->GetFieldAsDouble(x.length) : 0;
    s.desa_code = f->GetFieldAsString(x.desa);
    s.kecamatan_code = f->GetFieldAsString(x.kecamatan);
    s.placed_by = f->GetFieldAsString(x.placed_by);
    s.flags = f->GetFieldAsString(x.flags);
    s.values_json = f->GetFieldAsString(x.values);
    s.fingerprint = f->GetFieldAsString(x.fingerprint);
    s.status = f->GetFieldAsString(x.status);
    s.recorded_status = f->GetFieldAsString(x.recorded_status);
    s.status_date = f->GetFieldAsString(x.status_date);
    s.first_seen = f->GetFieldAsString(x.first_seen);
    s.opd = f->GetFieldAsString(x.opd);
    s.due_date = f->GetFieldAsString(x.due_date);
    s.not_in_source = f->GetFieldAsInteger(x.not_in_source) != 0;
    s.source_id = f->IsFieldSetAndNotNull(x.source_id) ? f->GetFieldAsString(x.source_id) : s.id;
    visit(s);
  }
}

std::map<std::string, long long> OgrStore::status_counts() {
  std::map<std::string, long long> counts;
  for (FindingKind kind : {FindingKind::point, FindingKind::line})
    query(std::string("SELECT status, COUNT(*) AS n, SUM(tidak_di_sumber) AS hilang FROM ") + kind_table(kind) +
              " GROUP BY status",
          [&](OGRFeature& f) {
            counts[text_of(f, "status")] += integer_of(f, "n");
            counts["tidak_di_sumber"] += integer_of(f, "hilang");
            if (kind == FindingKind::line) counts["ruas"] += integer_of(f, "n");
          });
  return counts;
}

std::vector<HistoryEntry> OgrStore::history(const std::string& id) {
  std::vector<HistoryEntry> out;
  std::string sql = "SELECT id_temuan, waktu, jenis, tanggal, dari, ke, oleh, catatan, isi_lama FROM riwayat";
  if (!id.empty()) sql += " WHERE id_temuan = " + sql_literal(id);
  sql += " ORDER BY fid";
  query(sql, [&](OGRFeature& f) {
    out.push_back({f.GetFieldAsString(0), f.GetFieldAsString(1), f.GetFieldAsString(2), f.GetFieldAsString(3),
                   f.GetFieldAsString(4), f.GetFieldAsString(5), f.GetFieldAsString(6), f.GetFieldAsString(7),
                   f.GetFieldAsString(8)});
  });
  return out;
}

std::vector<HistoryEntry> OgrStore::status_changes(const std::string& after) {
  std::vector<HistoryEntry> out;
  const std::string kinds = "jenis IN ('status', 'edit_langsung')";
  std::string sql = "SELECT id_temuan, waktu, jenis, tanggal, dari, ke, oleh, catatan FROM riwayat WHERE " + kinds;
  // Dates are stored as YYYY-MM-DD (normalised_date), so text order is date order.
  if (!after.empty())
    sql += " AND id_temuan IN (SELECT id_temuan FROM riwayat WHERE " + kinds + " AND tanggal > " + sql_literal(after) + ")";
  sql += " ORDER BY fid";
  query(sql, [&](OGRFeature& f) {
    out.push_back({f.GetFieldAsString(0), f.GetFieldAsString(1), f.GetFieldAsString(2), f.GetFieldAsString(3),
                   f.GetFieldAsString(4), f.GetFieldAsString(5), f.GetFieldAsString(6), f.GetFieldAsString(7), ""});
  });
  return out;
}

std::string OgrStore::change_token() {
  if (backend_ == Backend::geopackage) {
    // SQLite writes the file (or its -wal) on every commit; a stat is a few microseconds and takes no lock.
    std::string token;
    for (const std::string& file : {path_, path_ + "-wal"}) {
      struct stat st {};
      if (::stat(file.c_str(), &st) != 0) {
        token += "-;";
        continue;
      }
      token += std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec) + ":" +
               std::to_string(st.st_size) + ";";
    }
    return token;
  }
  std::string token;
  query("SELECT (SELECT COALESCE(MAX(fid), 0) FROM impor) || '/' || (SELECT COALESCE(MAX(fid), 0) FROM riwayat) || '/' || "
        "(SELECT COALESCE(SUM(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables "
        "WHERE relname IN ('temuan', 'ruas', 'riwayat', 'impor')) AS token",
        [&](OGRFeature& f) { token = f.GetFieldAsString(0); });
  return token;
}

std::vector<ImportRecord> OgrStore::imports() {
  std::vector<ImportRecord> out;
  query("SELECT fid, berkas, sumber, waktu, sha256, rows_read, baru, tidak_berubah, diperbarui, duplikat, ditolak, "
        "tidak_di_sumber, kembali_di_sumber, ruas FROM impor ORDER BY fid",
        [&](OGRFeature& f) {
          ImportRecord r;
          r.id = fid_of(f);
          r.file = text_of(f, "berkas");
          r.source = text_of(f, "sumber");
          r.time = text_of(f, "waktu");
          r.sha256 = text_of(f, "sha256");
          r.summary.rows_read = integer_of(f, "rows_read");
          r.summary.new_rows = integer_of(f, "baru");
          r.summary.unchanged = integer_of(f, "tidak_berubah");
          r.summary.updated = integer_of(f, "diperbarui");
          r.summary.duplicates = integer_of(f, "duplikat");
          r.summary.rejected = integer_of(f, "ditolak");
          r.summary.not_in_source = integer_of(f, "tidak_di_sumber");
          r.summary.back_in_source = integer_of(f, "kembali_di_sumber");
          r.summary.lines = integer_of(f, "ruas");
          out.push_back(std::move(r));
        });
  return out;
}

}  // namespace peta::store
