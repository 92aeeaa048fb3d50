// The import's writes on the GeoPackage store: prepared SQLite statements on GDAL's own connection, inside the
// transaction GDAL opened (so a kill still leaves the store as before or as after), instead of an OGRFeature and
// GDAL's INSERT a row. The R-tree's insert trigger is held back for the import and the new rows indexed at the
// end: in one packed rebuild when they are many (sqlite_rtree_bulk), by the trigger's own statement otherwise.
// The triggers are recreated from their stored text before the commit: the layer stays an ordinary GeoPackage.
#include <sqlite3.h>

#include <cstdio>
#include <memory>

#include <ogr_geometry.h>
#include <vector>

#include "core/error.hpp"
#include "store/gpkg_geometry.hpp"
#include "store/ogr_store.hpp"
#include "store/sqlite_rtree_bulk.hpp"
#include "store/temuan_writer.hpp"

namespace peta::store {
namespace {

class Stmt {
 public:
  Stmt(sqlite3* db, const std::string& sql, const std::string& path) : db_(db), path_(path) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s_, nullptr) != SQLITE_OK) fail();
  }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt& text(int i, std::string_view v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
    return *this;
  }
  Stmt& text_or_null(int i, const std::string& v) {
    if (v.empty()) sqlite3_bind_null(s_, i);
    else text(i, v);
    return *this;
  }
  Stmt& integer(int i, long long v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  Stmt& blob(int i, const std::string& v) {
    if (v.empty()) sqlite3_bind_null(s_, i);
    else sqlite3_bind_blob(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
    return *this;
  }
  // SQLITE_ROW, SQLITE_DONE or SQLITE_CONSTRAINT; anything else throws.
  int step() {
    const int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW || rc == SQLITE_DONE) return rc;
    if ((rc & 0xff) == SQLITE_CONSTRAINT) {
      sqlite3_reset(s_);
      return SQLITE_CONSTRAINT;
    }
    fail();
  }
  void reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  const char* column_text(int i) {
    const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(s_, i));
    return t ? t : "";
  }
  std::string_view column_view(int i) {
    const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(s_, i));
    return t ? std::string_view(t, static_cast<std::size_t>(sqlite3_column_bytes(s_, i))) : std::string_view();
  }
  long long column_int(int i) { return sqlite3_column_int64(s_, i); }
  sqlite3_stmt* get() { return s_; }
  [[noreturn]] void fail() {
    throw Error("store " + quote(path_) + ": " + (s_ ? sqlite3_sql(s_) : "statement") + ": " + sqlite3_errmsg(db_));
  }

 private:
  sqlite3* db_;
  std::string path_;
  sqlite3_stmt* s_ = nullptr;
};

