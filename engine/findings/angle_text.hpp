#pragma once
// Reading one angle (or one plain number) as field staff type it into a spreadsheet cell.
//
// Accepted forms, with surrounding spaces (also no-break spaces) ignored:
//   decimal       "113.2154"  "-7,7534"  "+7.75"          (a dot or a comma as decimal separator)
//   DMS           7°45'12.3"S   7 45 12.3 S   7°45′12,3″ LS   S 7°45'12"
//   deg + minutes 7°45.205'S    7 45.205 S
//   hemisphere    before or after the numbers: N S E W; Indonesian LU (utara, N) LS (selatan, S)
//                 BT (timur, E) BB (barat, W), single U T B, and the words north/south/east/west,
//                 utara/selatan/timur/barat, "lintang selatan", "bujur timur" ... (any case)
//   units         degree ° º ˚; minute ' ′ ’ ‘ ´; second " ″ ” “ '' ′′
// Unmarked numbers take the next place (degrees, minutes, seconds). Only the last number may have a
// fraction; minutes and seconds must be below 60; a "-" together with S or W still means negative,
// a "-" together with N or E is a contradiction and is refused.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace peta {

enum class Hemisphere : std::uint8_t { none, north, south, east, west };

struct AngleText {
  bool ok = false;
  double value = 0;                         // signed degrees: south and west are negative
  Hemisphere hemisphere = Hemisphere::none;  // as written, if it was
  bool explicit_sign = false;               // a "+" or "-" was written
  bool plain_number = false;                // no units and no hemisphere: a bare decimal number
  std::string error;                        // why the text could not be read (when !ok)
};

// `text` without leading and trailing spaces, tabs and no-break spaces.
std::string_view trim_spaces(std::string_view text);

// The fast path: a bare decimal number ("113.2154", "-7,7534"), no allocation. nullopt for anything
// else (including "+1", "1e5" is accepted as from_chars does, inf/nan are refused).
std::optional<double> parse_plain_decimal(std::string_view text);

// One whole angle: the text must hold exactly one (trimmed first).
AngleText parse_angle(std::string_view text);

// The first angle of `text`, for cells holding two. `consumed` is set to where it ended (separators
// after it not included). The angle ends at a hemisphere word, at a ',' or ';' that is not a decimal
// separator, after a number with a fraction, after seconds, or before a number that cannot continue it
// (a sign, a unit of an earlier place, or an unmarked value of 60 or more).
AngleText parse_angle_prefix(std::string_view text, std::size_t& consumed);

const char* hemisphere_name(Hemisphere h);  // "N", "S", "E", "W" or ""

}  // namespace peta
