#pragma once
// The scale bar of a map drawn in a projected CRS in metres (peta draws in EPSG:32749, UTM 49S), so a length on
// the page times the map's metres per page unit is a ground distance.
#include <string>

namespace peta::render {

struct ScaleBar {
  double metres = 0;  // ground length the bar stands for: 1, 2 or 5 × 10^n m
  double length = 0;  // its length in page units (metres / metres_per_unit)
  std::string label;  // "500 m", "2 km", "10 km"
};

// The longest 1/2/5 × 10^n metre bar that is at most `max_length` page units long.
ScaleBar choose_scale_bar(double metres_per_unit, double max_length);

}  // namespace peta::render
