#pragma once
// Reads one boundary layer from any OGR source into plain records, reprojected to EPSG:4326.
#include <string>
#include <vector>

#include "boundaries/boundary_source.hpp"
#include "core/geometry.hpp"

namespace peta {

struct RawUnit {
  long long feature = 0;  // 1-based feature number in the layer
  std::string code, name, parent_code, parent_name, kab_code, kab_name, jenis;
  MultiPolygon geometry;  // EPSG:4326
};

struct RawLayer {
  std::string source_name;   // "desa (path:layer)" for messages
  std::string profile;       // "peta", "big", "explicit"
  std::vector<RawUnit> units;
  std::vector<std::string> skipped;  // features without a polygon geometry, with the reason
};

// `level` is "desa", "kecamatan" or "kabupaten". Throws peta::Error when the source cannot be opened,
// the layer is missing, or no schema profile fits and no mapping was given.
RawLayer read_boundary_layer(const BoundarySource& source, const std::string& level);

}  // namespace peta
