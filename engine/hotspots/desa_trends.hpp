#pragma once
// The time stage for the pipeline: emerging hot spots per category on the desa x period cube of the
// dated findings (PeriodCounts, fed by add(desa, category code, date)), with the project's queen weights.
// A category is analysed when the periods from the first to the last dated finding (of any category)
// number at least `min_periods` (3: Mann-Kendall needs a series) and the category has a dated finding.
#include <optional>
#include <string>
#include <vector>

#include "aggregate/category_taxonomy.hpp"
#include "aggregate/period_counts.hpp"
#include "hotspots/emerging_hotspots.hpp"
#include "hotspots/spatial_weights.hpp"

namespace peta {

struct DesaTrends {
  int first = 0, last = -1;                              // the cube's periods (last < first: none)
  std::vector<std::optional<EmergingResult>> results;   // per taxonomy category, in taxonomy order
  std::vector<const EmergingResult*> pointers() const;  // for append_trend_values
};

DesaTrends desa_trends(const PeriodCounts& counts, const CategoryTaxonomy& categories, const SpatialWeights& queen,
                       const EmergingSettings& settings = {}, int min_periods = 3);

}  // namespace peta
