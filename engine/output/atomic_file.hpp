#pragma once
// Atomic publication of output files: every file is written inside a hidden staging folder
// (<folder>/.peta-tmp-<pid>-XXXXXX, same filesystem as its final place) and renamed over its final
// name only by commit(). Without commit() the destructor removes the staging folder and leaves
// every existing final file untouched. The folder's .lock is held (flock) while the run lives, and a new
// StagingFolder first removes what dead runs left in the folder (stale_run_files.hpp).
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
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
  // Thread-safe: format writers may run on their own threads (format_writers.hpp).
  void stage(const std::string& file_name);
  // A final sibling that must not outlive commit() unless it is staged too (a stale .qix, ...).
  void remove_at_commit(const std::string& file_name);

  // The order commit() lists the files in is the order a serial run stages them, even when writers run on
  // their own threads: the driving thread numbers its steps (next_step()), a writer's thread stages under
  // (the step it is carrying out, its slot) through a ThreadOrder, and the driving thread's own files come
  // after the writers' of the same step. Without steps and threads: the order of the stage() calls.
  std::uint64_t next_step();
  class ThreadOrder {  // while alive, this thread's stage() calls are ordered as (step, slot)
   public:
    ThreadOrder(std::uint64_t step, std::uint32_t slot);
    ~ThreadOrder();
    ThreadOrder(const ThreadOrder&) = delete;
    ThreadOrder& operator=(const ThreadOrder&) = delete;
  };

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
  struct Staged {
    std::uint64_t step;
    std::uint32_t slot;
    std::string name;
  };
  std::mutex mutex_;  // guards staged_, stale_ and step_
  std::uint64_t step_ = 0;
  std::vector<Staged> staged_;
  std::vector<std::string> stale_;
};

}  // namespace peta::output_detail
