#pragma once
// The whole output set of a run switches at once. Renaming files one by one over the old ones can be cut by
// a kill half way (a new temuan.shp beside the old .shx and .dbf is a broken layer); instead each run writes
// every output into a new generation folder
//     <parent>/.<name>.runs/<id>/          (id: UTC time, PID, a random tail)
// and publish() points the stable path <parent>/<name>, a symbolic link, at it with one rename(), which is
// atomic: readers (QGIS, `peta query`, `peta serve`) always see one complete run, the old or the new.
// Relative paths inside the set (the QGIS project's ./peta.gpkg) keep working through the link.
//
// A generation holds a lock (flock on its .lock) while its run lives. Generations that no live run holds
// and that the link does not point to are removed by later runs; publish() keeps the generation the link
// pointed to before, so a reader that opened it just before the switch can finish.
// A stable path that is still a real folder (the layout of older versions) is moved into .runs/ by the
// first publish(): that one switch is two renames, not one.
#include <filesystem>
#include <memory>
#include <string>

#include "output/stale_run_files.hpp"

namespace peta {

class OutputGeneration {
 public:
  // Creates the generation folder beside `stable_folder` (and its parent if missing).
  explicit OutputGeneration(std::filesystem::path stable_folder);
  ~OutputGeneration();  // without publish(): removes the generation folder
  OutputGeneration(const OutputGeneration&) = delete;
  OutputGeneration& operator=(const OutputGeneration&) = delete;

  // Where this run writes every output (what was `stable_folder` before).
  const std::filesystem::path& folder() const { return folder_; }
  // Points the stable path at this generation (one rename of a symlink) and removes older generations that
  // no live run holds, except the one the link pointed to before. Throws peta::Error if the switch fails.
  void publish();

  // The generation folder `stable_folder` points to now, or empty.
  static std::filesystem::path current(const std::filesystem::path& stable_folder);

 private:
  std::filesystem::path stable_;
  std::filesystem::path runs_;
  std::filesystem::path folder_;
  std::unique_ptr<RunLock> lock_;
  bool published_ = false;
};

}  // namespace peta
