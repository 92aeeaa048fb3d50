#pragma once
// Multiple-testing helpers shared by the local statistics.
#include <vector>

namespace peta {

// Benjamini-Hochberg threshold as esda.fdr: sort p descending, compare p_(k) < k * alpha / n for
// k = n..1, and return k * alpha / n for the first (largest) k that passes; 0.001 * alpha when none does.
// An observation is significant when its p-value is strictly below the returned threshold.
double fdr_threshold(const std::vector<double>& p_values, double alpha);

// Upper tail of the standard normal distribution, P(Z > z).
double normal_sf(double z);
// Two-sided p-value of a standard normal z-score, 2 * P(Z > |z|).
double normal_p_two_sided(double z);

}  // namespace peta
