#pragma once
// Calendar dates as yyyymmdd integers, read from the forms field data uses.
#include <optional>
#include <string>
#include <string_view>

namespace peta {

// "2024-03-07", "2024/03/07", "2024-03-07T10:00:00" (time ignored), "07/03/2024", "07-03-2024" -> 20240307.
// nullopt for anything else, including impossible dates (2023-02-29).
std::optional<int> parse_date(std::string_view text);
// 20240307 -> "2024-03-07".
std::string format_date(int yyyymmdd);

}  // namespace peta
