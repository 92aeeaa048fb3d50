#pragma once
// Runs a QuerySpec over the in-memory model: counts (filtered or not), rates, the priority score and any layer
// field (Gi* z, EB rates, ...) per unit; unit filters (kecamatan, significance); the top N, overall or within
// each kecamatan. The answer is a plain table that the formatters print as text, CSV, JSON or GeoJSON.
#include <cstddef>
#include <string>
#include <variant>
#include <vector>

#include "output/class_breaks.hpp"
#include "query/deadline.hpp"
#include "query/query_model.hpp"
#include "query/query_spec.hpp"

namespace peta::query {

struct Column {
  std::string name;      // machine name (CSV header, JSON key)
  std::string label_id;  // table header, Indonesian
  std::string label_en;
  bool numeric = false;
  int decimals = 0;      // for text output
};

using Cell = std::variant<std::monostate, std::string, double>;

struct QueryResult {
  QuerySpec spec;
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
  std::vector<std::size_t> units;  // the unit (row of the desa or kecamatan table) of each row
  std::size_t matched = 0;         // units that passed the filters, before the top N
  bool truncated = false;          // rows were cut at the row limit
  std::string sort_column;         // the column the rows are ranked by
  std::string rate_basis;          // "per_km2" or the layer field the rate comes from (e.g. rate_stunting)
  std::string title_id, title_en;  // one line saying what was asked
  std::size_t withheld = 0;        // matched units whose count is withheld (column `disembunyikan` 1 or 2)
  std::size_t not_countable = 0;   // matched units whose count is unknown under the filter (`disembunyikan` 3)
  std::vector<std::string> priority_categories;  // the categories the priority score depends on (weight > 0)
  std::vector<ClassRange> classes; // with n=all: Jenks classes of the sort values over the matched units (as QGIS)
  int privacy_k = 5;
  std::string row_noun_id, row_noun_en;          // what a row is, for "n of m ..." ("" = desa/kecamatan by level)
  std::vector<std::string> notes_id, notes_en;   // lines said below the table (and as `notes` in JSON)

  std::size_t column(const std::string& name) const;  // index, or columns.size() when absent
};

// Throws QueryError for a request the model cannot answer (unknown category, kecamatan or field, a Gi* sort or
// significance filter when the build has no hotspot fields), QueryTimeout when the deadline passes.
QueryResult run_query(const QueryModel& model, const QuerySpec& spec, std::size_t max_rows = 10'000,
                      const Deadline& deadline = {});

// The kecamatan (indices into model.kecamatan) that each name or code in `names` means: a code with or without
// dots, or a name compared case-insensitively, with an optional "Kec." / "Kecamatan" prefix. Throws QueryError.
std::vector<std::size_t> resolve_kecamatan(const QueryModel& model, const std::vector<std::string>& names);

}  // namespace peta::query
