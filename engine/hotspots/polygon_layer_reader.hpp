#pragma once
// Reads one polygon layer of any OGR source into plain multipolygons with their ids, in feature order.
// A small reader for the hotspot tests and benchmarks (the project's boundary loader does the full job:
// profiles, hierarchy, repairs). Non-polygonal or empty geometries give an empty multipolygon.
#include <string>
#include <vector>

#include "core/geometry.hpp"

namespace peta {

struct PolygonLayer {
  std::vector<std::string> ids;
  std::vector<MultiPolygon> polygons;
  std::vector<std::vector<std::string>> attributes;  // requested attribute fields, per feature
};

// `layer` empty = the first layer; `id_field` empty = the feature id (FID) as text.
PolygonLayer read_polygon_layer(const std::string& path, const std::string& layer, const std::string& id_field,
                                const std::vector<std::string>& attribute_fields = {});

}  // namespace peta
