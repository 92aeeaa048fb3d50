#pragma once
// The one way the reference tests run their Python references (tests/reference/*.py, with Debian's
// /usr/bin/python3, whose libpysal, geopandas, scipy and scikit-learn scripts/setup.sh installs):
//   /usr/bin/python3 tests/reference/<script> <input> <output.json> [extra arguments...]
// The answer is cached in the temp folder under a hash of the script, the input file and the arguments: each
// gtest case runs in its own process under ctest, and the scripts take seconds.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace peta::test {

inline nlohmann::json run_reference_script(const std::string& script, const std::string& input,
                                           const std::vector<std::string>& extra = {}) {
  namespace fs = std::filesystem;
  const std::string path = std::string(PETA_SOURCE_DIR) + "/tests/reference/" + script;
  std::string arguments;
  for (const auto& a : extra) arguments += " '" + a + "'";
  const std::size_t key = std::hash<std::string>{}(read_file(path) + read_file(input) + arguments);
  const fs::path cached =
      fs::temp_directory_path() / ("peta_reference_" + fs::path(script).stem().string() + "_" + std::to_string(key) + ".json");
  if (!fs::exists(cached)) {
    const fs::path partial = cached.string() + "." + std::to_string(getpid());
    const std::string command = "/usr/bin/python3 '" + path + "' '" + input + "' '" + partial.string() + "'" + arguments;
    if (std::system(command.c_str()) != 0) throw std::runtime_error("reference script failed: " + command);
    fs::rename(partial, cached);
  }
  return nlohmann::json::parse(read_file(cached.string()));
}

}  // namespace peta::test
