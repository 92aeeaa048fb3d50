#pragma once
// Small text outputs (summaries, reports, CSVs) written to a temporary name and renamed when complete.
#include <fstream>
#include <functional>
#include <string>

namespace peta {

// Calls `fill` with a stream on "<path>.tmp-<pid>", then renames it to `path`. On any exception the
// temporary file is removed and the exception passes on. Throws peta::Error if the file cannot be written.
void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& fill);

}  // namespace peta
