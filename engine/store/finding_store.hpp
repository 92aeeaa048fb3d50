#pragma once
// The findings store behind one interface: a GeoPackage file (`*.gpkg`) or PostgreSQL/PostGIS (`PG:...`).
// Layers: `temuan` (points, editable in QGIS), `ruas` (line findings: damaged road segments, MultiLineString,
// the same columns and panjang_m), `riwayat` (history of both), `impor` (import records), `peta_skema`
// (schema version). Points and segments share one identity space: an id_temuan is in one of the two layers. Every write is one transaction; one writer at a time (a lock: flock on the GeoPackage
// file, a PostgreSQL advisory lock), a second one is refused with a clear message.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "store/opd_mapping.hpp"
#include "store/store_types.hpp"

namespace peta::store {

// 2: `id_sumber` (the id as the source wrote it; id_temuan may be "kunci:id").
// 3: the `ruas` layer (line findings) and `impor.ruas` (segments among the rows read).
inline constexpr int kSchemaVersion = 3;

struct ImportOptions {
  std::string file;        // the imported file (import record)
  // The source key (the project source's "kunci", else its file name without folder): the source a cumulative
  // export belongs to, and with the source's id the identity of a finding. Empty: the file's name without folder.
  std::string source;
  // Identity (source, id): new findings' ids are written "source:id" and found so (a project with several
  // sources, whose forms may both number 1, 2, 3). A finding of this source stored before with its bare id (a
  // store of schema 1, or of a one-source project) is still found by it and keeps it. false: the bare id is the
  // identity (one source: the key is the same for every row).
  bool prefix_ids = false;
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
  // Every segment (layer `ruas`, kind line, with its parts), one at a time, as scan() does for the points.
  virtual void scan_lines(const std::function<void(const StoredFinding&)>& visit) = 0;
  // Every point finding in memory (about 0.9 KB each): for small stores and tests; large ones use scan().
  std::vector<StoredFinding> findings() {
    std::vector<StoredFinding> out;
    scan([&](const StoredFinding& f) { out.push_back(f); });
    return out;
  }
  // Every segment in memory.
  std::vector<StoredFinding> segments() {
    std::vector<StoredFinding> out;
    scan_lines([&](const StoredFinding& f) { out.push_back(f); });
    return out;
  }
  // How many findings, points and segments, have each status (one GROUP BY, not every finding in memory);
  // "tidak_di_sumber" counts the findings flagged as missing from their source, "ruas" the segments among them.
  virtual std::map<std::string, long long> status_counts() = 0;
  virtual std::vector<HistoryEntry> history(const std::string& id = "") = 0;
  // The status changes (history kinds status and edit_langsung), in recording order, of the findings with a change
  // dated after `after` (YYYY-MM-DD); of every finding when `after` is empty. What StatusTimeline reads to show a
  // finding's status on a past date.
  virtual std::vector<HistoryEntry> status_changes(const std::string& after = "") = 0;
  virtual std::vector<ImportRecord> imports() = 0;
  // Text that changes whenever the store's content may have changed (an import, a status change, an edit in
  // QGIS): a reader that keeps answers computed from the store compares it and recomputes once after a change.
  // GeoPackage: the file's (and its -wal's) modification time and size, no SQL; PostGIS: the last import and
  // history row and the server's row-change counters of the store's tables. Cheap, but not free: check it at
  // most every so often, not per request.
  virtual std::string change_token() = 0;
};

// Today's date in UTC as YYYY-MM-DD, and the time as ISO 8601.
std::string today_utc();
std::string now_utc();

}  // namespace peta::store
