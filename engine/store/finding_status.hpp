#pragma once
// The life of a problem: its statuses and the transitions between them (README "Store" has the table).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace peta::store {

inline constexpr const char* kStatusNew = "baru";
inline constexpr const char* kStatusVerified = "diverifikasi";
inline constexpr const char* kStatusInProgress = "ditindaklanjuti";
inline constexpr const char* kStatusDone = "selesai";
inline constexpr const char* kStatusNotAProblem = "bukan_masalah";
inline constexpr const char* kStatusDuplicate = "duplikat";

// Every status, in life order.
const std::vector<std::string>& all_statuses();
bool is_status(std::string_view s);
// Open: baru, diverifikasi, ditindaklanjuti. Closed: selesai. Set aside (excluded from counts): bukan_masalah, duplikat.
bool is_open_status(std::string_view s);
bool is_excluded_status(std::string_view s);

// Why `from` -> `to` is refused (Bahasa Indonesia), or nullopt when the transition is allowed.
std::optional<std::string> transition_refusal(std::string_view from, std::string_view to);

}  // namespace peta::store
