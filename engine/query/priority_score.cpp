#include "query/priority_score.hpp"

#include <algorithm>

#include "query/query_spec.hpp"
#include "query/unit_counts.hpp"

namespace peta::query {

double default_priority_weight(const std::string& code) { return code == "potensi" ? 0.0 : 1.0; }

std::vector<double> PrioritySettings::weights_for(const CategoryTaxonomy& taxonomy) const {
  std::vector<double> out;
  for (const auto& c : taxonomy.categories()) {
    auto it = weights.find(c.code);
    out.push_back(it != weights.end() ? it->second : default_priority_weight(c.code));
  }
  return out;
}

std::vector<double> priority_scores(const CountMatrix& counts, const std::vector<double>& weights) {
  const std::size_t categories = counts.columns - 1;
  double weight_sum = 0;
  for (std::size_t c = 0; c < categories && c < weights.size(); ++c) weight_sum += weights[c];
  if (weight_sum <= 0) throw QueryError("priority: every category weight is 0 (see priority.weights in the project file)");
  std::vector<double> max(categories, 0.0);
  for (std::size_t u = 0; u < counts.units; ++u)
    for (std::size_t c = 0; c < categories; ++c) max[c] = std::max(max[c], counts.at(u, c));
  std::vector<double> score(counts.units, 0.0);
  for (std::size_t u = 0; u < counts.units; ++u) {
    double s = 0;
    for (std::size_t c = 0; c < categories && c < weights.size(); ++c)
      if (max[c] > 0) s += weights[c] * counts.at(u, c) / max[c];
    score[u] = 100.0 * s / weight_sum;
  }
  return score;
}

}  // namespace peta::query
