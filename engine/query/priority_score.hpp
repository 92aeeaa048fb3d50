#pragma once
// The priority score: a weighted combination of the categories per unit, 0..100.
//
//   score(u) = 100 * sum_c w_c * n(u,c) / max_v n(v,c)  /  sum_c w_c
//
// n(u,c) is unit u's count of category c (after any finding filters) and the maximum runs over every unit of the
// same level in the project, so a score of 100 means "the worst unit in every weighted category" and scores are
// comparable across kecamatan. A category nobody reported contributes 0. The weights w_c >= 0 come from the
// project file ("priority": {"weights": {...}}); a category not listed there weighs 1, except `potensi`
// (a village's potential is not a problem), which weighs 0.
#include <map>
#include <string>
#include <vector>

#include "aggregate/category_taxonomy.hpp"

namespace peta::query {

struct CountMatrix;

struct PrioritySettings {
  std::map<std::string, double> weights;  // category code -> weight, as written in the project file
  // One weight per taxonomy category, in taxonomy order, defaults filled in.
  std::vector<double> weights_for(const CategoryTaxonomy& taxonomy) const;
};

double default_priority_weight(const std::string& category_code);

// The weights the score actually uses: a category that cannot be counted under the current filter (its findings
// are not in the temuan layer) weighs 0, so the score and its legend never depend on an unknown count.
std::vector<double> effective_priority_weights(const CountMatrix& counts, const std::vector<double>& weights);

// One score per unit row of `counts`; `weights` has one weight per category column (pass the effective ones).
// A withheld count (below k, or withheld as a complement) reads as `withheld_value`, (k - 1) / 2 as the hotspot
// statistics read it, so no score carries a withheld count. Throws QueryError when every weight is 0.
std::vector<double> priority_scores(const CountMatrix& counts, const std::vector<double>& weights,
                                    double withheld_value);

}  // namespace peta::query
