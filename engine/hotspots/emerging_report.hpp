#pragma once
// The hotspot report's section on time: per category, the findings per period (the trend line) and the
// emerging hot spot classes, with the desa of each hot class by kecamatan. Indonesian ("id") or English.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "aggregate/period_counts.hpp"
#include "core/admin_unit.hpp"
#include "hotspots/emerging_hotspots.hpp"

namespace peta {

struct EmergingCategory {
  std::string code, label_id, label_en;
  const EmergingResult* result = nullptr;  // null: not analysed (fewer than 3 periods)
};

// `counts`: per desa; `first`..`last`: the periods of the cube.
std::string emerging_report_text(const Boundaries& b, const PeriodCounts& counts, int first, int last,
                                 const std::vector<EmergingCategory>& categories, const std::string& language);
nlohmann::json emerging_report_json(const Boundaries& b, const PeriodCounts& counts, int first, int last,
                                    const std::vector<EmergingCategory>& categories);

}  // namespace peta