class GpkgTemuanWriter : public TemuanWriter {
 public:
  GpkgTemuanWriter(OgrStore& store, FindingKind kind)
      : store_(store), kind_(kind), table_(kind_table(kind)), rtree_("rtree_" + table_ + "_geom") {
    db_ = static_cast<sqlite3*>(store.dataset().GetInternalHandle("SQLITE_HANDLE"));
    if (!db_) throw Error("store " + quote(store.path()) + ": GDAL gave no SQLite handle for the GeoPackage");
    // A smaller page cache for the import (32 MB instead of the store's 128): the rows are appended, the R-tree
    // is packed at the end, and the in-memory identity table needs the room (10 M findings: 200 MB; peak of the
    // whole import <= 300 MB).
    {
      Stmt s(db_, "PRAGMA cache_size", path());
      if (s.step() == SQLITE_ROW) saved_cache_size_ = s.column_int(0);
    }
    exec("PRAGMA cache_size = -32768");
    {
      Stmt s(db_, "SELECT COUNT(*), COALESCE(MAX(fid), 0) FROM " + table_, path());
      s.step();
      count_ = static_cast<std::size_t>(s.column_int(0));
      max_fid_before_ = s.column_int(1);
    }
    {
      Stmt s(db_, "SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?1", path());
      s.text(1, table_);
      if (s.step() == SQLITE_ROW) srs_id_ = static_cast<std::int32_t>(s.column_int(0));
    }
    // Held back: the R-tree insert trigger and the feature count trigger (a statement each per new row).
    for (const std::string& name : {rtree_ + "_insert", "trigger_insert_feature_count_" + table_}) {
      Stmt s(db_, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", path());
      s.text(1, name);
      if (s.step() == SQLITE_ROW) {
        held_triggers_.emplace_back(name, s.column_text(0));
        exec("DROP TRIGGER \"" + name + "\"");
      }
    }
    // A segment has its length too (?19; ruas only).
    const bool line = kind_ == FindingKind::line;
    insert_ = std::make_unique<Stmt>(
        db_,
        "INSERT INTO " + table_ + " (geom, id_temuan, sumber, baris, uuid, kategori, tanggal, kode_desa, kode_kec, cara, "
        "flags, nilai, sidik, status, status_tercatat, tanggal_status, pertama_dilihat, opd, tenggat, "
        "tidak_di_sumber, id_sumber" + (line ? ", panjang_m" : "") +
            ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 'baru', 'baru', "
            "?14, ?15, ?16, ?17, 0, ?18" + (line ? ", ?19" : "") + ")",
        path());
  }

  ~GpkgTemuanWriter() override {
    insert_.reset();
    if (saved_cache_size_)
      sqlite3_exec(db_, ("PRAGMA cache_size = " + std::to_string(saved_cache_size_)).c_str(), nullptr, nullptr, nullptr);
  }

  std::size_t count() override { return count_; }

  void load(const std::string& source, const KnownRow& row) override {
    Stmt s(db_, "SELECT id_temuan, sidik, sumber = ?1, tidak_di_sumber FROM " + table_, path());
    s.text(1, source);
    while (s.step() == SQLITE_ROW) row(s.column_view(0), s.column_view(1), s.column_int(2) != 0, s.column_int(3) != 0);
  }

  bool insert(const TemuanRow& r) override {
    const StoreFinding& f = *r.finding;
    set_geometry(f);
    Stmt& s = *insert_;
    s.blob(1, point_).text(2, r.id).text(3, r.source).integer(4, f.source_row).text(5, r.uuid).text(6, f.category);
    s.text(7, f.date).text(8, f.desa_code).text(9, f.kecamatan_code).text(10, f.placed_by).text(11, f.flags);
    s.text(12, r.values_json).text(13, r.digest).text(14, r.status_date).text(15, r.first_seen);
    s.text_or_null(16, r.opd).text_or_null(17, r.due_date).text_or_null(18, r.source_id);
    if (kind_ == FindingKind::line) sqlite3_bind_double(s.get(), 19, f.length_m);
    const int rc = s.step();
    s.reset();
    if (rc == SQLITE_CONSTRAINT) return false;
    ++new_rows_;
    if (f.has_point) expand(f.lon, f.lat);
    for (const auto& part : f.lines)
      for (const auto& c : part) expand(c.x, c.y);
    return true;
  }
  bool detects_duplicates() const override { return true; }

  std::optional<Previous> replace_content(const TemuanRow& r) override {
    Stmt old(db_,
             "SELECT sumber, baris, kategori, tanggal, kode_desa, kode_kec, cara, flags, sidik, nilai, status, "
             "geom FROM " + table_ + " WHERE id_temuan = ?1",
             path());
    old.text(1, r.id);
    if (old.step() != SQLITE_ROW) return std::nullopt;
    static const char* names[] = {"sumber", "baris", "kategori", "tanggal", "kode_desa", "kode_kec", "cara", "flags", "sidik", "nilai"};
    Previous p{previous_content_json(
                   [&](const char* name) {
                     for (int i = 0; i < 10; ++i)
                       if (std::string_view(names[i]) == name) return std::string(old.column_text(i));
                     return std::string();
                   },
                   geometry_wkt(old.get(), 11)),
               old.column_text(10)};
    const StoreFinding& f = *r.finding;
    set_geometry(f);
    const bool line = kind_ == FindingKind::line;
    Stmt s(db_,
           "UPDATE " + table_ + " SET geom = ?1, sumber = ?2, baris = ?3, uuid = ?4, kategori = ?5, tanggal = ?6, "
           "kode_desa = ?7, kode_kec = ?8, cara = ?9, flags = ?10, nilai = ?11, sidik = ?12" +
               (line ? ", panjang_m = ?14" : "") + " WHERE id_temuan = ?13",
           path());
    s.blob(1, point_).text(2, r.source).integer(3, f.source_row).text(4, r.uuid).text(5, f.category).text(6, f.date);
    s.text(7, f.desa_code).text(8, f.kecamatan_code).text(9, f.placed_by).text(10, f.flags).text(11, r.values_json);
    s.text(12, r.digest).text(13, r.id);
    if (line) sqlite3_bind_double(s.get(), 14, f.length_m);
    if (s.step() == SQLITE_CONSTRAINT) s.fail();
    if (line) expand_by(f);  // the layer's extent covers the new geometry
    return p;
  }

  void set_not_in_source(const std::string& id, bool missing) override {
    Stmt s(db_, "UPDATE " + table_ + " SET tidak_di_sumber = ?1 WHERE id_temuan = ?2", path());
    s.integer(1, missing ? 1 : 0).text(2, id);
    s.step();
  }

  void scan_source(const std::string& source, const std::function<void(const std::string&)>& visit) override {
    Stmt s(db_, "SELECT id_temuan FROM " + table_ + " WHERE sumber = ?1 AND tidak_di_sumber = 0", path());
    s.text(1, source);
    while (s.step() == SQLITE_ROW) visit(s.column_text(0));
  }

  std::optional<long long> row_of(const std::string& id) override {
    Stmt s(db_, "SELECT baris FROM " + table_ + " WHERE id_temuan = ?1", path());
    s.text(1, id);
    if (s.step() != SQLITE_ROW) return std::nullopt;
    return s.column_int(0);
  }

  std::string id_of_uuid(const std::string& uuid) override {
    Stmt s(db_, "SELECT id_temuan FROM " + table_ + " WHERE uuid = ?1", path());
    s.text(1, uuid);
    return s.step() == SQLITE_ROW ? s.column_text(0) : "";
  }

  void finish() override {
    insert_.reset();
    if (kind_ == FindingKind::line && updated_extent_ && new_rows_ == 0) update_extent();
    if (new_rows_ > 0) {
      // Many new rows: one packed rebuild of the whole tree (reading every point once) is cheaper than inserting
      // them one by one, from about a tenth of the layer on; a few: the insert trigger's own statement.
      if (new_rows_ * 10 >= count_ + new_rows_) {
        rebuild_gpkg_rtree(db_, table_, "fid", "geom", rtree_);
      } else {
        Stmt s(db_,
               "INSERT OR REPLACE INTO " + rtree_ +
                   " SELECT fid, ST_MinX(geom), ST_MaxX(geom), ST_MinY(geom), ST_MaxY(geom) FROM " + table_ +
                   " "
                   "WHERE fid > ?1 AND geom NOT NULL AND NOT ST_IsEmpty(geom)",
               path());
        s.integer(1, max_fid_before_);
        s.step();
      }
      // What the held-back triggers and GDAL would have kept: the feature count and the layer's extent.
      exec("UPDATE gpkg_ogr_contents SET feature_count = feature_count + " + std::to_string(new_rows_) +
           " WHERE lower(table_name) = '" + table_ + "'");
      update_extent();
    }
    for (const auto& [name, sql] : held_triggers_) exec(sql);
    held_triggers_.clear();
  }

 private:
  const std::string& path() const { return store_.path(); }
  // The blob to write: a point, a segment's MultiLineString, or NULL (a finding placed by desa name or code).
  void set_geometry(const StoreFinding& f) {
    if (kind_ == FindingKind::line) point_ = gpkg_lines(f.lines, srs_id_);
    else point_ = f.has_point ? gpkg_point(f.lon, f.lat, srs_id_) : std::string();
  }
  void expand(double x, double y) {
    extent_[0] = std::min(extent_[0], x);
    extent_[1] = std::min(extent_[1], y);
    extent_[2] = std::max(extent_[2], x);
    extent_[3] = std::max(extent_[3], y);
  }
  void expand_by(const StoreFinding& f) {
    for (const auto& part : f.lines)
      for (const auto& c : part) expand(c.x, c.y);
    updated_extent_ = true;
  }
  // What GDAL would have kept: the layer's extent in gpkg_contents, widened by the geometries written.
  void update_extent() {
    if (!(extent_[0] <= extent_[2])) return;
    char sql[512];
    std::snprintf(sql, sizeof sql,
                  "UPDATE gpkg_contents SET min_x = MIN(COALESCE(min_x, %.17g), %.17g), min_y = MIN(COALESCE(min_y, "
                  "%.17g), %.17g), max_x = MAX(COALESCE(max_x, %.17g), %.17g), max_y = MAX(COALESCE(max_y, %.17g), "
                  "%.17g), last_change = strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now') WHERE lower(table_name) = '%s'",
                  extent_[0], extent_[0], extent_[1], extent_[1], extent_[2], extent_[2], extent_[3], extent_[3],
                  table_.c_str());
    exec(sql);
  }
  // WKT of a stored geometry blob (the version an update replaces, kept in the history); "" when empty.
  static std::string geometry_wkt(sqlite3_stmt* s, int column) {
    const auto* blob = static_cast<const unsigned char*>(sqlite3_column_blob(s, column));
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(s, column));
    const auto offset = gpkg_wkb_offset(blob, size);
    if (!offset || (blob[3] & 0x10)) return "";
    OGRGeometry* g = nullptr;
    if (OGRGeometryFactory::createFromWkb(blob + *offset, nullptr, &g, static_cast<int>(size - *offset)) != OGRERR_NONE || !g)
      return "";
    std::unique_ptr<OGRGeometry> owned(g);
    // A point as the store wrote it before lines came (%.15g), so the history's text of a point is unchanged.
    if (wkbFlatten(g->getGeometryType()) == wkbPoint && !g->IsEmpty()) {
      char buf[96];
      std::snprintf(buf, sizeof buf, "POINT (%.15g %.15g)", g->toPoint()->getX(), g->toPoint()->getY());
      return buf;
    }
    return g->exportToWkt();
  }
  void exec(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string m = message ? message : "";
      sqlite3_free(message);
      throw Error("store " + quote(path()) + ": " + sql.substr(0, 200) + ": " + m);
    }
  }

  OgrStore& store_;
  FindingKind kind_;
  std::string table_, rtree_;
  bool updated_extent_ = false;
  sqlite3* db_ = nullptr;
  std::size_t count_ = 0, new_rows_ = 0;
  long long max_fid_before_ = 0, saved_cache_size_ = 0;
  std::int32_t srs_id_ = 4326;
  std::vector<std::pair<std::string, std::string>> held_triggers_;
  std::unique_ptr<Stmt> insert_;
  std::string point_;
  double extent_[4] = {1e300, 1e300, -1e300, -1e300};
};

}  // namespace

std::unique_ptr<TemuanWriter> make_gpkg_writer(OgrStore& store, FindingKind kind) {
  return std::make_unique<GpkgTemuanWriter>(store, kind);
}

}  // namespace peta::store
