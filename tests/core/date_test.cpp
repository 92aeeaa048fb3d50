// The civil-date reader: every written form against known answers, and exhaustive sweeps over the
// calendar (every day 1900-2199 in each numeric form; every impossible y-m-d flagged, never rolled over).
#include "core/date.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

namespace peta {
namespace {

std::string read_iso(std::string_view text) {
  const DateReading r = read_date(text);
  if (r.status == DateStatus::empty) return "empty";
  if (r.status == DateStatus::invalid) return "invalid";
  if (r.status == DateStatus::unreadable) return "unreadable";
  return r.date->iso();
}

TEST(Date, DaysSinceEpochAndIso) {
  EXPECT_EQ(Date::from_ymd(1970, 1, 1)->days(), 0);
  EXPECT_EQ(Date::from_ymd(2025, 5, 23)->days(), 20231);
  EXPECT_EQ(Date::from_days(20231).iso(), "2025-05-23");
  EXPECT_EQ(Date::from_ymd(2025, 5, 23)->yyyymmdd(), 20250523);
  EXPECT_EQ(Date::from_ymd(2025, 5, 23)->iso_weekday(), 5);  // a Friday
  EXPECT_EQ(Date::from_ymd(1899, 12, 31)->iso(), "1899-12-31");
  EXPECT_FALSE(Date::from_ymd(2025, 2, 29));
  EXPECT_TRUE(Date::from_ymd(2024, 2, 29));
  EXPECT_FALSE(Date::from_ymd(1900, 2, 29));
  EXPECT_TRUE(Date::from_ymd(2000, 2, 29));
  EXPECT_FALSE(Date::from_ymd(2025, 13, 1));
  EXPECT_FALSE(Date::from_ymd(2025, 4, 31));
  EXPECT_FALSE(Date::from_ymd(2025, 0, 10));
  EXPECT_LT(*Date::from_ymd(2025, 5, 23), *Date::from_ymd(2025, 5, 24));
}

TEST(Date, IsoForms) {
  EXPECT_EQ(read_iso("2025-05-23"), "2025-05-23");
  EXPECT_EQ(read_iso("  2025-05-23  "), "2025-05-23");
  EXPECT_EQ(read_iso("2025/05/23"), "2025-05-23");
  EXPECT_EQ(read_iso("2025/05/23 14:03:00"), "2025-05-23");  // GDAL's XLSX date-time cell
  EXPECT_EQ(read_iso("2025-5-3"), "2025-05-03");
  EXPECT_EQ(read_iso("2025.05.23"), "2025-05-23");
  EXPECT_EQ(read_iso("2025-05-23T10:15:00"), "2025-05-23");
  EXPECT_EQ(read_iso("2025-05-23T23:59:59.999+07:00"), "2025-05-23");  // Kobo start/end: the local date
  EXPECT_EQ(read_iso("2025-05-23 10:15"), "2025-05-23");
  EXPECT_EQ(read_iso("20250523"), "2025-05-23");
  EXPECT_EQ(read_iso("2025-02-30"), "invalid");
  EXPECT_EQ(read_iso("2025-13-01"), "invalid");
  EXPECT_EQ(read_iso("2025-00-10"), "invalid");
  EXPECT_EQ(read_iso("20250230"), "invalid");
  EXPECT_EQ(read_iso("2205-05-23"), "invalid");  // a year no finding has
  EXPECT_EQ(read_iso("2025-05/23"), "unreadable");  // mixed separators
  EXPECT_EQ(read_iso("2025-05-23x"), "unreadable");
}

TEST(Date, DayFirstForms) {
  EXPECT_EQ(read_iso("23/05/2025"), "2025-05-23");
  EXPECT_EQ(read_iso("17/7/2026"), "2026-07-17");
  EXPECT_EQ(read_iso("23-5-25"), "2025-05-23");
  EXPECT_EQ(read_iso("23.05.2025"), "2025-05-23");
  EXPECT_EQ(read_iso("1/2/2025"), "2025-02-01");
  EXPECT_EQ(read_iso("05/06/2025"), "2025-06-05");  // ambiguous: day first
  EXPECT_EQ(read_iso("23/05/2025 10:15"), "2025-05-23");
  EXPECT_EQ(read_iso("31/04/2025"), "invalid");     // never rolled over to 1 May
  EXPECT_EQ(read_iso("29/02/2025"), "invalid");
  EXPECT_EQ(read_iso("29/02/2024"), "2024-02-29");
  EXPECT_EQ(read_iso("05/23/2025"), "invalid");     // month first is not guessed
  EXPECT_EQ(read_iso("23/05/025"), "unreadable");
  EXPECT_EQ(read_iso("23/05-2025"), "unreadable");
}

TEST(Date, MonthNames) {
  EXPECT_EQ(read_iso("23 Mei 2025"), "2025-05-23");
  EXPECT_EQ(read_iso("23 Agt 2025"), "2025-08-23");
  EXPECT_EQ(read_iso("23 Agustus 2025"), "2025-08-23");
  EXPECT_EQ(read_iso("1 Okt 2025"), "2025-10-01");
  EXPECT_EQ(read_iso("1 oktober 2025"), "2025-10-01");
  EXPECT_EQ(read_iso("7 Nopember 2025"), "2025-11-07");
  EXPECT_EQ(read_iso("7 Des 25"), "2025-12-07");
  EXPECT_EQ(read_iso("23-Mei-2025"), "2025-05-23");
  EXPECT_EQ(read_iso("Jumat, 23 Mei 2025"), "2025-05-23");
  EXPECT_EQ(read_iso("Jum'at, 23 Mei 2025 pukul 10:15 WIB"), "2025-05-23");
  EXPECT_EQ(read_iso("23 May 2025"), "2025-05-23");
  EXPECT_EQ(read_iso("May 23, 2025"), "2025-05-23");
  EXPECT_EQ(read_iso("Friday, 23 May 2025"), "2025-05-23");
  EXPECT_EQ(read_iso("3 Sept 2025"), "2025-09-03");
  EXPECT_EQ(read_iso("30 Februari 2025"), "invalid");
  EXPECT_EQ(read_iso("23 Mai 2025"), "unreadable");  // not a month name
  EXPECT_EQ(read_iso("23 Mei"), "unreadable");       // no year
  EXPECT_EQ(read_iso("23 Mei 2025 kemarin"), "unreadable");
  for (int m = 1; m <= 12; ++m) {
    static const char* kId[] = {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
                                "September", "Oktober", "November", "Desember"};
    static const char* kEn[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    EXPECT_EQ(month_from_name(kId[m - 1]), m);
    EXPECT_EQ(month_from_name(kEn[m - 1]), m);
  }
  EXPECT_EQ(month_from_name("Agt"), 8);
  EXPECT_EQ(month_from_name("OKT"), 10);
  EXPECT_EQ(month_from_name("Mai"), 0);
}

TEST(Date, ExcelSerials) {
  EXPECT_EQ(date_from_excel_serial(1)->iso(), "1900-01-01");
  EXPECT_EQ(date_from_excel_serial(59)->iso(), "1900-02-28");
  EXPECT_FALSE(date_from_excel_serial(60));  // the phantom 1900-02-29
  EXPECT_EQ(date_from_excel_serial(61)->iso(), "1900-03-01");
  EXPECT_EQ(date_from_excel_serial(25569)->iso(), "1970-01-01");
  EXPECT_EQ(date_from_excel_serial(45800)->iso(), "2025-05-23");
  EXPECT_EQ(date_from_excel_serial(45800.99)->iso(), "2025-05-23");
  EXPECT_EQ(date_from_excel_serial(2958465)->iso(), "9999-12-31");
  EXPECT_FALSE(date_from_excel_serial(0));
  EXPECT_FALSE(date_from_excel_serial(2958466));
  EXPECT_EQ(read_iso("45800"), "2025-05-23");
  EXPECT_EQ(read_iso("45800.4375"), "2025-05-23");
  EXPECT_EQ(read_iso("60"), "invalid");
  EXPECT_EQ(read_iso("0"), "invalid");
  EXPECT_EQ(read_iso("1.2.3"), "unreadable");
}

TEST(Date, EmptyAndText) {
  EXPECT_EQ(read_iso(""), "empty");
  EXPECT_EQ(read_iso("   "), "empty");
  EXPECT_EQ(read_iso("kemarin"), "unreadable");
  EXPECT_EQ(read_iso("-"), "unreadable");
  EXPECT_TRUE(read_date("kemarin").flagged());
  EXPECT_TRUE(read_date("2025-02-30").flagged());
  EXPECT_FALSE(read_date("").flagged());
  EXPECT_FALSE(read_date("2025-02-28").flagged());
}

// Every day from 1900-01-01 to 2199-12-31 in each numeric form reads back as itself; Excel serials from
// 1900-03-01 on count days exactly.
TEST(Date, ExhaustiveRoundTrip) {
  using namespace std::chrono;
  const Date first = *Date::from_ymd(1900, 3, 1), last = *Date::from_ymd(2199, 12, 31);
  int checked = 0;
  for (std::int32_t k = Date::from_ymd(1900, 1, 1)->days(); k <= last.days(); ++k) {
    const Date d = Date::from_days(k);
    char dmy[16], dmy_dots[16], ymd_slash[16];
    std::snprintf(dmy, sizeof dmy, "%d/%d/%04d", d.day(), d.month(), d.year());
    std::snprintf(dmy_dots, sizeof dmy_dots, "%02d.%02d.%04d", d.day(), d.month(), d.year());
    std::snprintf(ymd_slash, sizeof ymd_slash, "%04d/%02d/%02d", d.year(), d.month(), d.day());
    ASSERT_EQ(read_iso(d.iso()), d.iso());
    ASSERT_EQ(read_iso(dmy), d.iso()) << dmy;
    ASSERT_EQ(read_iso(dmy_dots), d.iso()) << dmy_dots;
    ASSERT_EQ(read_iso(ymd_slash), d.iso()) << ymd_slash;
    if (d >= first) {
      ASSERT_EQ(date_from_excel_serial(61 + (d.days() - first.days()))->iso(), d.iso());
    }
    ++checked;
  }
  EXPECT_EQ(checked, 109573);  // 300 years: 300 * 365 + 73 leap days (not 1900, 2100)
}

// Every y-m-d with day 1..31 and month 1..12 in a leap-cycle sample of years: valid exactly when the
// calendar has that day, and an impossible one is `invalid` in every form (never the next month's date).
TEST(Date, ExhaustiveImpossibleDates) {
  int impossible = 0;
  for (int y : {1900, 2000, 2023, 2024, 2025, 2100}) {
    for (int m = 1; m <= 12; ++m) {
      for (int d = 1; d <= 31; ++d) {
        const bool real = std::chrono::year_month_day(std::chrono::year(y), std::chrono::month(m),
                                                      std::chrono::day(d)).ok();
        char iso[16], dmy[16];
        std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
        std::snprintf(dmy, sizeof dmy, "%02d/%02d/%04d", d, m, y);
        ASSERT_EQ(read_iso(iso), real ? std::string(iso) : "invalid") << iso;
        ASSERT_EQ(read_iso(dmy), real ? std::string(iso) : "invalid") << dmy;
        impossible += !real;
      }
    }
  }
  // Per year 6 impossible (30/31 Feb, 31 of Apr/Jun/Sep/Nov) + 29 Feb in non-leap years (1900, 2023, 2025, 2100).
  EXPECT_EQ(impossible, 6 * 6 + 4);
}

}  // namespace
}  // namespace peta
