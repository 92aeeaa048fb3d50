#pragma once
// Moran's I for rates standardised by Empirical Bayes (Assunção & Reis 1999), as esda.Moran_Rate(adjusted=True):
// each rate r_i = e_i / b_i becomes z_i = (r_i - m) / sqrt(a + m / b_i) with the global prior mean m = sum e / sum b
// and prior variance a = sum b_i (r_i - m)^2 / sum b - m / mean(b) (esda.smoothing.assuncao_rate), and Moran's I
// runs on z. Unlike the EB rates (eb_rates.hpp), a is not clipped: when a + m / b_i <= 0 the standardised rate
// is NaN, as in esda; moran_rate then throws naming the problem (the rates vary less than Poisson noise).
#include <vector>

#include "hotspots/moran.hpp"

namespace peta {

std::vector<double> assuncao_rates(const std::vector<double>& events, const std::vector<double>& base);

GlobalMoran moran_rate(const SpatialWeights& weights, const std::vector<double>& events,
                       const std::vector<double>& base, const GlobalMoranSettings& settings = {});

}  // namespace peta
