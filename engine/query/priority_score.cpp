#include "query/priority_score.hpp"

#include <algorithm>
#include <cmath>

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

std::vector<double> effective_priority_weights(const CountMatrix& counts, const std::vector<double>& weights) {
  std::vector<double> out(weights);
  for (std::size_t c = 0; c + 1 < counts.columns && c < out.size(); ++c)
    for (std::size_t u = 0; u < counts.units; ++u)
      if (counts.hidden_at(u, c) == Hidden::not_recountable) {
        out[c] = 0;
        break;
      }
  return out;
}

std::vector<double> priority_scores(const CountMatrix& counts, const std::vector<double>& weights,
                                    double withheld_value) {
  const std::size_t categories = counts.columns - 1;
  double weight_sum = 0;
  for (std::size_t c = 0; c < categories && c < weights.size(); ++c) weight_sum += weights[c];
  if (weight_sum <= 0)
    throw QueryError("priority: every category weight is 0 (see priority.weights in the project file), or the "
                     "weighted categories cannot be counted under this filter");
  auto value = [&](std::size_t u, std::size_t c) {
    const double v = counts.at(u, c);
    if (!std::isnan(v)) return v;
    const Hidden why = counts.hidden_at(u, c);
    return why == Hidden::below_k || why == Hidden::complementary ? withheld_value : 0.0;
  };
  std::vector<double> max(categories, 0.0);
  for (std::size_t u = 0; u < counts.units; ++u)
    for (std::size_t c = 0; c < categories; ++c) max[c] = std::max(max[c], value(u, c));
  std::vector<double> score(counts.units, 0.0);
  for (std::size_t u = 0; u < counts.units; ++u) {
    double s = 0;
    for (std::size_t c = 0; c < categories && c < weights.size(); ++c)
      if (max[c] > 0 && weights[c] > 0) s += weights[c] * value(u, c) / max[c];
    score[u] = 100.0 * s / weight_sum;
  }
  return score;
}

}  // namespace peta::query
