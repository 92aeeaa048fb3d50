#pragma once
// The legend and fills of a map of counts: the graduated ranges of the styles (output/style_rules.hpp: "0" grey,
// then YlOrRd Jenks classes over the published counts) and, when any unit's count is withheld by the public
// profile, one more class "disembunyikan, < k" drawn hatched. A withheld unit is never coloured as 0.
#include <optional>
#include <string>
#include <vector>

#include "output/qml_style.hpp"
#include "render/map_scene.hpp"

namespace peta::render {

struct CountLegend {
  std::vector<RangeSpec> ranges;
  bool any_withheld = false;
  int k = 5;
  std::string lang = "id";

  // The fill of a unit with this published count (nullopt: withheld).
  SceneUnit fill_of(std::optional<double> count) const;
  std::vector<LegendEntry> entries() const;
};

// "disembunyikan, < 5" / "withheld, < 5"
std::string withheld_label(int k, const std::string& lang);

// Classes over the published counts (withheld ones left out, so the first class starts at the smallest count
// that is published).
CountLegend count_legend(const std::vector<std::optional<double>>& counts, int k, const std::string& lang);

}  // namespace peta::render
