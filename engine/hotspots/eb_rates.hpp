#pragma once
// Rates and their smoothing for small-area counts (events e_i over a base b_i: population or area).
//  - crude_rates: e_i / b_i * multiplier (e.g. per 1,000 inhabitants or per km²); NaN where b_i <= 0.
//  - empirical_bayes_rates: Marshall's global EB as esda.smoothing.Empirical_Bayes.
//  - spatial_empirical_bayes_rates: local EB as esda.smoothing.Spatial_Empirical_Bayes, the prior taken
//    from each unit and its neighbours (binary weights plus self).
// Both EB estimators clip a negative prior variance to 0 (the smoothed rate then equals the prior mean).
// esda's spatial version does the same; esda's aspatial version does not clip (it only matters when the
// rates vary less than Poisson noise alone would make them).
#include <vector>

#include "hotspots/spatial_weights.hpp"

namespace peta {

std::vector<double> crude_rates(const std::vector<double>& events, const std::vector<double>& base,
                                double multiplier = 1.0);

std::vector<double> empirical_bayes_rates(const std::vector<double>& events, const std::vector<double>& base);

std::vector<double> spatial_empirical_bayes_rates(const std::vector<double>& events, const std::vector<double>& base,
                                                  const SpatialWeights& weights);

// esda.smoothing.Spatial_Rate: (e_i + sum_j e_j) / (b_i + sum_j b_j) over the binary neighbours j of i.
std::vector<double> spatial_rates(const std::vector<double>& events, const std::vector<double>& base,
                                  const SpatialWeights& weights);

}  // namespace peta
