#pragma once
// Calendar periods a project counts by: month (default), ISO week, quarter. A period is an ordinal that
// increases by one from each period to the next (so a run of periods is a contiguous range), with a label:
//   month    "2025-06"      ordinal = year * 12 + month - 1
//   week     "2025-W23"     ISO 8601 week (Monday first; the week belongs to the year of its Thursday);
//                            ordinal = days of its Monday since 1970-01-05 (a Monday), / 7
//   quarter  "2025-Q2"      ordinal = year * 4 + quarter - 1
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"

namespace peta {

enum class PeriodKind { month, week, quarter };

// "bulan"/"month", "minggu"/"week", "triwulan"/"kuartal"/"quarter"; nullopt otherwise.
std::optional<PeriodKind> period_kind_from_name(std::string_view name);
const char* period_kind_name(PeriodKind kind);  // "bulan", "minggu", "triwulan"

int period_of(PeriodKind kind, Date date);
std::string period_label(PeriodKind kind, int period);
Date period_start(PeriodKind kind, int period);
Date period_end(PeriodKind kind, int period);  // last day, inclusive
int period_days(PeriodKind kind, int period);

// A label in any of the three forms ("2025-06", "2025-W23", "2025-Q2"), with the kind it names; nullopt
// when it is none of them (or names no real period: "2025-13", "2025-W54", "2025-Q5").
struct ParsedPeriod {
  PeriodKind kind;
  int period;
};
std::optional<ParsedPeriod> parse_period(std::string_view label);

}  // namespace peta
