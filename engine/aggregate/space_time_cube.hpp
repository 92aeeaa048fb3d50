#pragma once
// Counts of units over time steps, as emerging hot spot analysis (hotspots/emerging_hotspots.hpp) takes them:
// values[t * locations + i] is location i at step t (time-major slices). Made by PeriodCounts::cube.
#include <cstddef>
#include <vector>

namespace peta {

struct SpaceTimeCube {
  std::size_t locations = 0, steps = 0;
  std::vector<double> values;
  double at(std::size_t i, std::size_t t) const { return values[t * locations + i]; }
};

}  // namespace peta
