#include "output/output_generation.hpp"

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include <fstream>
#include <set>
#include <vector>

#include "core/atomic_write.hpp"
#include "core/error.hpp"

namespace peta {
namespace fs = std::filesystem;
namespace {

std::string utc_stamp() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

// Removes generations in `runs` that no live run holds, except `keep_a` and `keep_b`.
void remove_unheld(const fs::path& runs, const fs::path& keep_a, const fs::path& keep_b) {
  std::error_code ec;
  for (fs::directory_iterator it(runs, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path p = it->path();
    std::error_code fec;
    if (!it->is_directory(fec) || p == keep_a || p == keep_b) continue;
    const fs::path lock = p / ".lock";
    bool free = true;
    if (fs::exists(lock, fec)) {
      try {
        RunLock probe(lock.string());  // taken: nobody holds it; released at the end of this scope
      } catch (const Error&) {
        free = false;
      }
    }
    if (free) fs::remove_all(p, fec);
  }
}

constexpr const char* kManifest = ".peta-berkas";

bool is_run_internal(const std::string& name) {
  return name == ".lock" || name == ".lock.tmp" || name == kManifest || name.rfind(".peta-", 0) == 0 ||
         name.find(".tmp-") != std::string::npos;
}

// Relative paths of the regular files under `root`, peta's own bookkeeping left out.
std::vector<fs::path> files_under(const fs::path& root) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code fec;
    if (is_run_internal(it->path().filename().string())) {
      if (it->is_directory(fec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(fec)) out.push_back(fs::relative(it->path(), root, fec));
  }
  return out;
}

std::set<std::string> read_manifest(const fs::path& folder) {
  std::set<std::string> listed;
  std::ifstream in(folder / kManifest);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) listed.insert(line);
  return listed;
}

// Hard links (copies where a link fails) into `to` the files of `from` that its run did not write and that
// `to` does not have.
void carry_over(const fs::path& from, const fs::path& to, const fs::path& stable) {
  if (from.empty()) return;
  const std::set<std::string> written_by_run = read_manifest(from);
  for (const fs::path& rel : files_under(from)) {
    if (written_by_run.count(rel.generic_string())) continue;
    const fs::path target = to / rel;
    std::error_code ec;
    if (fs::exists(fs::symlink_status(target, ec))) continue;
    fs::create_directories(target.parent_path(), ec);
    fs::create_hard_link(from / rel, target, ec);
    if (ec) {
      std::error_code cec;
      fs::copy_file(from / rel, target, cec);
      if (cec)
        throw Error("output folder " + stable.string() + ": cannot keep " + rel.string() + " of the earlier folder: " +
                    cec.message());
    }
  }
}

}  // namespace

fs::path OutputGeneration::current(const fs::path& stable_folder) {
  std::error_code ec;
  if (!fs::is_symlink(stable_folder, ec)) return {};
  fs::path target = fs::read_symlink(stable_folder, ec);
  if (ec) return {};
  return target.is_absolute() ? target : stable_folder.parent_path() / target;
}

OutputGeneration::OutputGeneration(fs::path stable_folder) : stable_(std::move(stable_folder)) {
  if (stable_.filename().empty()) stable_ = stable_.parent_path();  // "out/" -> "out"
  if (stable_.empty()) throw Error("output folder: empty path");
  // Names built by appends: `"." + s + ...` trips GCC 12's -Wrestrict false positive (GCC bug 105329).
  std::string runs_name = ".";
  runs_name += stable_.filename().string();
  runs_name += ".runs";
  runs_ = stable_.parent_path() / runs_name;
  std::error_code ec;
  fs::create_directories(runs_, ec);
  if (ec) throw Error("output folder " + stable_.string() + ": cannot create " + runs_.string() + ": " + ec.message());
  // Leftovers of killed runs first (never the published one, nor one a live run holds; a link being made
  // by a dead run is a hidden .tmp-<pid> file, see stale_run_files.hpp).
  remove_unheld(runs_, current(stable_), fs::path());
  std::string link_prefix = ".";
  link_prefix += stable_.filename().string();
  link_prefix += ".link.tmp-";
  for (fs::directory_iterator it(stable_.has_parent_path() ? stable_.parent_path() : fs::path("."), ec), end;
       !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.compare(0, link_prefix.size(), link_prefix) != 0) continue;
    long pid = std::atol(name.c_str() + link_prefix.size());
    std::error_code rec;
    if (process_is_gone(pid)) fs::remove(it->path(), rec);
  }
  std::string templ = (runs_ / (utc_stamp() + "-" + std::to_string(::getpid()) + "-XXXXXX")).string();
  if (!::mkdtemp(templ.data()))
    throw Error("output folder " + stable_.string() + ": cannot create a run folder: " + std::strerror(errno));
  folder_ = templ;
  // Locked under another name, then renamed: a cleaner never finds a .lock that is not held yet.
  lock_ = std::make_unique<RunLock>((folder_ / ".lock.tmp").string());
  fs::rename(folder_ / ".lock.tmp", folder_ / ".lock", ec);
  if (ec) throw Error("output folder " + stable_.string() + ": cannot lock its run folder: " + ec.message());
}

OutputGeneration::~OutputGeneration() {
  if (published_) return;
  std::error_code ec;
  fs::remove_all(folder_, ec);
}

void OutputGeneration::publish() {
  if (published_) throw Error("output folder " + stable_.string() + ": published twice");
  const fs::path before = current(stable_);
  std::error_code sec;
  const bool real_folder = fs::is_directory(fs::symlink_status(stable_, sec));
  {
    // This run's files (written first: what the earlier folder adds is not this run's).
    std::string list;
    for (const fs::path& rel : files_under(folder_)) list += rel.generic_string() + "\n";
    write_atomically((folder_ / kManifest).string(), [&](std::ostream& o) { o << list; });
  }
  carry_over(real_folder ? stable_ : before, folder_, stable_);
  std::string link_name = ".";
  link_name += stable_.filename().string();
  link_name += ".link.tmp-";
  link_name += std::to_string(::getpid());
  const fs::path link_tmp = stable_.parent_path() / link_name;
  std::error_code ec;
  fs::remove(link_tmp, ec);
  fs::create_directory_symlink(runs_.filename() / folder_.filename(), link_tmp, ec);
  if (ec) throw Error("output folder " + stable_.string() + ": cannot create a link: " + ec.message());
  if (real_folder) {
    // An older version's real folder: moved aside into .runs/ (then removed like any old generation).
    fs::rename(stable_, runs_ / ("folder-" + utc_stamp()), ec);
    if (ec) throw Error("output folder " + stable_.string() + ": cannot move the earlier outputs aside: " + ec.message());
  }
  fs::rename(link_tmp, stable_, ec);  // the switch: rename(2) replaces the old link atomically
  if (ec) {
    fs::remove(link_tmp, ec);
    throw Error("output folder " + stable_.string() + ": cannot switch to the new run: " + ec.message());
  }
  published_ = true;
  remove_unheld(runs_, folder_, before);
}

std::string OutputGeneration::stable_path(const std::string& path) const {
  const std::string prefix = folder_.string();
  if (path.compare(0, prefix.size(), prefix) != 0) return path;
  if (path.size() > prefix.size() && path[prefix.size()] != '/') return path;
  return stable_.string() + path.substr(prefix.size());
}

}  // namespace peta
