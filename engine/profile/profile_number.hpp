#pragma once
// Numbers in desa tables as Indonesian offices write them, read per column (the counterpart of
// boundaries/indonesian_number.hpp, which writes them):
//   - Indonesian convention (the default): '.' groups thousands, ',' marks decimals: "1.298" = 1298,
//     "0,528" = 0.528, "12.345,6" = 12345.6. A dot must then group digits by three ("12.5" is no number).
//   - Dot-decimal convention: chosen for a column that has no comma anywhere and at least one value whose dot
//     can only be a decimal point ("0.61", "12.5", "1234.5", "0.750"): every dot is then a decimal point.
//     So a score column written 0.61, 0.72, ... reads as decimals, and a population column written 1.298,
//     12.040 reads as thousands; "1.298" alone is 1298, as an Indonesian reader takes it.
// Empty cells and "-", "n/a", "#N/A", "null", "NA" (any case) are missing values, never 0.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace peta::profile {

enum class NumberConvention { indonesian, dot_decimal };

bool is_missing_text(std::string_view text);

// The convention of a column from its (trimmed) cells.
NumberConvention detect_convention(const std::vector<std::string_view>& cells);

// The value of a trimmed, non-missing cell; nullopt when it is no number under `convention`.
std::optional<double> parse_number(std::string_view text, NumberConvention convention);

}  // namespace peta::profile
