#pragma once
// Outputs written to a temporary name beside their final one and renamed when complete, so a crash never
// leaves a half-written file under the final name.
#include <fstream>
#include <functional>
#include <string>

namespace peta {

// Calls `fill` with a stream on "<path>.tmp-<pid>", then renames it to `path`. On any exception the
// temporary file is removed and the exception passes on. Throws peta::Error if the file cannot be written.
void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& fill);

// Calls `write(temporary)` with the path "<path>.tmp-<pid><suffix>" (a suffix keeps an extension that the
// writer needs, e.g. ".tif"), then renames that file to `path`. On any exception, or if the rename fails
// (peta::Error), the temporary file is removed.
void write_via_temporary(const std::string& path, const std::function<void(const std::string&)>& write,
                         const std::string& suffix = "");

}  // namespace peta
