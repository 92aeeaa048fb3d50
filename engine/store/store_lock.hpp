#pragma once
// One writer at a time on a GeoPackage store: an exclusive flock on the file itself (SQLite uses POSIX record
// locks, which flock does not touch). The kernel releases it when the process dies, so a killed import never
// leaves a stale lock.
#include <string>

namespace peta::store {

class FileLock {
 public:
  // Throws peta::Error with a clear message when another writer holds the lock.
  explicit FileLock(const std::string& path);
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace peta::store
