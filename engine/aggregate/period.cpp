#include "aggregate/period.hpp"

#include <chrono>
#include <charconv>
#include <cstdio>

namespace peta {
namespace {

using namespace std::chrono;

constexpr std::int32_t kFirstMonday = 4;  // 1970-01-05, days since the epoch

int floor_div(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

// Monday of ISO week 1 of `year`: the week holding 4 January.
Date iso_week_one(int year) {
  const Date jan4 = *Date::from_ymd(year, 1, 4);
  return Date::from_days(jan4.days() - (jan4.iso_weekday() - 1));
}

bool parse_int(std::string_view s, int& v) {
  if (s.empty()) return false;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

}  // namespace

std::optional<PeriodKind> period_kind_from_name(std::string_view name) {
  if (name == "bulan" || name == "month" || name == "bulanan" || name == "monthly") return PeriodKind::month;
  if (name == "minggu" || name == "week" || name == "mingguan" || name == "weekly") return PeriodKind::week;
  if (name == "triwulan" || name == "kuartal" || name == "quarter" || name == "quarterly") return PeriodKind::quarter;
  return std::nullopt;
}

const char* period_kind_name(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::month: return "bulan";
    case PeriodKind::week: return "minggu";
    case PeriodKind::quarter: return "triwulan";
  }
  return "bulan";
}

int period_of(PeriodKind kind, Date d) {
  switch (kind) {
    // One conversion of the days to a calendar date (year() and month() would each make one).
    case PeriodKind::month: {
      const auto ymd = d.ymd();
      return int(ymd.year()) * 12 + int(unsigned(ymd.month())) - 1;
    }
    case PeriodKind::quarter: {
      const auto ymd = d.ymd();
      return int(ymd.year()) * 4 + (int(unsigned(ymd.month())) - 1) / 3;
    }
    case PeriodKind::week: return floor_div(d.days() - kFirstMonday, 7);
  }
  return 0;
}

Date period_start(PeriodKind kind, int p) {
  switch (kind) {
    case PeriodKind::month: return *Date::from_ymd(floor_div(p, 12), p - floor_div(p, 12) * 12 + 1, 1);
    case PeriodKind::quarter: return *Date::from_ymd(floor_div(p, 4), (p - floor_div(p, 4) * 4) * 3 + 1, 1);
    case PeriodKind::week: return Date::from_days(kFirstMonday + p * 7);
  }
  return Date();
}

Date period_end(PeriodKind kind, int p) { return Date::from_days(period_start(kind, p + 1).days() - 1); }

int period_days(PeriodKind kind, int p) { return period_end(kind, p).days() - period_start(kind, p).days() + 1; }

std::string period_label(PeriodKind kind, int p) {
  const Date start = period_start(kind, p);
  char text[32];
  switch (kind) {
    case PeriodKind::month:
      std::snprintf(text, sizeof text, "%04d-%02d", start.year(), start.month());
      break;
    case PeriodKind::quarter:
      std::snprintf(text, sizeof text, "%04d-Q%d", start.year(), (start.month() - 1) / 3 + 1);
      break;
    case PeriodKind::week: {
      const Date thursday = Date::from_days(start.days() + 3);  // the week's year is its Thursday's
      const int year = thursday.year();
      const int week = (start.days() - iso_week_one(year).days()) / 7 + 1;
      std::snprintf(text, sizeof text, "%04d-W%02d", year, week);
      break;
    }
  }
  return text;
}

std::optional<ParsedPeriod> parse_period(std::string_view s) {
  int year = 0, n = 0;
  if (s.size() < 6 || s[4] != '-' || !parse_int(s.substr(0, 4), year)) return std::nullopt;
  const std::string_view rest = s.substr(5);
  if ((rest[0] == 'W' || rest[0] == 'w') && parse_int(rest.substr(1), n) && rest.size() == 3) {
    const int weeks = (iso_week_one(year + 1).days() - iso_week_one(year).days()) / 7;
    if (n < 1 || n > weeks) return std::nullopt;
    const Date monday = Date::from_days(iso_week_one(year).days() + (n - 1) * 7);
    return ParsedPeriod{PeriodKind::week, period_of(PeriodKind::week, monday)};
  }
  if ((rest[0] == 'Q' || rest[0] == 'q') && rest.size() == 2 && parse_int(rest.substr(1), n)) {
    if (n < 1 || n > 4) return std::nullopt;
    return ParsedPeriod{PeriodKind::quarter, year * 4 + n - 1};
  }
  if (rest.size() == 2 && parse_int(rest, n)) {
    if (n < 1 || n > 12) return std::nullopt;
    return ParsedPeriod{PeriodKind::month, year * 12 + n - 1};
  }
  return std::nullopt;
}

}  // namespace peta
