#pragma once
// The status a finding had on a given day, from the status history (`riwayat`): a build or query "as of" a past
// date shows the status of that date, not today's. A finding whose status changed after the day had, on that
// day, the status its first change after the day started from.
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/store_types.hpp"

namespace peta::store {

// One recorded status change (history kinds `status` and `edit_langsung`), as a day number.
struct StatusStep {
  int day = 0;
  std::string from, to;
};

// A finding's status on a day: the status and the date it took it (YYYY-MM-DD, "" when it had it from the start).
struct StatusOnDay {
  std::string status;
  std::string status_date;
};

// The status on `day` after the steps (in recording order); nullopt when no step is dated after the day (the
// status is today's).
std::optional<StatusOnDay> status_on(const std::vector<StatusStep>& steps, int day);

// The status changes of every finding in a history, by id (other history kinds and undated rows ignored).
class StatusTimeline {
 public:
  StatusTimeline() = default;
  explicit StatusTimeline(const std::vector<HistoryEntry>& history);
  bool empty() const { return steps_.empty(); }
  // The finding's steps in recording order; nullptr when its status never changed.
  const std::vector<StatusStep>* steps(const std::string& id) const;
  // The finding as it stood at the end of `day` (status, recorded status, status date); nullopt when it is as
  // stored (no change dated after the day).
  std::optional<StoredFinding> as_of(const StoredFinding& f, int day) const;

 private:
  std::unordered_map<std::string, std::vector<StatusStep>> steps_;
};

}  // namespace peta::store
