// The coordinate parser (findings/coordinate_parser) and the angle reader under it (findings/angle_text).
// Input: the first byte picks the parser (with or without an expected extent, degrees or EPSG:32749), the rest
// is cut into cells at 0x1F. Invariants: an accepted coordinate is a finite longitude/latitude in range; a
// refused one has one of the documented reasons and a sentence; an angle's `consumed` stays in the text.
#include <cmath>
#include <cstring>

#include "findings/angle_text.hpp"
#include "findings/coordinate_parser.hpp"
#include "fuzz_support.hpp"

namespace {

peta::CoordinateParser make_parser(bool extent, bool projected) {
  peta::CoordinateParserOptions o;
  if (extent) {  // Kabupaten Probolinggo with a margin
    o.expected_extent.expand(peta::Coord{112.9, -8.2});
    o.expected_extent.expand(peta::Coord{113.6, -7.6});
  }
  if (projected) o.source_crs = "EPSG:32749";
  return peta::CoordinateParser(o);
}

void check(const peta::ParsedCoordinate& p, const char* how) {
  if (p.ok) {
    PETA_FUZZ_CHECK(std::isfinite(p.lonlat.x) && std::isfinite(p.lonlat.y), how);
    PETA_FUZZ_CHECK(std::abs(p.lonlat.x) <= 180 && std::abs(p.lonlat.y) <= 90, how);
    PETA_FUZZ_CHECK(!p.reason, how);
  } else {
    PETA_FUZZ_CHECK(p.reason == peta::RejectionReason::coordinate_missing || p.reason == peta::RejectionReason::coordinate_unparseable ||
                        p.reason == peta::RejectionReason::coordinate_out_of_range,
                    std::string(how) + ": " + std::string(peta::code(p.reason)));
    PETA_FUZZ_CHECK(!p.detail.empty(), how);
  }
}

void check_angle(std::string_view text) {
  const peta::AngleText a = peta::parse_angle(text);
  if (a.ok) PETA_FUZZ_CHECK(std::isfinite(a.value), "parse_angle value");
  else PETA_FUZZ_CHECK(!a.error.empty(), "parse_angle error without a reason");
  std::size_t consumed = 0;
  const peta::AngleText prefix = peta::parse_angle_prefix(text, consumed);
  PETA_FUZZ_CHECK(consumed <= text.size(), "consumed past the end");
  if (prefix.ok) PETA_FUZZ_CHECK(std::isfinite(prefix.value), "parse_angle_prefix value");
  if (auto d = peta::parse_plain_decimal(text)) {
    PETA_FUZZ_CHECK(std::isfinite(*d), "parse_plain_decimal value");
    // parse_angle refuses some forms from_chars takes ("1e5", "1.", ".5"); when both read it, they agree.
    if (a.ok) PETA_FUZZ_CHECK(a.value == *d, "a plain decimal read as another angle");
  }
  const std::string_view trimmed = peta::trim_spaces(text);
  PETA_FUZZ_CHECK(trimmed.size() <= text.size(), "trim_spaces grew the text");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1 || size > 4096) return 0;
  static const peta::CoordinateParser parsers[4] = {make_parser(false, false), make_parser(true, false),
                                                    make_parser(false, true), make_parser(true, true)};
  const peta::CoordinateParser& parser = parsers[data[0] & 3];
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::string_view a = peta::fuzz::part(rest, 0), b = peta::fuzz::part(rest, 1);
  check(parser.parse(a, b), "parse");
  check(parser.parse_single(a), "parse_single");
  check(parser.parse_kobo_geopoint(a), "parse_kobo_geopoint");
  check_angle(a);
  return 0;
}
