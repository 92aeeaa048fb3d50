// Every coordinate form officers type, with exact expected values (1e-9 degrees) or the exact reason code.
#include "findings/coordinate_parser.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/finding.hpp"
#include "findings/angle_text.hpp"

using peta::CoordinateParser;
using peta::CoordinateParserOptions;
using peta::ParsedCoordinate;
using peta::RejectionReason;

namespace {

constexpr double kTol = 1e-9;
// 7°45'12.3" = 7°45.205' = 7.753416666...; 113°13'5" = 113.218055...; 113°13.5' = 113.225
constexpr double kLatDms = -(7 + 45.0 / 60 + 12.3 / 3600);
constexpr double kLonDms = 113 + 13.0 / 60 + 5.0 / 3600;

CoordinateParserOptions probolinggo() {
  CoordinateParserOptions o;
  o.expected_extent = {112.9, -8.1, 113.7, -7.6};  // min_x, min_y, max_x, max_y
  return o;
}

::testing::AssertionResult IsAt(const ParsedCoordinate& p, double lon, double lat, std::uint32_t flags = 0) {
  if (!p.ok) return ::testing::AssertionFailure() << "rejected: " << code(p.reason) << ": " << p.detail;
  if (std::abs(p.lonlat.x - lon) > kTol || std::abs(p.lonlat.y - lat) > kTol)
    return ::testing::AssertionFailure() << "got " << p.lonlat.x << ", " << p.lonlat.y;
  if (p.flags != flags) return ::testing::AssertionFailure() << "flags " << p.flags << " (" << peta::flag_names(p.flags) << ")";
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult IsRejected(const ParsedCoordinate& p, RejectionReason reason, const std::string& named) {
  if (p.ok) return ::testing::AssertionFailure() << "accepted as " << p.lonlat.x << ", " << p.lonlat.y;
  if (p.reason != reason) return ::testing::AssertionFailure() << "reason " << code(p.reason) << ": " << p.detail;
  if (p.detail.find(named) == std::string::npos)
    return ::testing::AssertionFailure() << "detail does not name " << named << ": " << p.detail;
  return ::testing::AssertionSuccess();
}

}  // namespace

TEST(CoordinateParser, DecimalDegreesWithDotOrCommaAndSpaces) {
  CoordinateParser p;
  EXPECT_TRUE(IsAt(p.parse("113.2154", "-7.7534"), 113.2154, -7.7534));
  EXPECT_TRUE(IsAt(p.parse("113,2154", "-7,7534"), 113.2154, -7.7534));
  EXPECT_TRUE(IsAt(p.parse("  113.2154\t", " -7,7534 "), 113.2154, -7.7534));
  EXPECT_TRUE(IsAt(p.parse("113.2154", "\xC2\xA0-7.7534\xC2\xA0"), 113.2154, -7.7534));  // no-break spaces
  EXPECT_TRUE(IsAt(p.parse("+113.2154", "\xE2\x88\x92" "7.7534"), 113.2154, -7.7534));   // plus, U+2212 minus
  EXPECT_TRUE(IsAt(p.parse("113", "-8"), 113, -8));
}

TEST(CoordinateParser, SingleCellHoldingBothLatitudeFirst) {
  CoordinateParser p;
  EXPECT_TRUE(IsAt(p.parse_single("-7.7534, 113.2154"), 113.2154, -7.7534));
  EXPECT_TRUE(IsAt(p.parse_single("-7.7534,113.2154"), 113.2154, -7.7534));
  EXPECT_TRUE(IsAt(p.parse_single("-7,7534; 113,2154"), 113.2154, -7.7534));
  EXPECT_TRUE(IsAt(p.parse_single("-7,7534, 113,2154"), 113.2154, -7.7534));
  EXPECT_TRUE(IsAt(p.parse_single("-7,7534,113,2154"), 113.2154, -7.7534));
  EXPECT_TRUE(IsAt(p.parse_single("-7.7534 113.2154"), 113.2154, -7.7534));
  EXPECT_TRUE(IsAt(p.parse_single(" -7.7534 / 113.2154 "), 113.2154, -7.7534));
  // Longitude first: a first value beyond 90 can only be a longitude (no flag, not a fix).
  EXPECT_TRUE(IsAt(p.parse_single("113.2154, -7.7534"), 113.2154, -7.7534));
  EXPECT_TRUE(IsAt(p.parse_single("113,2154; -7,7534"), 113.2154, -7.7534));
  // Both within 90 and no extent: latitude first, as documented.
  EXPECT_TRUE(IsAt(p.parse_single("45.5, 10.25"), 10.25, 45.5));
}

TEST(CoordinateParser, SingleCellOrderByExtentWhenMagnitudeCannotTell) {
  CoordinateParserOptions o;
  o.expected_extent = {40, 5, 50, 15};  // somewhere with longitudes below 90
  CoordinateParser p(o);
  EXPECT_TRUE(IsAt(p.parse_single("10, 45"), 45, 10));
  EXPECT_TRUE(IsAt(p.parse_single("45, 10"), 45, 10));  // the other order is the one inside
}

TEST(CoordinateParser, DegreesMinutesSecondsWithHemisphereLetters) {
  CoordinateParser p;
  EXPECT_TRUE(IsAt(p.parse("113\xC2\xB0" "13'5\"E", "7\xC2\xB0" "45'12.3\"S"), kLonDms, kLatDms));
  EXPECT_TRUE(IsAt(p.parse("113 13 5 E", "7 45 12.3 S"), kLonDms, kLatDms));
  EXPECT_TRUE(IsAt(p.parse("113 13 5", "-7 45 12.3"), kLonDms, kLatDms));
  EXPECT_TRUE(IsAt(p.parse("113\xC2\xB0" "13.5'E", "7\xC2\xB0" "45.205'S"), 113.225, kLatDms));
  EXPECT_TRUE(IsAt(p.parse("113\xC2\xB0 13' 5\" E", "S 7\xC2\xB0 45' 12.3\""), kLonDms, kLatDms));  // prefix hemisphere
  EXPECT_TRUE(IsAt(p.parse("113\xC2\xB0" "13'5,0\"E", "7\xC2\xB0" "45'12,3\"S"), kLonDms, kLatDms));  // comma decimals
  EXPECT_TRUE(IsAt(p.parse("113\xC2\xBA" "13'5\"E", "7\xCB\x9A" "45'12.3\"S"), kLonDms, kLatDms));  // º and ˚
}

TEST(CoordinateParser, IndonesianHemisphereWords) {
  CoordinateParser p;
  EXPECT_TRUE(IsAt(p.parse("113\xC2\xB0" "13'5\" BT", "7\xC2\xB0" "45'12.3\" LS"), kLonDms, kLatDms));
  EXPECT_TRUE(IsAt(p.parse("113 13 5 bt", "7 45 12.3 ls"), kLonDms, kLatDms));
  EXPECT_TRUE(IsAt(p.parse("110.5 BB", "7.25 LU"), -110.5, 7.25));
  EXPECT_TRUE(IsAt(p.parse("Bujur Timur 113.225", "Lintang Selatan 7.75"), 113.225, -7.75));
  EXPECT_TRUE(IsAt(p.parse("113.225 T", "7.75 U"), 113.225, 7.75));
  EXPECT_TRUE(IsAt(p.parse("110.5 B", "7.25 S"), -110.5, -7.25));
  EXPECT_TRUE(IsAt(p.parse("113.225 timur", "7.75 selatan"), 113.225, -7.75));
  // A minus together with S (or W) is still south, not a double negation.
  EXPECT_TRUE(IsAt(p.parse("113.225 E", "-7.75 LS"), 113.225, -7.75));
}

TEST(CoordinateParser, UnicodeAndTypedPrimes) {
  CoordinateParser p;
  const char* prime = "\xE2\x80\xB2";        // ′
  const char* double_prime = "\xE2\x80\xB3";  // ″
  std::string lat = std::string("7\xC2\xB0" "45") + prime + "12.3" + double_prime + " LS";
  std::string lon = std::string("113\xC2\xB0" "13") + prime + "5" + double_prime + " BT";
  EXPECT_TRUE(IsAt(p.parse(lon, lat), kLonDms, kLatDms));
  EXPECT_TRUE(IsAt(p.parse("113\xC2\xB0" "13'5''E", "7\xC2\xB0" "45'12.3''S"), kLonDms, kLatDms));  // '' as seconds
  EXPECT_TRUE(IsAt(p.parse("113\xC2\xB0" "13\xE2\x80\x99" "5\xE2\x80\x9D" "E", "7\xC2\xB0" "45\xE2\x80\x99" "12.3\xE2\x80\x9D" "S"),
                   kLonDms, kLatDms));  // ’ ” (word processors' curly quotes)
}

TEST(CoordinateParser, SingleCellDms) {
  CoordinateParser p;
  EXPECT_TRUE(IsAt(p.parse_single("7\xC2\xB0" "45'12.3\"S 113\xC2\xB0" "13'5\"E"), kLonDms, kLatDms));
  EXPECT_TRUE(IsAt(p.parse_single("7 45 12.3 S 113 13 5 E"), kLonDms, kLatDms));
  EXPECT_TRUE(IsAt(p.parse_single("7 45 12.3 LS, 113 13 5 BT"), kLonDms, kLatDms));
  EXPECT_TRUE(IsAt(p.parse_single("113 13 5 BT 7 45 12.3 LS"), kLonDms, kLatDms));  // hemisphere decides
  EXPECT_TRUE(IsAt(p.parse_single("S 7\xC2\xB0" "45.205' E 113\xC2\xB0" "13.5'"), 113.225, kLatDms));
  EXPECT_TRUE(IsAt(p.parse_single("-7 45 12.3 113 13 5"), kLonDms, kLatDms));  // seconds end the first
  EXPECT_TRUE(IsAt(p.parse_single("-7 45.205 113 13.5"), 113.225, kLatDms));   // a fraction ends the first
  EXPECT_TRUE(IsAt(p.parse_single("-7 45 113 13"), 113 + 13.0 / 60, -7.75));    // 113 cannot be seconds
}

TEST(CoordinateParser, LatitudeWithoutMinusIsFixedInsideTheExtent) {
  CoordinateParser p(probolinggo());
  EXPECT_TRUE(IsAt(p.parse("113.2154", "7.7534"), 113.2154, -7.7534, peta::kFlagLatSignFixed));
  EXPECT_TRUE(IsAt(p.parse("113.2154", "-7.7534"), 113.2154, -7.7534));  // already right: no flag
  EXPECT_TRUE(IsAt(p.parse_single("7.7534, 113.2154"), 113.2154, -7.7534, peta::kFlagLatSignFixed));
  EXPECT_TRUE(IsAt(p.parse("113 13 5", "7 45 12.3"), kLonDms, kLatDms, peta::kFlagLatSignFixed));
  // Something written that fixes the sign is never overruled: the point stays where it was put.
  EXPECT_TRUE(IsAt(p.parse("113.2154", "7.7534 LU"), 113.2154, 7.7534));
  EXPECT_TRUE(IsAt(p.parse("113.2154", "+7.7534"), 113.2154, 7.7534));
  // Without an extent nothing is fixed.
  CoordinateParser plain;
  EXPECT_TRUE(IsAt(plain.parse("113.2154", "7.7534"), 113.2154, 7.7534));
  // A region north of the equator gets no sign fix.
  CoordinateParserOptions north;
  north.expected_extent = {100, 1, 101, 2};
  EXPECT_TRUE(IsAt(CoordinateParser(north).parse("100.5", "-1.5"), 100.5, -1.5));
}

TEST(CoordinateParser, SwappedLongitudeAndLatitudeAreFixedInsideTheExtent) {
  CoordinateParser p(probolinggo());
  EXPECT_TRUE(IsAt(p.parse("-7.7534", "113.2154"), 113.2154, -7.7534, peta::kFlagSwappedFixed));
  EXPECT_TRUE(IsAt(p.parse("7.7534", "113.2154"), 113.2154, -7.7534, peta::kFlagSwappedFixed | peta::kFlagLatSignFixed));
  EXPECT_TRUE(IsAt(p.parse("-7,7534", "113,2154"), 113.2154, -7.7534, peta::kFlagSwappedFixed));
  // Hemisphere letters in the wrong cells: swapped back and flagged.
  EXPECT_TRUE(IsAt(p.parse("7\xC2\xB0" "45'12.3\"S", "113\xC2\xB0" "13'5\"E"), kLonDms, kLatDms, peta::kFlagSwappedFixed));
  // Kobo geopoint with the order reversed.
  EXPECT_TRUE(IsAt(p.parse_kobo_geopoint("113.2154 -7.7534 0 0"), 113.2154, -7.7534, peta::kFlagSwappedFixed));
  // Outside the extent whichever way: returned as given, the locator rejects it later.
  EXPECT_TRUE(IsAt(p.parse("110.0", "-7.0"), 110.0, -7.0));
  // Fixes can be switched off.
  auto o = probolinggo();
  o.fix_swapped = false;
  o.fix_lat_sign = false;
  CoordinateParser strict(o);
  EXPECT_TRUE(IsRejected(strict.parse("-7.7534", "113.2154"), RejectionReason::coordinate_out_of_range, "'113.2154'"));
  EXPECT_TRUE(IsAt(strict.parse("113.2154", "7.7534"), 113.2154, 7.7534));
}

TEST(CoordinateParser, KoboGeopoint) {
  CoordinateParser p(probolinggo());
  EXPECT_TRUE(IsAt(p.parse_kobo_geopoint("-7.7534 113.2154 120.5 4.0"), 113.2154, -7.7534));
  EXPECT_TRUE(IsAt(p.parse_kobo_geopoint("-7.7534 113.2154"), 113.2154, -7.7534));
  EXPECT_TRUE(IsRejected(p.parse_kobo_geopoint("  "), RejectionReason::coordinate_missing, "empty"));
  EXPECT_TRUE(IsRejected(p.parse_kobo_geopoint("-7.7534"), RejectionReason::coordinate_unparseable, "'-7.7534'"));
  EXPECT_TRUE(IsRejected(p.parse_kobo_geopoint("-7.7534 113.2154 x 4"), RejectionReason::coordinate_unparseable, "'x'"));
  EXPECT_TRUE(IsRejected(p.parse_kobo_geopoint("1 2 3 4 5"), RejectionReason::coordinate_unparseable, "'1 2 3 4 5'"));
}

TEST(CoordinateParser, UtmEastingNorthingFromADeclaredCrs) {
  // Expected values from PROJ's cs2cs: echo "744338.806 9142326.473" | cs2cs -f %.12f EPSG:32749 EPSG:4326
  CoordinateParserOptions o;
  o.source_crs = "EPSG:32749";
  CoordinateParser p(o);
  EXPECT_TRUE(p.projected());
  EXPECT_TRUE(IsAt(p.parse("744338.806", "9142326.473"), 113.215400001811, -7.753400002513));
  EXPECT_TRUE(IsAt(p.parse("744338,806", "9142326,473"), 113.215400001811, -7.753400002513));
  EXPECT_TRUE(IsAt(p.parse_single("744338.806 9142326.473"), 113.215400001811, -7.753400002513));
  EXPECT_TRUE(IsAt(p.parse("700000", "9100000"), 112.815217532586, -8.137976445065));
  EXPECT_TRUE(IsRejected(p.parse("7\xC2\xB0" "45'", "9100000"), RejectionReason::coordinate_unparseable, "easting"));
  EXPECT_TRUE(IsRejected(p.parse("744338.806", ""), RejectionReason::coordinate_missing, "northing is empty"));
  // Easting and northing the other way round: fixed against the extent.
  auto swapped = probolinggo();
  swapped.source_crs = "EPSG:32749";
  EXPECT_TRUE(IsAt(CoordinateParser(swapped).parse("9142326.473", "744338.806"), 113.215400001811, -7.753400002513,
                   peta::kFlagSwappedFixed));
  // A geographic CRS other than EPSG:4326 still reads degrees.
  CoordinateParserOptions crs84;
  crs84.source_crs = "EPSG:4326";
  EXPECT_FALSE(CoordinateParser(crs84).projected());
  EXPECT_THROW(CoordinateParser({"EPSG:999999", {}, true, true}), peta::Error);
}

TEST(CoordinateParser, MissingValues) {
  CoordinateParser p;
  EXPECT_TRUE(IsRejected(p.parse("", ""), RejectionReason::coordinate_missing, "longitude and latitude are empty"));
  EXPECT_TRUE(IsRejected(p.parse("  ", "\t"), RejectionReason::coordinate_missing, "are empty"));
  EXPECT_TRUE(IsRejected(p.parse("113.2", " "), RejectionReason::coordinate_missing, "latitude is empty (longitude '113.2')"));
  EXPECT_TRUE(IsRejected(p.parse("", "-7.7"), RejectionReason::coordinate_missing, "longitude is empty (latitude '-7.7')"));
  EXPECT_TRUE(IsRejected(p.parse("-", "N/A"), RejectionReason::coordinate_missing, "are empty"));
  EXPECT_TRUE(IsRejected(p.parse("#N/A", "null"), RejectionReason::coordinate_missing, "are empty"));
  EXPECT_TRUE(IsRejected(p.parse_single(""), RejectionReason::coordinate_missing, "empty"));
}

TEST(CoordinateParser, UnparseableTextIsNamed) {
  CoordinateParser p;
  EXPECT_TRUE(IsRejected(p.parse("abc", "-7.7"), RejectionReason::coordinate_unparseable, "longitude 'abc'"));
  EXPECT_TRUE(IsRejected(p.parse("113.2", "-7.7.5"), RejectionReason::coordinate_unparseable, "latitude '-7.7.5'"));
  EXPECT_TRUE(IsRejected(p.parse("113.2", "7\xC2\xB0" "75'S"), RejectionReason::coordinate_unparseable, "minutes '75'"));
  EXPECT_TRUE(IsRejected(p.parse("113.2", "7\xC2\xB0" "45'61\"S"), RejectionReason::coordinate_unparseable, "seconds '61'"));
  EXPECT_TRUE(IsRejected(p.parse("113.2", "7.5\xC2\xB0" "30'S"), RejectionReason::coordinate_unparseable, "fraction"));
  EXPECT_TRUE(IsRejected(p.parse("113.2", "-7.75 LU"), RejectionReason::coordinate_unparseable, "contradicts"));
  EXPECT_TRUE(IsRejected(p.parse("113.2", "inf"), RejectionReason::coordinate_unparseable, "'inf'"));
  EXPECT_TRUE(IsRejected(p.parse("113.2", "nan"), RejectionReason::coordinate_unparseable, "'nan'"));
  EXPECT_TRUE(IsRejected(p.parse("113.2", "45'S"), RejectionReason::coordinate_unparseable, "without degrees"));
  EXPECT_TRUE(IsRejected(p.parse("113.2 S", "7.7 S"), RejectionReason::coordinate_unparseable, "two latitudes"));
  EXPECT_TRUE(IsRejected(p.parse_single("-7.7534"), RejectionReason::coordinate_unparseable, "only one value"));
  EXPECT_TRUE(IsRejected(p.parse_single("-7.7534, 113.2154, 5"), RejectionReason::coordinate_unparseable, "'113.2154, 5'"));
  EXPECT_TRUE(IsRejected(p.parse_single("lat -7.7 lon 113.2"), RejectionReason::coordinate_unparseable, "'lat'"));
}

TEST(CoordinateParser, OutOfRangeIsNamed) {
  CoordinateParser p;
  EXPECT_TRUE(IsRejected(p.parse("113.2", "97.5"), RejectionReason::coordinate_out_of_range, "latitude '97.5' is outside -90..90"));
  EXPECT_TRUE(IsRejected(p.parse("190", "-7"), RejectionReason::coordinate_out_of_range, "longitude '190' is outside -180..180"));
  EXPECT_TRUE(IsRejected(p.parse("-7.7534", "113.2154"), RejectionReason::coordinate_out_of_range, "may be swapped"));
  EXPECT_TRUE(IsRejected(p.parse_single("113.2, 197.5"), RejectionReason::coordinate_out_of_range, "'197.5'"));
  EXPECT_TRUE(IsRejected(p.parse("-77534", "113.2154"), RejectionReason::coordinate_out_of_range,
                         "latitude '113.2154' is outside -90..90; longitude '-77534' is outside -180..180"));
}

TEST(CoordinateParser, FlagNamesInIndonesian) {
  EXPECT_EQ(peta::flag_names(peta::kFlagLatSignFixed | peta::kFlagSwappedFixed),
            "tanda_lintang_diperbaiki;tertukar_diperbaiki");
  EXPECT_EQ(peta::flag_names(peta::kFlagByName), "dari_nama");
  EXPECT_EQ(peta::flag_names(peta::kFlagByCode), "dari_kode");
  EXPECT_EQ(peta::flag_names(peta::kFlagInGap | peta::kFlagLatSignFixed), "celah;tanda_lintang_diperbaiki");
}

TEST(AngleText, PlainDecimalFastPath) {
  EXPECT_EQ(peta::parse_plain_decimal("113.2154"), 113.2154);
  EXPECT_EQ(peta::parse_plain_decimal("-7,7534"), -7.7534);
  EXPECT_EQ(peta::parse_plain_decimal("7,"), std::nullopt);
  EXPECT_EQ(peta::parse_plain_decimal("1,2,3"), std::nullopt);
  EXPECT_EQ(peta::parse_plain_decimal("1.2,3"), std::nullopt);
  EXPECT_EQ(peta::parse_plain_decimal("inf"), std::nullopt);
  EXPECT_EQ(peta::parse_plain_decimal(""), std::nullopt);
  EXPECT_EQ(peta::trim_spaces(" \t x \xC2\xA0"), "x");
}
