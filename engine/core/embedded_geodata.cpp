#include "core/embedded_geodata.hpp"

#include "core/error.hpp"

namespace peta {

std::string_view embedded_geodata(const std::string& relative_path) {
  const auto& files = embedded_geodata_files();
  auto it = files.find(relative_path);
  if (it == files.end()) throw Error("no embedded geodata file '" + relative_path + "'");
  return it->second;
}

}  // namespace peta
