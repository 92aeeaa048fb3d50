#include "output/atomic_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <system_error>

#include <unistd.h>

#include "core/error.hpp"

namespace peta::output_detail {
namespace fs = std::filesystem;

namespace {
struct Order {
  std::uint64_t step;
  std::uint32_t slot;
};
thread_local const Order* t_order = nullptr;
thread_local Order t_order_value{};
constexpr std::uint32_t kDrivingThreadSlot = UINT32_MAX;
}  // namespace

StagingFolder::ThreadOrder::ThreadOrder(std::uint64_t step, std::uint32_t slot) {
  t_order_value = {step, slot};
  t_order = &t_order_value;
}
StagingFolder::ThreadOrder::~ThreadOrder() { t_order = nullptr; }

std::uint64_t StagingFolder::next_step() {
  std::lock_guard lock(mutex_);
  return ++step_;
}

StagingFolder::StagingFolder(fs::path final_folder) : final_folder_(std::move(final_folder)) {
  if (final_folder_.empty()) throw Error("output folder: empty path");
  std::error_code ec;
  if (!fs::exists(final_folder_, ec)) {
    fs::create_directories(final_folder_, ec);
    if (ec) throw Error("output folder " + final_folder_.string() + ": cannot create: " + ec.message());
    created_final_folder_ = true;
  } else if (!fs::is_directory(final_folder_, ec)) {
    throw Error("output folder " + final_folder_.string() + ": exists and is not a folder");
  }
  remove_stale_run_files(final_folder_);
  std::string templ = (final_folder_ / (".peta-tmp-" + std::to_string(::getpid()) + "-XXXXXX")).string();
  if (!::mkdtemp(templ.data()))
    throw Error("output folder " + final_folder_.string() + ": cannot create a staging folder: " +
                std::strerror(errno));
  temp_folder_ = templ;
  // Locked under another name, then renamed: a cleaner never sees a .lock that is not yet held.
  lock_ = std::make_unique<RunLock>((temp_folder_ / ".lock.tmp").string());
  fs::rename(temp_folder_ / ".lock.tmp", temp_folder_ / ".lock", ec);
  if (ec) throw Error("output folder " + final_folder_.string() + ": cannot lock its staging folder: " + ec.message());
}

StagingFolder::~StagingFolder() {
  std::error_code ec;
  fs::remove_all(temp_folder_, ec);
  if (!committed_ && created_final_folder_ && fs::is_empty(final_folder_, ec)) fs::remove(final_folder_, ec);
}

fs::path StagingFolder::temp_path(const std::string& file_name) const { return temp_folder_ / file_name; }

void StagingFolder::stage(const std::string& file_name) {
  std::lock_guard lock(mutex_);
  if (committed_) throw Error("output " + file_name + ": staged after commit");
  if (std::any_of(staged_.begin(), staged_.end(), [&](const Staged& s) { return s.name == file_name; }))
    throw Error("output " + (final_folder_ / file_name).string() + ": written twice in one run");
  if (t_order) staged_.push_back({t_order->step, t_order->slot, file_name});
  else staged_.push_back({step_, kDrivingThreadSlot, file_name});
}

void StagingFolder::remove_at_commit(const std::string& file_name) {
  std::lock_guard lock(mutex_);
  stale_.push_back(file_name);
}

std::vector<std::string> StagingFolder::commit() {
  std::lock_guard lock(mutex_);
  if (committed_) throw Error("output folder " + final_folder_.string() + ": committed twice");
  std::stable_sort(staged_.begin(), staged_.end(),
                   [](const Staged& a, const Staged& b) { return a.step != b.step ? a.step < b.step : a.slot < b.slot; });
  std::vector<std::string> finals;
  for (const auto& staged : staged_) {
    const std::string& name = staged.name;
    const fs::path to = final_folder_ / name;
    std::error_code ec;
    fs::rename(temp_folder_ / name, to, ec);
    if (ec) throw Error("output " + to.string() + ": cannot rename into place: " + ec.message());
    finals.push_back(to.string());
  }
  for (const auto& name : stale_) {
    if (std::any_of(staged_.begin(), staged_.end(), [&](const Staged& s) { return s.name == name; })) continue;
    std::error_code ec;
    fs::remove(final_folder_ / name, ec);
  }
  committed_ = true;
  std::error_code ec;
  fs::remove_all(temp_folder_, ec);
  return finals;
}

}  // namespace peta::output_detail
