#include "render/count_legend.hpp"

#include "output/style_rules.hpp"

namespace peta::render {

std::string withheld_label(int k, const std::string& lang) {
  return (lang == "en" ? "withheld, < " : "disembunyikan, < ") + std::to_string(k);
}

SceneUnit CountLegend::fill_of(std::optional<double> count) const {
  SceneUnit u;
  if (!count) {
    u.hatched = true;
    return u;
  }
  for (const auto& r : ranges)
    if (*count >= r.lower && *count <= r.upper) {
      u.fill = r.symbol.fill;
      return u;
    }
  u.filled = false;  // outside every class: cannot happen for classes made from the same counts
  return u;
}

std::vector<LegendEntry> CountLegend::entries() const {
  std::vector<LegendEntry> out;
  for (const auto& r : ranges) out.push_back({r.symbol.fill, r.label, false});
  if (any_withheld) out.push_back({{228, 228, 228}, withheld_label(k, lang), true});
  return out;
}

CountLegend count_legend(const std::vector<std::optional<double>>& counts, int k, const std::string& lang) {
  CountLegend legend;
  legend.k = k;
  legend.lang = lang;
  std::vector<double> published;
  for (const auto& c : counts) {
    if (c) published.push_back(*c);
    else legend.any_withheld = true;
  }
  legend.ranges = count_ranges(published);
  return legend;
}

}  // namespace peta::render
