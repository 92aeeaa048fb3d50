#pragma once
// Outputs written to a temporary name beside their final one and renamed when complete, so a crash never
// leaves a half-written file under the final name.
#include <fstream>
#include <functional>
#include <string>

namespace peta {

// The temporary name of `path` while it is written: hidden (a leading dot) and with no extension a
// program could take for a layer: "<dir>/.<name>.tmp-<pid>" (QGIS and folder listings do not show it; a
// run killed meanwhile leaves it for the next run to remove, see output/stale_run_files.hpp).
std::string temporary_name_for(const std::string& path);

// Calls `fill` with a stream on temporary_name_for(path), then renames it to `path`. On any exception the
// temporary file is removed and the exception passes on. Throws peta::Error if the file cannot be written.
void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& fill);

// Calls `write(temporary)` with temporary_name_for(path), then renames that file to `path`. On any
// exception, or if the rename fails (peta::Error), the temporary file is removed.
void write_via_temporary(const std::string& path, const std::function<void(const std::string&)>& write);

}  // namespace peta
