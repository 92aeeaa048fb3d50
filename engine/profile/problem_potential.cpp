#include "profile/problem_potential.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace peta::profile {

const char* quadrant_label(Quadrant q) {
  switch (q) {
    case Quadrant::high_low: return "masalah tinggi, potensi rendah";
    case Quadrant::high_high: return "masalah tinggi, potensi tinggi";
    case Quadrant::low_high: return "masalah rendah, potensi tinggi";
    case Quadrant::low_low: return "masalah rendah, potensi rendah";
    case Quadrant::no_data: return "tanpa data";
  }
  return "tanpa data";
}

const char* quadrant_label_en(Quadrant q) {
  switch (q) {
    case Quadrant::high_low: return "many problems, little potential";
    case Quadrant::high_high: return "many problems, much potential";
    case Quadrant::low_high: return "few problems, much potential";
    case Quadrant::low_low: return "few problems, little potential";
    case Quadrant::no_data: return "no data";
  }
  return "no data";
}

double median(std::vector<double> v) {
  if (v.empty()) return std::numeric_limits<double>::quiet_NaN();
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

MatrixResult problem_potential_matrix(const std::vector<double>& problems, const std::vector<std::optional<double>>& population,
                                      const std::vector<double>& area_km2, const std::vector<std::optional<double>>& potential) {
  MatrixResult m;
  const std::size_t n = problems.size();
  m.rate_unit = population.empty() ? "per km²" : "per 1.000 penduduk";
  m.problem_rate.assign(n, std::numeric_limits<double>::quiet_NaN());
  m.potential = potential;
  m.potential.resize(n);
  for (std::size_t d = 0; d < n; ++d) {
    if (population.empty()) {
      if (d < area_km2.size() && area_km2[d] > 0) m.problem_rate[d] = problems[d] / area_km2[d];
    } else if (d < population.size() && population[d] && *population[d] > 0) {
      m.problem_rate[d] = problems[d] * 1000.0 / *population[d];
    }
  }
  std::vector<double> rates, potentials;
  for (std::size_t d = 0; d < n; ++d)
    if (!std::isnan(m.problem_rate[d]) && m.potential[d]) {
      rates.push_back(m.problem_rate[d]);
      potentials.push_back(*m.potential[d]);
    }
  m.problem_median = median(rates);
  m.potential_median = median(potentials);
  m.quadrant.assign(n, Quadrant::no_data);
  for (std::size_t d = 0; d < n; ++d) {
    if (!std::isnan(m.problem_rate[d]) && m.potential[d]) {
      const bool high_problem = m.problem_rate[d] > m.problem_median, high_potential = *m.potential[d] > m.potential_median;
      m.quadrant[d] = high_problem ? (high_potential ? Quadrant::high_high : Quadrant::high_low)
                                   : (high_potential ? Quadrant::low_high : Quadrant::low_low);
    }
    ++m.counts[std::size_t(m.quadrant[d])];
  }
  return m;
}

}  // namespace peta::profile
