#pragma once
// Shapefile field names chosen by peta, never by GDAL's truncation: ASCII, at most 10 characters,
// unique (case-insensitively), made from the full names.
#include <string>
#include <vector>

namespace peta {

// For each full name, a short name. `taken` are names already used in the layer (kept unique against).
std::vector<std::string> make_short_names(const std::vector<std::string>& full_names,
                                          std::vector<std::string> taken = {});

}  // namespace peta
