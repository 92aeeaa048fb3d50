#pragma once
// The findings store behind one interface: a GeoPackage file (`*.gpkg`) or PostgreSQL/PostGIS (`PG:...`).
// Layers: `temuan` (points, editable in QGIS), `riwayat` (history), `impor` (import records), `peta_skema`
// (schema version). Every write is one transaction; one writer at a time (a lock: flock on the GeoPackage
// file, a PostgreSQL advisory lock), a second one is refused with a clear message.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "store/opd_mapping.hpp"
#include "store/store_types.hpp"

namespace peta::store {

inline constexpr int kSchemaVersion = 1;

struct ImportOptions {
  std::string file;        // the imported file (import record)
  std::string source;      // the source a cumulative export belongs to; empty: the file's name without folder
  std::string sha256;      // the file's checksum (sha256_file), empty if not known
  std::string today;       // YYYY-MM-DD: first-seen date of new findings; empty: today (UTC)
  bool cumulative = true;  // the export holds every submission so far: flag stored findings of this source it lacks
  OpdMapping opd = OpdMapping::defaults();
};

// A streaming import: batches in, one transaction committed by commit(). Destroyed without commit(), it
// rolls back and leaves the store as it was.
class ImportSession {
 public:
  virtual ~ImportSession() = default;
  virtual void add(const std::vector<StoreFinding>& batch) = 0;
  // Rows the findings stage rejected (they are in its rejects file); counted in rows_read and rejected.
  virtual void add_rejected(long long rows) = 0;
  virtual ImportSummary commit() = 0;
  // Rows the store did not take as new or updated content: duplicate ids, rows without a place.
  virtual const std::vector<StoreRejection>& rejections() const = 0;
};

struct StatusRequest {
  std::string id;        // id_temuan
  std::string to;        // the new status
  std::string date;      // YYYY-MM-DD; empty: today
  std::string who;
  std::string note;
  std::string file;      // where the request came from (status file) and its row, for the rejects
  long long row = 0;
};

struct StatusOutcome {
  StatusRequest request;
  bool applied = false;
  std::string field;   // the field at fault when refused: id, status, tanggal
  std::string reason;  // why it was refused
};

// A status edited directly in the layer (as QGIS does), found by reconcile_direct_edits.
struct DirectEdit {
  std::string id;
  std::string from_status;  // as last recorded in the history
  std::string to_status;    // as found in the layer
  bool accepted = false;    // recorded in the history; otherwise reverted to from_status (and recorded as refused)
  std::string reason;
};

class FindingStore {
 public:
  virtual ~FindingStore() = default;
  // Opens the store at `path` (`*.gpkg` or `PG:...`), creating it when it is new; migrates an older schema
  // forward and refuses a newer one with a clear message.
  static std::unique_ptr<FindingStore> open(const std::string& path);

  virtual const std::string& path() const = 0;
  virtual int schema_version() = 0;
  virtual std::unique_ptr<ImportSession> begin_import(const ImportOptions& options) = 0;
  // Applies the requests in one transaction; refused ones change nothing and come back with a reason.
  // `today` is used for requests without a date.
  virtual std::vector<StatusOutcome> change_status(const std::vector<StatusRequest>& requests,
                                                   const std::string& today = "") = 0;
  // Status values changed in the layer without a history row: valid transitions are recorded in the history,
  // invalid ones are reverted and recorded as refused (kind edit_ditolak), never silently lost.
  virtual std::vector<DirectEdit> reconcile_direct_edits(const std::string& today = "") = 0;

  // Every finding, one at a time, in the database's order (not necessarily by fid): memory does not grow with the store (build, query and serve
  // aggregate through this). `visit` gets a reference that is only valid during the call.
  virtual void scan(const std::function<void(const StoredFinding&)>& visit) = 0;
  // Every finding in memory (about 0.9 KB each): for small stores and tests; large ones use scan().
  std::vector<StoredFinding> findings() {
    std::vector<StoredFinding> out;
    scan([&](const StoredFinding& f) { out.push_back(f); });
    return out;
  }
  // How many findings have each status (one GROUP BY, not every finding in memory); "tidak_di_sumber" counts
  // the findings flagged as missing from their source.
  virtual std::map<std::string, long long> status_counts() = 0;
  virtual std::vector<HistoryEntry> history(const std::string& id = "") = 0;
  virtual std::vector<ImportRecord> imports() = 0;
};

// Today's date in UTC as YYYY-MM-DD, and the time as ISO 8601.
std::string today_utc();
std::string now_utc();

}  // namespace peta::store
