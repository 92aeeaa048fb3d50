#include "store/finding_status.hpp"

#include <algorithm>
#include <map>

namespace peta::store {

const std::vector<std::string>& all_statuses() {
  static const std::vector<std::string> s = {kStatusNew, kStatusVerified, kStatusInProgress,
                                             kStatusDone, kStatusNotAProblem, kStatusDuplicate};
  return s;
}

bool is_status(std::string_view s) {
  const auto& all = all_statuses();
  return std::find(all.begin(), all.end(), s) != all.end();
}

bool is_open_status(std::string_view s) { return s == kStatusNew || s == kStatusVerified || s == kStatusInProgress; }
bool is_excluded_status(std::string_view s) { return s == kStatusNotAProblem || s == kStatusDuplicate; }

namespace {
// The allowed transitions. A handled problem can be reopened (selesai -> ditindaklanjuti), and one set aside
// can be taken up again (bukan_masalah / duplikat -> baru); nothing skips verification.
const std::map<std::string, std::vector<std::string>, std::less<>>& transitions() {
  static const std::map<std::string, std::vector<std::string>, std::less<>> t = {
      {kStatusNew, {kStatusVerified, kStatusNotAProblem, kStatusDuplicate}},
      {kStatusVerified, {kStatusInProgress, kStatusDone, kStatusNotAProblem, kStatusDuplicate}},
      {kStatusInProgress, {kStatusDone}},
      {kStatusDone, {kStatusInProgress}},
      {kStatusNotAProblem, {kStatusNew}},
      {kStatusDuplicate, {kStatusNew}},
  };
  return t;
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}
}  // namespace

std::optional<std::string> transition_refusal(std::string_view from, std::string_view to) {
  if (!is_status(to)) return "status '" + std::string(to) + "' tidak dikenal (yang ada: " + joined(all_statuses()) + ")";
  auto it = transitions().find(from);
  if (it == transitions().end()) return "status sekarang '" + std::string(from) + "' tidak dikenal";
  if (from == to) return "status sudah '" + std::string(to) + "'";
  const auto& allowed = it->second;
  if (std::find(allowed.begin(), allowed.end(), to) != allowed.end()) return std::nullopt;
  return "perubahan '" + std::string(from) + "' -> '" + std::string(to) + "' tidak diizinkan (dari '" +
         std::string(from) + "' hanya ke: " + joined(allowed) + ")";
}

}  // namespace peta::store
