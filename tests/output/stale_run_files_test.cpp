// What killed runs leave in an output folder is removed by the next run, and never what a live run uses.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "core/atomic_write.hpp"
#include "output/atomic_file.hpp"
#include "output/rejection_spool.hpp"
#include "output/stale_run_files.hpp"
#include "test_support.hpp"

namespace peta {
namespace {
namespace fs = std::filesystem;

constexpr const char* kDeadPid = "999999999";  // above any pid_max: no such process

std::vector<std::string> names_in(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(StaleRunFiles, RemovesOnlyWhatDeadRunsLeft) {
  auto dir = test::temp_dir("stale");
  const std::string me = std::to_string(::getpid());
  // dead: an unlocked staging folder, an unlocked spool, a temporary of a dead PID
  fs::create_directories(dir + "/.peta-tmp-" + kDeadPid + "-aaaaaa");
  test::write_file(dir + "/.peta-tmp-" + kDeadPid + "-aaaaaa/.lock", "");
  test::write_file(dir + "/.peta-tmp-" + kDeadPid + "-aaaaaa/temuan.shp", "x");
  fs::create_directories(dir + "/.peta-tmp-" + kDeadPid + "-bbbbbb");  // died before taking its lock
  test::write_file(dir + "/.peta-ditolak-" + std::string(kDeadPid) + ".tmp", "x");
  test::write_file(dir + "/.kepadatan.tif.tmp-" + std::string(kDeadPid), "x");
  // live (this process): a locked staging folder, a locked spool, a temporary of this PID
  fs::create_directories(dir + "/.peta-tmp-" + me + "-cccccc");
  RunLock live_lock(dir + "/.peta-tmp-" + me + "-cccccc/.lock");
  RejectionSpool spool(dir);
  test::write_file(dir + "/.ringkasan.json.tmp-" + me, "x");
  // an older version's staging folder, fresh: kept (it may belong to a run still going)
  fs::create_directories(dir + "/.peta-tmp-Ab12Cd");
  // outputs are never touched
  test::write_file(dir + "/temuan.geojson", "{}");

  const auto removed = remove_stale_run_files(dir);
  EXPECT_EQ(removed.size(), 4u);
  EXPECT_EQ(names_in(dir), (std::vector<std::string>{".peta-ditolak-" + me + ".tmp", ".peta-tmp-" + me + "-cccccc",
                                                     ".peta-tmp-Ab12Cd", ".ringkasan.json.tmp-" + me,
                                                     "temuan.geojson"}));
}

// A child that is staging outputs is killed with SIGKILL: while it lives its files stay, after its death the
// next staging folder in that output folder removes them.
TEST(StaleRunFiles, KilledRunIsCleanedByTheNextOne) {
  auto dir = test::temp_dir("stale-kill");
  int ready[2];
  ASSERT_EQ(::pipe(ready), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    output_detail::StagingFolder staging(dir);
    RejectionSpool spool(dir);
    test::write_file(staging.temp_path("temuan.geojson").string(), std::string(1 << 20, 'x'));
    (void)!::write(ready[1], "r", 1);
    for (;;) ::pause();
  }
  char c;
  ASSERT_EQ(::read(ready[0], &c, 1), 1);
  EXPECT_TRUE(remove_stale_run_files(dir).empty());  // alive: nothing is removed
  EXPECT_EQ(names_in(dir).size(), 2u);
  ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);
  {
    output_detail::StagingFolder next(dir);  // the next run
    auto left = names_in(dir);
    ASSERT_EQ(left.size(), 1u);  // only its own staging folder
    EXPECT_EQ(left[0].rfind(".peta-tmp-" + std::to_string(::getpid()) + "-", 0), 0u) << left[0];
  }
  EXPECT_TRUE(names_in(dir).empty());
  ::close(ready[0]);
  ::close(ready[1]);
}

TEST(StaleRunFiles, TemporaryNamesAreHiddenAndHaveNoLayerExtension) {
  EXPECT_EQ(temporary_name_for("/o/kepadatan.tif"), "/o/.kepadatan.tif.tmp-" + std::to_string(::getpid()));
}

}  // namespace
}  // namespace peta
