#include "hotspots/desa_trends.hpp"

#include <set>

namespace peta {

std::vector<const EmergingResult*> DesaTrends::pointers() const {
  std::vector<const EmergingResult*> out;
  for (const auto& r : results) out.push_back(r ? &*r : nullptr);
  return out;
}

DesaTrends desa_trends(const PeriodCounts& counts, const CategoryTaxonomy& categories, const SpatialWeights& queen,
                       const EmergingSettings& settings, int min_periods) {
  DesaTrends t;
  t.results.resize(categories.categories().size());
  if (counts.empty()) return t;
  t.first = counts.first_period();
  t.last = counts.last_period();
  if (t.last - t.first + 1 < min_periods) return t;
  std::set<std::string> present;
  for (const auto& row : counts.rows()) present.insert(row.category);
  for (std::size_t c = 0; c < categories.categories().size(); ++c) {
    const std::string& code = categories.categories()[c].code;
    if (!present.count(code)) continue;
    t.results[c] = emerging_hotspots(counts.cube(queen.size(), code, t.first, t.last), queen, settings);
  }
  return t;
}

}  // namespace peta
