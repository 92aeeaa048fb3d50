#include "findings/decimal_coordinate.hpp"

#include <charconv>
#include <cmath>

namespace peta {

CoordinateError parse_decimal_degree(std::string_view text, double limit, double& out) {
  std::size_t b = 0, e = text.size();
  while (b < e && (text[b] == ' ' || text[b] == '\t')) ++b;
  while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
  if (b == e) return CoordinateError::missing;
  const char* first = text.data() + b;
  if (*first == '+') ++first;
  auto [ptr, ec] = std::from_chars(first, text.data() + e, out);
  if (ec != std::errc() || ptr != text.data() + e || !std::isfinite(out)) return CoordinateError::unparseable;
  if (std::fabs(out) > limit) return CoordinateError::out_of_range;
  return CoordinateError::none;
}

const char* coordinate_error_code(CoordinateError e) {
  switch (e) {
    case CoordinateError::missing: return "coordinate_missing";
    case CoordinateError::unparseable: return "coordinate_unparseable";
    case CoordinateError::out_of_range: return "coordinate_out_of_range";
    default: return "";
  }
}

}  // namespace peta
