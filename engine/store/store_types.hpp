#pragma once
// Plain structs at the store's boundary: what an import takes and what the store hands back.
// No OGR or database types here.
#include <cstdint>
#include <string>

#include "core/geometry.hpp"
#include <utility>
#include <vector>

namespace peta::store {

// What a finding is on the map: a point (layer `temuan`) or a line, a damaged road segment (layer `ruas`).
// Both share one identity space, one history (`riwayat`) and one import record (`impor`).
enum class FindingKind { point, line };
// "titik" / "ruas": the kind as the store, its layers and `peta query` name it.
inline const char* kind_name(FindingKind k) { return k == FindingKind::line ? "ruas" : "titik"; }
// The store layer of a kind: "temuan" or "ruas".
inline const char* kind_table(FindingKind k) { return k == FindingKind::line ? "ruas" : "temuan"; }

// One finding as the findings stage hands it to an import (already read, located and flagged).
struct StoreFinding {
  std::string source_file;  // the file the row came from
  long long source_row = 0; // spreadsheet row number in that file (header = row 1); never part of identity
  // Identity columns of the source, empty when absent.
  std::string id;              // the source's id column
  std::string kobo_id;         // KoboToolbox `_id` (stays across an Enketo edit)
  std::string kobo_uuid;       // KoboToolbox `_uuid` (changes on an edit)
  std::string deprecated_id;   // `meta/deprecatedID`: the `_uuid` of the version this row replaces
  std::string odk_key;         // ODK Central `KEY`
  std::string instance_id;     // `meta/instanceID`
  std::vector<std::pair<std::string, std::string>> values;  // source values by column name, in source order
  std::string category;        // category code
  std::string date;            // the finding's date as written in the source
  double lon = 0, lat = 0;     // EPSG:4326
  bool has_point = false;      // false: placed by desa name/code only (then lon/lat is the desa's inner point if known)
  std::string desa_code;       // Kemendagri desa code (no dots)
  std::string kecamatan_code;
  std::string placed_by = "titik";  // "titik" (coordinates) or "desa" (name or code)
  std::string flags;           // flag names, "celah;tumpang_tindih"
  // A line finding (damaged road segment): its parts in EPSG:4326, exactly as read (not cut); empty for a point.
  // desa_code/kecamatan_code are then those of the desa holding its longest piece, and length_m the length of its
  // pieces inside the desa (m, EPSG:32749).
  std::vector<LineString> lines;
  double length_m = 0;
  FindingKind kind() const { return lines.empty() ? FindingKind::point : FindingKind::line; }
};

// A row the store did not take (or took with a remark, such as a duplicate id), with its reason.
struct StoreRejection {
  std::string file;
  long long row = 0;
  std::string field;
  std::string reason;
};

// The accounting of one import; rows_read == new + unchanged + updated + duplicates + rejected.
struct ImportSummary {
  long long rows_read = 0;
  long long new_rows = 0;
  long long unchanged = 0;
  long long updated = 0;
  long long duplicates = 0;   // second and later rows with an id already seen in this import (not stored)
  long long rejected = 0;     // rows the findings stage or the store rejected
  long long not_in_source = 0;  // earlier findings of this source missing from this (cumulative) export: flagged
  long long back_in_source = 0; // flagged findings that are in this export again: flag cleared
  long long lines = 0;          // of rows_read: line findings (segments) that reached the store (any outcome there)
  bool adds_up() const { return rows_read == new_rows + unchanged + updated + duplicates + rejected; }
};

// An import record as stored in `impor`.
struct ImportRecord {
  std::int64_t id = 0;
  std::string file;
  std::string source;
  std::string time;
  std::string sha256;
  ImportSummary summary;
};

// A finding as stored (what aggregates, `peta status` and tests read).
struct StoredFinding {
  std::int64_t fid = 0;
  std::string id;           // id_temuan: the identity ("kunci:id" in a project with several sources)
  std::string source_id;    // the id as the source wrote it (id_sumber, else id_temuan)
  std::string source;       // the source key
  long long source_row = 0;
  std::string uuid;
  std::string category;
  std::string date;
  double lon = 0, lat = 0;
  std::string desa_code, kecamatan_code, placed_by, flags;
  std::string values_json;
  std::string fingerprint;  // content digest (sidik)
  std::string status;
  std::string recorded_status;  // status as last recorded in the history (differs after a direct edit)
  std::string status_date;
  std::string first_seen;
  std::string opd;
  std::string due_date;
  bool not_in_source = false;
  FindingKind kind = FindingKind::point;
  std::vector<LineString> lines;  // a segment (kind line): its parts, EPSG:4326; lon/lat are then 0
  double length_m = 0;            // a segment: its length inside the desa at import (m, EPSG:32749)
};

// One history row of `riwayat`.
struct HistoryEntry {
  std::string id;       // id_temuan
  std::string time;     // when recorded (UTC, ISO 8601)
  std::string kind;     // status | ubah (content update) | edit_langsung | edit_ditolak | tidak_di_sumber | kembali_di_sumber
  std::string date;     // the date the change took effect (YYYY-MM-DD)
  std::string from_status, to_status;
  std::string who, note;
  std::string old_content;  // JSON of the previous version (updates)
};

}  // namespace peta::store
