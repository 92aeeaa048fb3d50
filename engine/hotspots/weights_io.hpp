#pragma once
// GeoDa weights files. GAL (contiguity, binary): a header "0 n layer key", then per unit a line "id k" and
// a line with its k neighbour ids. GWT (weighted): a header "0 n layer key", then one "id_i id_j weight"
// line per link. Ids are the unit keys (e.g. Kemendagri codes), one per observation, in weights order.
#include <string>
#include <vector>

#include "hotspots/spatial_weights.hpp"

namespace peta {

struct WeightsFileHeader {
  std::string layer = "desa";  // GeoDa's shapefile/layer name
  std::string key = "kode";    // the id field name
};

void write_gal(const std::string& path, const SpatialWeights& weights, const std::vector<std::string>& ids,
               const WeightsFileHeader& header = {});
void write_gwt(const std::string& path, const SpatialWeights& weights, const std::vector<std::string>& ids,
               const WeightsFileHeader& header = {});

// Reads a GAL file (GeoDa's four-field header or the old one-field header "n") into binary weights whose
// order is `ids` (every id of the file must be in `ids`). Throws peta::Error naming the file and line.
SpatialWeights read_gal(const std::string& path, const std::vector<std::string>& ids);

// Reads a GWT file (header "0 n layer key" or "n", then "id_i id_j weight" lines) into weights whose order is
// `ids`, keeping the file's weights (a link given twice: the last line wins; self links are dropped, as
// libpysal drops them for the statistics here). Throws peta::Error naming the file and line.
SpatialWeights read_gwt(const std::string& path, const std::vector<std::string>& ids);

}  // namespace peta
