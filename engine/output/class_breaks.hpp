#pragma once
// Class breaks for graduated maps of counts and rates, computed from the data of a layer.
//
// Method: Jenks natural breaks (Fisher's exact optimal partition minimising the within-class sum of
// squared deviations), run over the distinct values weighted by how often each occurs, so a layer of
// 8,494 desa whose counts take 60 distinct values costs a few thousand steps. For counts, 0 gets a
// class of its own ("0": no finding) and the positive counts are split into up to `classes` classes;
// rates are split as they are. Fewer distinct values than classes give one class per value.
#include <string>
#include <vector>

namespace peta {

struct ClassRange {
  double lower = 0;   // inclusive
  double upper = 0;   // inclusive
  std::string label;  // legend text: "0", "1–2", "3–7", or "0,12–0,48" for rates
};

// Upper bounds of up to `classes` Jenks classes over `values` (any order; NaN ignored), ascending; the
// last is the maximum. Empty when `values` is empty.
std::vector<double> jenks_upper_bounds(std::vector<double> values, int classes);

// Integer counts (values are rounded): {"0"} when any value is 0, then Jenks classes over the
// positive counts, labelled "a–b" (or "a" when a class holds one value).
std::vector<ClassRange> count_classes(const std::vector<double>& values, int classes = 5);

// Rates: Jenks classes over every value, labelled with `decimals` decimals and a decimal comma.
std::vector<ClassRange> rate_classes(const std::vector<double>& values, int classes = 5, int decimals = 2);

}  // namespace peta
