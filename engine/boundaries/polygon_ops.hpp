#pragma once
// GEOS operations on plain multipolygons that the boundaries stage needs.
#include <optional>
#include <string>
#include <vector>

#include "core/geometry.hpp"

namespace peta {

// GEOS's reason when the geometry is invalid, or nullopt when it is valid.
std::optional<std::string> invalid_reason(const MultiPolygon& mp);

// GEOS MakeValid, keeping the polygonal parts.
MultiPolygon make_valid(const MultiPolygon& mp);

// The union of the parts, with interior rings smaller than `drop_holes_below_km2` removed (the sliver
// gaps between independently simplified neighbours; 0 keeps every hole).
MultiPolygon dissolve(const std::vector<const MultiPolygon*>& pieces, double drop_holes_below_km2);

}  // namespace peta
