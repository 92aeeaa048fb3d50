#pragma once
// The data dictionary of a layer, written beside it as <layer>.kamus.csv (kamus data = data
// dictionary): one row per field with its full name (GeoJSON, GeoPackage), its shapefile name, type,
// .dbf width and decimals, Indonesian and English description, and unit. UTF-8, comma-separated,
// RFC 4180 quoting.
#include <ostream>
#include <string>

#include "output/layer.hpp"

namespace peta {

inline constexpr const char* kDataDictionarySuffix = ".kamus.csv";

void write_data_dictionary(std::ostream& out, const LayerSchema& schema);

}  // namespace peta
