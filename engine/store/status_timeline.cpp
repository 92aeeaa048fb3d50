#include "store/status_timeline.hpp"

#include "store/store_dates.hpp"

namespace peta::store {

std::optional<StatusOnDay> status_on(const std::vector<StatusStep>& steps, int day) {
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (steps[i].day <= day) continue;
    // The first change after the day: it started from the status of that day, taken at the change before it.
    return StatusOnDay{steps[i].from, i > 0 ? date_text(steps[i - 1].day) : std::string()};
  }
  return std::nullopt;
}

StatusTimeline::StatusTimeline(const std::vector<HistoryEntry>& history) {
  for (const auto& e : history) {
    if (e.kind != "status" && e.kind != "edit_langsung") continue;
    const auto day = day_number(e.date);
    if (!day) continue;
    steps_[e.id].push_back({*day, e.from_status, e.to_status});
  }
}

const std::vector<StatusStep>* StatusTimeline::steps(const std::string& id) const {
  auto it = steps_.find(id);
  return it == steps_.end() ? nullptr : &it->second;
}

std::optional<StoredFinding> StatusTimeline::as_of(const StoredFinding& f, int day) const {
  const auto* s = steps(f.id);
  if (!s) return std::nullopt;
  auto then = status_on(*s, day);
  if (!then) return std::nullopt;
  StoredFinding past = f;
  past.status = past.recorded_status = then->status;
  past.status_date = then->status_date;
  return past;
}

}  // namespace peta::store
