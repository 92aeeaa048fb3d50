#pragma once
// Calendar arithmetic for due dates and ages: dates as day numbers (days since 1970-01-01).
#include <optional>
#include <string>
#include <string_view>

namespace peta::store {

// The forms parse_date accepts ("2024-03-07", "07/03/2024", ...) as a day number; nullopt otherwise.
std::optional<int> day_number(std::string_view text);
// A day number as YYYY-MM-DD.
std::string date_text(int day);
// The date normalised to YYYY-MM-DD, or "" when it is not a date.
std::string normalised_date(std::string_view text);

}  // namespace peta::store
