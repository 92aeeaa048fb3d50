#pragma once
// The problem–potential matrix per desa: where need meets capacity.
//   problem rate  the desa's findings of the chosen categories ("masalah": a list, or "semua" = every category
//                 but potensi; in the public profile the sensitive categories are left out, so the matrix reveals
//                 nothing of a withheld count) per 1,000 population when "penduduk" names a population field,
//                 else per km² (the desa's area, UTM 49S);
//   potential     a numeric profile field ("potensi", e.g. skor_idm).
// Each is split at its median over the desa that have both values: high when strictly above the median, low at
// or below it (so a median desa counts as low, and ties never split a value between classes). The four classes,
// plus a fifth for a desa without one of the two values (no population, no potential value):
//   "masalah tinggi, potensi rendah"   need without capacity: the planner's first list
//   "masalah tinggi, potensi tinggi"   need with capacity to build on
//   "masalah rendah, potensi tinggi"   capacity to grow
//   "masalah rendah, potensi rendah"
//   "tanpa data"
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace peta::profile {

enum class Quadrant : int { high_low = 0, high_high = 1, low_high = 2, low_low = 3, no_data = 4 };
inline constexpr int kQuadrantCount = 5;

// "masalah tinggi, potensi rendah", ... , "tanpa data"
const char* quadrant_label(Quadrant q);
const char* quadrant_label_en(Quadrant q);

struct MatrixResult {
  std::vector<double> problem_rate;              // per desa; NaN without a rate (no population)
  std::vector<std::optional<double>> potential;  // per desa
  std::vector<Quadrant> quadrant;                // per desa
  double problem_median = 0, potential_median = 0;
  std::string rate_unit;                         // "per 1.000 penduduk" or "per km²"
  std::array<std::int64_t, kQuadrantCount> counts{};
};

// `problems[d]`: the desa's findings of the chosen categories; `population` empty: per km² of `area_km2`.
MatrixResult problem_potential_matrix(const std::vector<double>& problems, const std::vector<std::optional<double>>& population,
                                      const std::vector<double>& area_km2, const std::vector<std::optional<double>>& potential);

// The median of `values` (the mean of the two middle values for an even count); NaN when empty.
double median(std::vector<double> values);

}  // namespace peta::profile
