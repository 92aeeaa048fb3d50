#include "output/stale_run_files.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "core/error.hpp"

namespace peta {
namespace fs = std::filesystem;
namespace {

bool starts_with(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }
bool ends_with(const std::string& s, const std::string& p) {
  return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

// True when no process holds a flock() on `path` (its run is gone); false when one does or it cannot be read.
bool lock_is_free(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool free = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
  ::close(fd);  // releases the lock if we took it
  return free;
}


// The decimal number at the start of s (after a prefix), or -1.
long leading_pid(const std::string& s) {
  std::size_t i = 0;
  long pid = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i < 10) pid = pid * 10 + (s[i++] - '0');
  return i ? pid : -1;
}

bool older_than_a_day(const fs::path& p) {
  std::error_code ec;
  const auto t = fs::last_write_time(p, ec);
  return !ec && fs::file_time_type::clock::now() - t > std::chrono::hours(24);
}

}  // namespace

bool process_is_gone(long pid) { return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH; }

std::vector<std::string> remove_stale_run_files(const fs::path& folder) {
  std::vector<std::string> removed;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path p = it->path();
    const std::string name = p.filename().string();
    bool stale = false;
    std::error_code fec;
    if (starts_with(name, ".peta-tmp-") && it->is_directory(fec)) {
      const fs::path lock = p / ".lock";
      const std::string rest = name.substr(10);
      const long pid = leading_pid(rest);
      const bool has_pid = pid > 0 && rest.size() > std::to_string(pid).size() && rest[std::to_string(pid).size()] == '-';
      if (fs::exists(lock, fec)) stale = lock_is_free(lock);
      else if (has_pid) stale = process_is_gone(pid);  // died before taking its lock (or is about to take it)
      else stale = older_than_a_day(p);             // an older version's staging folder: no lock, no PID
    } else if (starts_with(name, ".peta-ditolak-") && ends_with(name, ".tmp")) {
      stale = lock_is_free(p) && process_is_gone(leading_pid(name.substr(14)));
    } else if (name.size() > 1 && name[0] == '.' && name.find(".tmp-") != std::string::npos) {
      stale = process_is_gone(leading_pid(name.substr(name.rfind(".tmp-") + 5)));
    }
    if (!stale) continue;
    std::error_code rec;
    fs::remove_all(p, rec);
    if (!rec) removed.push_back(p.string());
  }
  return removed;
}

RunLock::RunLock(const std::string& path) {
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw Error("cannot create the lock '" + path + "': " + std::strerror(errno));
  hold(fd_, path);
}

RunLock::~RunLock() {
  if (fd_ >= 0) ::close(fd_);
}

void RunLock::hold(int fd, const std::string& what) {
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) throw Error("cannot lock '" + what + "': " + std::strerror(errno));
}

}  // namespace peta
