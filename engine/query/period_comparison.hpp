#pragma once
// `peta query --banding 2025-06 2025-07`: per desa (or kecamatan) the findings of two periods, the change,
// and the exact conditional test of equal daily rates (aggregate/period_counts.hpp), ranked by p-value.
// Periods are labels of one kind: months "2025-06", ISO weeks "2025-W23" or quarters "2025-Q2".
// Findings come from the built project's temuan layer (its date column); undated ones are counted apart.
#include <cstdint>
#include <string>
#include <vector>

#include "aggregate/period.hpp"
#include "query/query_model.hpp"
#include "query/query_spec.hpp"

namespace peta::query {

struct PeriodComparisonRow {
  std::size_t unit = 0;  // index in the desa or kecamatan table
  std::int64_t a = 0, b = 0, change = 0;
  double p_value = 1;
};

struct PeriodComparisonResult {
  PeriodKind kind = PeriodKind::month;
  std::string label_a, label_b;
  Level level = Level::desa;
  std::string category;  // "" = all
  std::int64_t total_a = 0, total_b = 0, undated = 0;
  std::vector<PeriodComparisonRow> rows;  // ranked; every unit with a finding in either period
};

// Throws QueryError for labels that are no period, of two kinds, an unknown category, or a project whose
// temuan layer has no date column.
PeriodComparisonResult compare_periods(const QueryModel& m, const std::string& a, const std::string& b,
                                       const std::string& category = "", Level level = Level::desa);

// table (aligned text), csv or json; Indonesian or English headers. With no finding in either period the
// answer says so (and names the dated range the project holds) instead of listing zeros.
std::string format_period_comparison(const PeriodComparisonResult& r, const QueryModel& m, Format format,
                                     const std::string& lang, std::size_t top = 0);

}  // namespace peta::query
