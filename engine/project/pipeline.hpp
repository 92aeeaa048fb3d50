#pragma once
// The whole path of `peta build`, as a short sequence of stages, each with one job (docs: README "What a
// run does"):
//   boundaries (load, index, gazetteer) -> findings stage (readers -> geocoding stage -> counts, temuan
//   through a sink, rejections to a spool) -> statistics stage (suppression, hotspots, DBSCAN) -> layer stage
//   (every layer, rejects CSV) -> report files (hotspot report, weights, density) -> run summary.
// With a findings store in the project, the findings stage reads the store instead of the sources
// (project/store_findings_stage.hpp) and the layers gain the status of each problem.
#include <string>

#include "core/run_summary.hpp"
#include "project/findings_stage.hpp"
#include "project/project_settings.hpp"

namespace peta {

struct RunOptions {
  ProgressFn progress;   // called with the share done of the whole run (0..1) and the stage's name; empty: silent
  unsigned threads = 0;  // workers that read, parse and geocode units of ~512 KiB; 0: all cores
  std::string as_of;     // YYYY-MM-DD: with a store, the day ages, due dates and overdue counts are taken; empty: today
  bool boundary_cache = true;        // false: never read or write the boundary cache (--tanpa-cache)
  std::string boundary_cache_folder;  // non-empty: the cache folder instead of the project's or the user's (--cache)
};

// Runs the project and writes every output. Returns the summary (also written as ringkasan.json).
RunSummary run_project(const ProjectSettings& settings, const RunOptions& options = {});

}  // namespace peta
