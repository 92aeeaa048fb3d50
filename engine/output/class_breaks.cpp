#include "output/class_breaks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>

namespace peta {
namespace {

// Fisher–Jenks over distinct sorted values x with weights w: the best split of x into k classes.
// Returns the index (into x) of the last value of each class.
std::vector<std::size_t> fisher_jenks(const std::vector<double>& x, const std::vector<double>& w, int k) {
  const std::size_t n = x.size();
  const std::size_t classes = static_cast<std::size_t>(k);
  // Prefix sums give the weighted sum of squared deviations of any run x[i..j] in O(1).
  std::vector<double> sw(n + 1, 0), swx(n + 1, 0), swxx(n + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    sw[i + 1] = sw[i] + w[i];
    swx[i + 1] = swx[i] + w[i] * x[i];
    swxx[i + 1] = swxx[i] + w[i] * x[i] * x[i];
  }
  auto ssd = [&](std::size_t i, std::size_t j) {  // run x[i..j], inclusive
    double W = sw[j + 1] - sw[i], S = swx[j + 1] - swx[i], Q = swxx[j + 1] - swxx[i];
    return std::max(0.0, Q - S * S / W);
  };
  const double inf = std::numeric_limits<double>::infinity();
  // cost[c][j]: best cost of x[0..j] in c+1 classes; last[c][j]: first index of the last class.
  std::vector<std::vector<double>> cost(classes, std::vector<double>(n, inf));
  std::vector<std::vector<std::size_t>> first(classes, std::vector<std::size_t>(n, 0));
  for (std::size_t j = 0; j < n; ++j) cost[0][j] = ssd(0, j);
  for (std::size_t c = 1; c < classes; ++c)
    for (std::size_t j = c; j < n; ++j)
      for (std::size_t i = c; i <= j; ++i) {
        double v = cost[c - 1][i - 1] + ssd(i, j);
        if (v < cost[c][j]) {
          cost[c][j] = v;
          first[c][j] = i;
        }
      }
  std::vector<std::size_t> ends(classes);
  std::size_t j = n - 1;
  for (std::size_t c = classes; c-- > 0;) {
    ends[c] = j;
    if (c > 0) j = first[c][j] - 1;
  }
  return ends;
}

std::string format_number(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  for (auto& ch : s)
    if (ch == '.') ch = ',';  // Indonesian decimal comma
  return s;
}

const char* const kEnDash = "\xE2\x80\x93";

}  // namespace

std::vector<double> jenks_upper_bounds(std::vector<double> values, int classes) {
  std::map<double, double> weight;
  for (double v : values)
    if (!std::isnan(v)) weight[v] += 1;
  if (weight.empty() || classes < 1) return {};
  std::vector<double> x, w;
  // Many distinct values (rates): pool them into about 1,000 runs of equal count, each represented by
  // its maximum, so the exact optimisation stays cheap; breaks then fall on a run's last value.
  constexpr std::size_t kMaxDistinct = 1000;
  if (weight.size() <= kMaxDistinct) {
    for (const auto& [v, c] : weight) {
      x.push_back(v);
      w.push_back(c);
    }
  } else {
    std::vector<double> sorted;
    for (const auto& [v, c] : weight) sorted.insert(sorted.end(), static_cast<std::size_t>(c), v);
    std::size_t per = (sorted.size() + kMaxDistinct - 1) / kMaxDistinct;
    for (std::size_t i = 0; i < sorted.size(); i += per) {
      std::size_t e = std::min(sorted.size(), i + per);
      x.push_back(sorted[e - 1]);  // the run's maximum keeps breaks on real values
      w.push_back(static_cast<double>(e - i));
    }
  }
  int k = std::min<int>(classes, static_cast<int>(x.size()));
  std::vector<double> bounds;
  for (std::size_t end : fisher_jenks(x, w, k)) bounds.push_back(x[end]);
  return bounds;
}

std::vector<ClassRange> count_classes(const std::vector<double>& values, int classes) {
  std::vector<ClassRange> out;
  std::vector<double> positive;
  bool has_zero = false;
  for (double v : values) {
    if (std::isnan(v)) continue;
    double r = std::round(v);
    if (r <= 0) has_zero = true;
    else positive.push_back(r);
  }
  if (has_zero || positive.empty()) out.push_back({0, 0, "0"});
  // The first class starts at the smallest count there is, not at 1: in the public profile a sensitive
  // category's smallest published count is k, and a legend "1–10" would suggest counts that are never shown.
  double lower = positive.empty() ? 1 : *std::min_element(positive.begin(), positive.end());
  for (double upper : jenks_upper_bounds(positive, classes)) {
    std::string label = lower == upper ? format_number(lower, 0)
                                       : format_number(lower, 0) + kEnDash + format_number(upper, 0);
    out.push_back({lower, upper, label});
    lower = upper + 1;
  }
  return out;
}

std::vector<ClassRange> rate_classes(const std::vector<double>& values, int classes, int decimals) {
  std::vector<ClassRange> out;
  std::vector<double> clean;
  for (double v : values)
    if (!std::isnan(v)) clean.push_back(v);
  if (clean.empty()) return out;
  double lower = *std::min_element(clean.begin(), clean.end());
  for (double upper : jenks_upper_bounds(clean, classes)) {
    std::string label = format_number(lower, decimals);
    if (format_number(upper, decimals) != label) label += kEnDash + format_number(upper, decimals);
    out.push_back({lower, upper, std::move(label)});
    lower = upper;  // QGIS takes the first range that holds a value: a shared bound belongs to the lower class
  }
  return out;
}

}  // namespace peta
