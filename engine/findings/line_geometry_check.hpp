#pragma once
// A line finding must be cuttable before it reaches the desa borders: every part two or more distinct
// positions, every position a finite longitude/latitude. GEOS cannot build a line from one position (it
// returns no geometry), so such a row is rejected here, naming the part at fault.
#include <string>
#include <vector>

#include "core/geometry.hpp"

namespace peta {

// Empty when the lines (EPSG:4326) can be cut; else what is wrong, e.g. "part 2 has a single position
// (113.4 -7.9)".
std::string line_geometry_problem(const std::vector<LineString>& lines);

}  // namespace peta
