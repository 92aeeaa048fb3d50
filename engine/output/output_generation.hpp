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
//
// What the run did not write itself is carried over from the folder it replaces, so the switch loses nothing
// of the user's: files put there by hand, `peta import`'s rejects, booklets of `peta report`. Each generation
// lists the files its run wrote in `.peta-berkas` (one relative path a line); those of the earlier run are
// not carried over (a layer the new run no longer writes disappears with its run), everything else is,
// by hard link (a copy where links fail). A real folder of an older version has no list: all of it is kept
// where the new run wrote no file of the same name.
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
  // Writes the list of this run's files, carries over the earlier folder's other files, points the stable path
  // at this generation (one rename of a symlink) and removes older generations that no live run holds, except
  // the one the link pointed to before. Throws peta::Error if the switch fails.
  void publish();
  // Maps a path inside folder() to the same path under the stable folder (for what a run reports); other
  // paths unchanged.
  std::string stable_path(const std::string& path) const;

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
