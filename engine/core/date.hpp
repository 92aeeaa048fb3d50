#pragma once
// A civil date (proleptic Gregorian, no time of day), kept as days since 1970-01-01, and the reader for
// the ways field forms, spreadsheets and KoboToolbox write one:
//   ISO            2025-05-23, 2025/05/23, 2025-5-3, 20250523, with or without a time after 'T' or ' '
//                  (2025-05-23T10:15:00.000+07:00: the date as written, the time and zone ignored);
//                  GDAL's XLSX driver writes date cells as 2025/05/23 (HH:MM:SS)
//   day first      23/05/2025, 17/7/2026, 23-5-25, 23.05.2025 (a two-digit year is 20yy; an ambiguous
//                  date such as 05/06/2025 is read day first, as Indonesian forms write it)
//   month names    23 Mei 2025, 23 Agt 2025, 23-Agustus-2025, Jumat, 23 Mei 2025, 23 May 2025,
//                  May 23, 2025 (Indonesian and English names and abbreviations, any case)
//   Excel serials  45800, 45800.5 (1900 date system; serial 60 is Excel's non-existent 1900-02-29)
// An impossible date (2025-02-30, 31/04/2025, serial 60) is `invalid`, never rolled over to a next
// month; text that is no date at all is `unreadable`. Both are flagged `tanggal_tidak_valid`.
#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace peta {

class Date {
 public:
  constexpr Date() = default;  // 1970-01-01
  explicit constexpr Date(std::chrono::sys_days d) : days_(d.time_since_epoch().count()) {}
  static constexpr Date from_days(std::int32_t days_since_epoch) { return Date(days_since_epoch); }
  // nullopt unless y-m-d is a real calendar date (std::chrono::year_month_day::ok()).
  static std::optional<Date> from_ymd(int year, int month, int day);

  std::int32_t days() const { return days_; }  // since 1970-01-01
  std::chrono::sys_days sys_days() const { return std::chrono::sys_days(std::chrono::days(days_)); }
  std::chrono::year_month_day ymd() const { return std::chrono::year_month_day(sys_days()); }
  int year() const { return int(ymd().year()); }
  int month() const { return int(unsigned(ymd().month())); }
  int day() const { return int(unsigned(ymd().day())); }
  int yyyymmdd() const { return year() * 10000 + month() * 100 + day(); }
  int iso_weekday() const;  // 1 = Monday .. 7 = Sunday
  std::string iso() const;  // 2025-05-23

  friend constexpr auto operator<=>(Date, Date) = default;

 private:
  explicit constexpr Date(std::int32_t days) : days_(days) {}
  std::int32_t days_ = 0;
};

enum class DateStatus { ok, empty, invalid, unreadable };

struct DateReading {
  DateStatus status = DateStatus::empty;
  std::optional<Date> date;  // set when status == ok
  bool ok() const { return status == DateStatus::ok; }
  bool flagged() const { return status == DateStatus::invalid || status == DateStatus::unreadable; }
};

// The flag code a bad date gets in outputs (`tanda` field) and rejects.
inline constexpr const char* kInvalidDateFlag = "tanggal_tidak_valid";

DateReading read_date(std::string_view text);

// The same reading, with the form findings carry most often (ISO 2025-05-23, maybe with a time) read by a
// fast path first: the findings stages read a date per finding.
DateReading read_finding_date(std::string_view text);

// Excel's 1900 date system: 1 = 1900-01-01, 59 = 1900-02-28, 60 = the non-existent 1900-02-29 (Lotus's
// leap-year bug, kept by Excel: nullopt here), 61 = 1900-03-01. The fraction (time of day) is dropped.
// nullopt outside 1 .. 2958465 (9999-12-31).
std::optional<Date> date_from_excel_serial(double serial);

// Month number (1..12) of an Indonesian or English month name or abbreviation, any case
// ("Mei", "agt", "Agustus", "Okt", "Oct", "September", "Sept"); 0 when not a month.
int month_from_name(std::string_view word);

}  // namespace peta
