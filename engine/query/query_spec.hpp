#pragma once
// A question over a built project, parsed and validated from key=value parameters. The same parser serves
// `peta query` (its options become parameters) and `peta serve` (the URL's query string), so both accept and
// reject exactly the same things. Values are only ever compared with the in-memory model: nothing here reaches
// SQL or the file system.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace peta::query {

// A parameter the caller got wrong; the message says which and why (HTTP 400, CLI exit code 2).
class QueryError : public Error {
 public:
  using Error::Error;
};

enum class Level { desa, kecamatan };
enum class Spot { hot, cold };
enum class Statistic { gi, lisa };
enum class Format { table, csv, json, geojson };

// Filters on the findings themselves: when any is set, counts are recomputed from the temuan layer, or from the
// findings store when the project names one (opd and overdue need the store).
struct FindingFilter {
  std::vector<std::string> severity;  // lower-case values of the severity column (tingkat)
  std::vector<std::string> status;    // lower-case values of the status column (with a store: its statuses)
  int date_from = 0, date_to = 0;     // yyyymmdd, inclusive; 0 = open
  std::vector<std::string> opd;       // OPD names as given, compared case-insensitively (store only)
  bool overdue = false;               // open and past the due date as of `as_of` (store only)
  int as_of = 0;                      // yyyymmdd; 0 = today
  std::string kind;                   // the findings list (store): "" both, "titik" points, "ruas" segments
  bool active() const { return !severity.empty() || !status.empty() || date_from || date_to || !opd.empty() || overdue; }
  bool needs_store() const { return !opd.empty() || overdue; }
};

// A condition on a field of the unit layer (e.g. a desa profile field): "status_idm=Tertinggal",
// "penduduk>=5000", "skor_idm<0,6", "status_idm!=Mandiri". `=` may list alternatives: "status_idm=Tertinggal,Sangat
// Tertinggal". Text compares case-insensitively (eq, ne only); numbers numerically (a decimal comma or point).
struct FieldCondition {
  enum class Op { eq, ne, lt, le, gt, ge };
  std::string field;
  Op op = Op::eq;
  // The value as given, then (eq only, when it holds commas) its comma-separated alternatives: a text matches the
  // whole value ("masalah tinggi, potensi rendah") or any alternative; a number the whole value when it is one
  // ("0,6"), else any alternative.
  std::vector<std::string> values;
};

struct QuerySpec {
  Level level = Level::desa;
  std::string category;           // a category code, or "" for all categories
  std::string sort = "count";     // count | rate | gi_z | priority | the name of any numeric layer field
  std::size_t top = 10;           // rows (per kecamatan when per_kecamatan); 0 = every unit (n=all), up to the row limit
  bool per_kecamatan = false;     // rank within each kecamatan: the list a camat takes home
  bool ascending = false;
  std::vector<std::string> kecamatan;  // codes or names
  std::vector<FieldCondition> conditions;  // "filter" (repeatable): every one must hold
  FindingFilter findings;
  int significance = 0;           // 0 (none), 90, 95 or 99 %
  Spot spot = Spot::hot;
  Statistic statistic = Statistic::gi;
  std::string lang = "id";        // labels: "id" or "en"
  Format format = Format::json;
};

struct SpecLimits {
  std::size_t max_rows = 10'000;       // largest `n` (and rows of any answer)
  std::size_t max_params = 32;
  std::size_t max_value_length = 256;
};

using Params = std::vector<std::pair<std::string, std::string>>;

// Keys: level, category, sort, n, per_kecamatan, order, kecamatan, filter, severity, status, from, to, opd, overdue,
// as_of, significance, spot, statistic, lang, format. Lists (kecamatan, severity, status) may repeat or be comma-separated.
// Throws QueryError on an unknown key, a bad value, or a limit exceeded.
QuerySpec parse_query_spec(const Params& params, const SpecLimits& limits = {});

// Only the finding filters (severity, status, from, to, opd, overdue, as_of) and lang; other keys are errors.
FindingFilter parse_finding_filter(const Params& params, const SpecLimits& limits, std::string* lang = nullptr);

const char* to_string(Level level);
const char* to_string(Format format);

}  // namespace peta::query
