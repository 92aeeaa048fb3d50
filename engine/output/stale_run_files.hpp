#pragma once
// What a killed run leaves in an output folder, and how the next run tells it from a run still going.
//   <folder>/.peta-tmp-<pid>-XXXXXX/   staging folder (StagingFolder); its .lock file is flock()ed while the run lives
//   <folder>/.peta-ditolak-<pid>.tmp   the rejects spool (RejectionSpool), flock()ed while the run lives
//   <folder>/.<name>.tmp-<pid>         a file being written by write_via_temporary
// A lock held with flock() is released by the kernel when its process dies, however it dies (kill -9
// included), so "the lock can be taken" means "its run is gone"; files without a lock are judged by their
// PID (no such process: gone). Staging folders of older versions (.peta-tmp-XXXXXX, no lock, no PID) are
// removed once older than a day.
#include <filesystem>
#include <string>
#include <vector>

namespace peta {

// Removes every leftover of dead runs directly inside `folder`; never one of a live run. Returns what was
// removed (paths). Errors while removing are ignored (the next run tries again).
std::vector<std::string> remove_stale_run_files(const std::filesystem::path& folder);

// True when no process has this PID (so a file named after it is a dead run's).
bool process_is_gone(long pid);

// An exclusive flock() on `path` (created if missing), held until destruction or process death.
class RunLock {
 public:
  explicit RunLock(const std::string& path);
  ~RunLock();
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;
  // Holds the lock on an already open file descriptor instead (not closed by RunLock).
  static void hold(int fd, const std::string& what);

 private:
  int fd_ = -1;
};

}  // namespace peta
