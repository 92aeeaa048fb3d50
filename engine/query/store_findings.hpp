#pragma once
// The findings store (engine/store) as the query side reads it: every stored finding read once into a compact,
// immutable table joined to the built desa, with what the status filters need (status, OPD, first seen, due
// date). Counts under a status/OPD/overdue filter come from here, not from the built layers, so they are honest
// for the date asked (`as_of`).
#include <climits>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/opd_mapping.hpp"
#include "store/status_timeline.hpp"
#include "store/store_types.hpp"

namespace peta::query {

struct QueryModel;

struct StoreRow {
  std::string id;              // id_temuan
  std::string category;        // category code as stored
  int category_index = -1;     // into QueryModel::categories; -1 for a category the model does not know
  bool sensitive = false;      // the taxonomy marks the category sensitive
  std::int32_t desa = -1;      // into QueryModel::desa; -1 when the built layers lack the desa
  std::string desa_code, kecamatan_code;
  std::string status;          // baru, diverifikasi, ... as it stands today (StoreTable::status_on for a past day)
  int date = 0;                // the finding's own date, yyyymmdd (0: none)
  int start_day = INT_MIN;     // store::start_day: first seen, else the finding's date; INT_MIN: unknown
  int due = INT_MIN;           // store::due_day: start + the category's target days; INT_MIN: none (never overdue)
  int status_day = INT_MIN;    // the day of the last status change
  int history = -1;            // into StoreTable::histories (its status changes); -1: never changed
  int last_change = INT_MIN;   // the latest day among its status changes
  int opd = -1;                // into StoreTable::opd_names; -1: no OPD
  std::string severity;        // lower-case value of the severity column (tingkat), "" when none
  std::string note;            // a published description column (keterangan), "" when none may be shown
  double lon = 0, lat = 0;
  bool has_point = false;      // placed by coordinates (not at a desa's inner point)
  bool segment = false;        // a line finding (store layer ruas): in StoreTable::segments
  double length_m = 0;         // a segment: its length inside the desa (m)

  bool has_due() const { return due != INT_MIN; }
  int due_day() const { return due; }
};

struct StoreTable {
  std::string path;                       // the store (for messages)
  std::vector<StoreRow> rows;             // the point findings, in id order: every count reads these
  // The line findings (damaged road segments), in id order: listed by finding_list (`--temuan`), not counted
  // (lines add length, not counts, as in the layers).
  std::vector<StoreRow> segments;
  std::vector<std::string> opd_names;     // distinct OPD names, sorted
  bool public_profile = true;             // sensitive categories only as counts; none listed
  int k = 5;
  int today = 0;                          // day number of "today" when loaded (the default as-of date)
  store::OpdMapping opd;                  // the project's OPD mapping (OPD and target per category)
  std::unordered_map<std::string, std::size_t> by_id;
  std::vector<std::vector<store::StatusStep>> histories;  // status changes of the rows that have any

  const StoreRow* find(const std::string& id) const;
  // The status the row had at the end of `day` (store::status_on over its history).
  const std::string& status_on(const StoreRow& row, int day) const;
  // Back to the store's own form as it stood on `day`, for store::aggregate_status and store::overdue_by_opd
  // (only the fields they read).
  store::StoredFinding stored(const StoreRow& row, int day) const;
};

struct StoreReadOptions {
  store::OpdMapping opd = store::OpdMapping::defaults();
  bool public_profile = true;
  int k = 5;
  std::vector<std::string> published_columns;  // source columns the project publishes (the sources' `publish`)
  std::string today;                           // YYYY-MM-DD; empty: today (UTC)
};

// Reads every finding of `findings` (as FindingStore::findings() and segments() give them; segments go to
// StoreTable::segments) into a table joined to `model`'s desa.
// The OPD and target come from `options.opd` (the project's mapping), as store::aggregate_status computes them.
// `timeline` (FindingStore::status_changes()) lets a query as of a past date see the status of that date.
std::shared_ptr<const StoreTable> read_store_table(const std::vector<store::StoredFinding>& findings,
                                                   const QueryModel& model, const StoreReadOptions& options,
                                                   const store::StatusTimeline& timeline = {});

// The day number (days since 1970-01-01) of a yyyymmdd date; yyyymmdd of a day number.
int day_of(int yyyymmdd);
int yyyymmdd_of(int day);
// "YYYY-MM-DD" of a day number.
std::string day_text(int day);

}  // namespace peta::query
