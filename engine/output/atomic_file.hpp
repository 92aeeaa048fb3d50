#pragma once
// Atomic publication of output files: every file is written inside a hidden staging folder
// (<folder>/.peta-tmp-<pid>-XXXXXX, same filesystem as its final place) and renamed over its final
// name only by commit(). Without commit() the destructor removes the staging folder and leaves
// every existing final file untouched. The folder's .lock is held (flock) while the run lives, and a new
// StagingFolder first removes what dead runs left in the folder (stale_run_files.hpp).
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "output/stale_run_files.hpp"

namespace peta::output_detail {

class StagingFolder {
 public:
  // Creates `final_folder` if missing, then the hidden staging folder inside it.
  explicit StagingFolder(std::filesystem::path final_folder);
  ~StagingFolder();
  StagingFolder(const StagingFolder&) = delete;
  StagingFolder& operator=(const StagingFolder&) = delete;

  // Where a file to be published as <final_folder>/<file_name> is written meanwhile.
  std::filesystem::path temp_path(const std::string& file_name) const;
  // Marks <temp>/<file_name> as complete: commit() renames it over <final_folder>/<file_name>.
  void stage(const std::string& file_name);
  // A final sibling that must not outlive commit() unless it is staged too (a stale .qix, ...).
  void remove_at_commit(const std::string& file_name);

  // Renames every staged file to its final name, removes stale siblings and the staging folder.
  // Returns the final paths in staging order.
  std::vector<std::string> commit();

  const std::filesystem::path& final_folder() const { return final_folder_; }

 private:
  std::filesystem::path final_folder_;
  std::filesystem::path temp_folder_;
  std::unique_ptr<RunLock> lock_;
  bool created_final_folder_ = false;
  bool committed_ = false;
  std::vector<std::string> staged_;
  std::vector<std::string> stale_;
};

}  // namespace peta::output_detail
