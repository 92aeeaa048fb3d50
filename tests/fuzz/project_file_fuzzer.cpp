// The project file reader (project/project_file, project/json_object_reader): any bytes as project.json either
// load or throw peta::Error whose message names the file. Any other exception escapes and is a crash.
#include <string>

#include "core/error.hpp"
#include "project/project_settings.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 65536) return 0;
  const std::string& path = peta::fuzz::scratch_path("project.json");
  peta::fuzz::write_file(path, std::string_view(reinterpret_cast<const char*>(data), size));
  try {
    const peta::ProjectSettings s = peta::load_project(path);
    PETA_FUZZ_CHECK(s.file == path, s.file);
    PETA_FUZZ_CHECK(!s.boundaries.desa.path.empty(), "a loaded project without desa boundaries");
  } catch (const peta::Error& e) {
    const std::string message = e.what();
    PETA_FUZZ_CHECK(message.find(path) != std::string::npos, message);
  }
  return 0;
}
