#pragma once
// The one implementation of FindingStore over GDAL/OGR, for both backends: the GPKG driver (SQLite) and the
// PostgreSQL driver. Private to engine/store.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/finding_store.hpp"
#include "store/store_lock.hpp"

namespace peta::store {

enum class Backend { geopackage, postgis };

// The columns of a findings layer (`temuan`, `ruas`), by index in its definition.
struct TemuanFields {
  int id, source, row, uuid, category, date, desa, kecamatan, placed_by, flags, values, fingerprint, status,
      recorded_status, status_date, first_seen, opd, due_date, not_in_source, source_id;
  int length = -1;  // ruas: panjang_m
};

class OgrStore : public FindingStore {
 public:
  OgrStore(std::string path, Backend backend);
  ~OgrStore() override;

  const std::string& path() const override { return path_; }
  int schema_version() override;
  std::unique_ptr<ImportSession> begin_import(const ImportOptions& options) override;
  std::vector<StatusOutcome> change_status(const std::vector<StatusRequest>& requests, const std::string& today) override;
  std::vector<DirectEdit> reconcile_direct_edits(const std::string& today) override;
  void scan(const std::function<void(const StoredFinding&)>& visit) override;
  void scan_lines(const std::function<void(const StoredFinding&)>& visit) override;
  std::map<std::string, long long> status_counts() override;
  std::vector<HistoryEntry> history(const std::string& id) override;
  std::vector<HistoryEntry> status_changes(const std::string& after) override;
  std::vector<ImportRecord> imports() override;
  std::string change_token() override;

  // Used by the import session and the status changes.
  Backend backend() const { return backend_; }
  GDALDataset& dataset() { return *ds_; }
  OGRLayer& temuan() { return layer(FindingKind::point); }
  // The findings layer of a kind: `temuan` or `ruas`.
  OGRLayer& layer(FindingKind kind);
  const TemuanFields& fields(FindingKind kind = FindingKind::point) const {
    return kind == FindingKind::line ? ruas_fields_ : fields_;
  }
  // Runs a statement that returns no rows; throws peta::Error naming the store on failure.
  void execute(const std::string& sql);
  // Runs a query and calls `row` for each feature.
  template <class F>
  void query(const std::string& sql, F&& row) {
    CPLErrorReset();
    OGRLayer* result = ds_->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (!result) {
      if (CPLGetLastErrorType() >= CE_Failure) fail(sql);
      return;
    }
    struct Release {
      GDALDataset* ds;
      OGRLayer* l;
      ~Release() { ds->ReleaseResultSet(l); }
    } release{ds_.get(), result};
    for (auto& feature : *result) row(*feature);
    if (CPLGetLastErrorType() >= CE_Failure) fail(sql);
  }
  void begin();
  void commit();
  void rollback();
  // The writer lock (GeoPackage: flock; PostGIS: advisory lock); released by the returned guard.
  std::shared_ptr<void> lock_for_writing();
  void add_history(const HistoryEntry& e);
  [[noreturn]] void fail(const std::string& what);

 private:
  void open_dataset();
  void ensure_schema();
  void create_schema();
  void migrate(int from_version);
  void resolve_fields();
  void scan_layer(FindingKind kind, const std::function<void(const StoredFinding&)>& visit);
  void create_ruas_layer();

  std::string path_;
  Backend backend_;
  GDALDatasetUniquePtr ds_;
  TemuanFields fields_{}, ruas_fields_{};
  bool writing_ = false;  // one session or status change at a time per store object
  friend class WritingGuard;
 public:
  bool& writing_flag() { return writing_; }
};

// A query result's fid: SQLite (GPKG) turns a selected `fid` into the feature's FID, PostgreSQL keeps it a field.
inline std::int64_t fid_of(OGRFeature& f) {
  const int i = f.GetFieldIndex("fid");
  return i >= 0 ? f.GetFieldAsInteger64(i) : f.GetFID();
}
// A result field by name ("" / 0 when absent), since a selected fid may or may not be a field.
inline std::string text_of(OGRFeature& f, const char* name) {
  const int i = f.GetFieldIndex(name);
  return i >= 0 ? f.GetFieldAsString(i) : std::string();
}
inline long long integer_of(OGRFeature& f, const char* name) {
  const int i = f.GetFieldIndex(name);
  return i >= 0 ? f.GetFieldAsInteger64(i) : 0;
}

// SQL text literal: 'it''s'.
std::string sql_literal(const std::string& s);

}  // namespace peta::store
