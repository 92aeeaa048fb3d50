#pragma once
// The whole path of `peta build`: boundaries -> locator -> findings (streamed in batches: read, geocode,
// aggregate, write points) -> rejects -> desa and kecamatan layers -> run summary.
#include <cstddef>
#include <string>

#include "core/run_summary.hpp"
#include "project/project_settings.hpp"

namespace peta {

struct RunOptions {
  bool progress = false;           // GDAL's terminal progress bar on stderr
  unsigned threads = 0;            // workers that read, parse and geocode units of ~512 KiB; 0: all cores
};

// Runs the project and writes every output. Returns the summary (also written as ringkasan.json).
RunSummary run_project(const ProjectSettings& settings, const RunOptions& options = {});

}  // namespace peta
