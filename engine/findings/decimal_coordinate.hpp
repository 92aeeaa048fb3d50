#pragma once
// The fast path for a decimal-degree coordinate cell: "113.2154", " -7.75 ".
#include <string>
#include <string_view>

namespace peta {

enum class CoordinateError { none, missing, unparseable, out_of_range };

// Parses one decimal number (surrounding blanks allowed) and checks it against [-limit, limit].
CoordinateError parse_decimal_degree(std::string_view text, double limit, double& out);

// Stable reason codes for rejections: "coordinate_missing", ...
const char* coordinate_error_code(CoordinateError e);

}  // namespace peta
