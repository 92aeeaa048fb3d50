#pragma once
/// @file store.hpp
/// @brief The project's findings store: import findings, follow their status until they are handled.
///
/// The store (`"store": {"path": ...}` in the project file) is a GeoPackage or a PostgreSQL/PostGIS database.
/// Every write is one transaction, one writer at a time.
#include <map>
#include <string>
#include <vector>

#include "peta/export.hpp"
#include "peta/project.hpp"

namespace peta::api {

/// What import_findings() imports, and how.
struct ImportOptions {
  /// Files to import. Each takes the settings (columns, publish, crs...) of the project's source with the same
  /// path, else those of the project's first source. Empty: every source of the project.
  std::vector<std::string> files;
  /// The form the files are exports of (a later cumulative export lacking a stored finding flags it);
  /// empty: the matching project source's file name.
  std::string source;
  std::string today;     ///< first-seen date of new findings, `YYYY-MM-DD`; empty: today (UTC)
  unsigned threads = 0;  ///< geocoding threads; 0: all cores
  Progress progress;     ///< progress callback; empty: silent
};

/// The accounting of one imported file: `rows_read == new_rows + unchanged + updated + duplicates + rejected`.
struct ImportedFile {
  std::string file;               ///< the file imported
  long long rows_read = 0;        ///< rows read
  long long new_rows = 0;         ///< findings new to the store
  long long unchanged = 0;        ///< already stored, same content
  long long updated = 0;          ///< already stored, content changed (the old version is kept in the history)
  long long duplicates = 0;       ///< later rows with an id already seen in this file (not stored)
  long long rejected = 0;         ///< rows rejected (listed in `rejects_csv` with their reason)
  long long not_in_source = 0;    ///< stored findings of this source missing from this export: flagged, kept
  long long back_in_source = 0;   ///< flagged findings present again: flag cleared
  std::string rejects_csv;        ///< the rejects file, when rows were rejected; else empty
  /// True when the counts add up to the rows read.
  bool adds_up() const { return rows_read == new_rows + unchanged + updated + duplicates + rejected; }
};

/// A status edited directly in the store's layer (as in QGIS), found and checked before an import or a
/// status change: valid changes are recorded in the history, invalid ones reverted. Never silently lost.
struct DirectEdit {
  std::string id;           ///< the finding's id
  std::string from_status;  ///< as last recorded in the history
  std::string to_status;    ///< as found in the layer
  bool accepted = false;    ///< recorded in the history; false: reverted to from_status
  std::string reason;       ///< why it was refused
};

/// What import_findings() did.
struct ImportResult {
  std::vector<DirectEdit> direct_edits;  ///< direct edits found before the import
  std::vector<ImportedFile> files;       ///< one per file, in order
};

/// Reads and geocodes findings files exactly as build() does, and writes them into the project's store
/// (one transaction per file). A re-import adds nothing; an overlapping export adds only its new rows.
/// The same as `peta import PROJECT.json [FILE...]`.
/// @throws Error when the project has no store, a file cannot be read, or another writer holds the store
ImportResult import_findings(const Project& project, const ImportOptions& options = {});

/// One status change asked for.
struct StatusChange {
  std::string id;    ///< the finding's id (`id_temuan`)
  /// The new status: `baru`, `diverifikasi`, `ditindaklanjuti`, `selesai`, `bukan_masalah` or `duplikat`.
  std::string to;
  std::string date;  ///< when it took effect, `YYYY-MM-DD`; empty: today (UTC)
  std::string who;   ///< who made the change (free text)
  std::string note;  ///< a note (free text)
};

/// The outcome of one StatusChange.
struct StatusResult {
  StatusChange change;   ///< the change asked for
  bool applied = false;  ///< recorded; false: refused, nothing changed
  std::string field;     ///< when refused: the field at fault (`id`, `status`, `tanggal`)
  std::string reason;    ///< when refused: why (unknown id, a transition the life cycle does not allow, ...)
};

/// What change_status() did.
struct StatusRun {
  std::vector<DirectEdit> direct_edits;  ///< direct edits found before the changes
  std::vector<StatusResult> results;     ///< one per change asked for, in order
  /// How many changes were applied.
  std::size_t applied() const {
    std::size_t n = 0;
    for (const auto& r : results) n += r.applied ? 1 : 0;
    return n;
  }
};

/// Applies status changes in one transaction; refused ones change nothing and come back with a reason.
/// The same as `peta status PROJECT.json --jadi STATUS ID...`.
/// @throws Error when the project has no store or the store cannot be opened
StatusRun change_status(const Project& project, const std::vector<StatusChange>& changes);

/// How many findings of the store have each status (every status is a key, with 0 when none), plus
/// `tidak_di_sumber`: findings missing from their source's latest export.
/// @throws Error when the project has no store or the store cannot be opened
std::map<std::string, long long> status_counts(const Project& project);

}  // namespace peta::api
