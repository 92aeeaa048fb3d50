#pragma once
// Access to the files under geodata/ that are compiled into the binary.
#include <map>
#include <string>
#include <string_view>

namespace peta {

// Every embedded file, keyed by its path relative to geodata/ (e.g. "profiles/big.json").
const std::map<std::string, std::string_view>& embedded_geodata_files();

// The text of one embedded file; throws peta::Error if there is none by that name.
std::string_view embedded_geodata(const std::string& relative_path);

}  // namespace peta
