// The whole output set switches at once: a writer killed at any moment leaves the stable folder showing one
// complete run, never a mix of two.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <random>
#include <thread>

#include "output/atomic_file.hpp"
#include "output/output_generation.hpp"
#include "test_support.hpp"

namespace peta {
namespace {
namespace fs = std::filesystem;

const char* kFiles[] = {"temuan.shp", "temuan.shx", "temuan.dbf", "ringkasan.json"};

// One run: every file says which run wrote it; written through the staging folder as OutputSet does.
void write_run(const fs::path& stable, int run) {
  OutputGeneration g(stable);
  output_detail::StagingFolder staging(g.folder());
  for (const char* name : kFiles) {
    test::write_file(staging.temp_path(name).string(), "run " + std::to_string(run) + " " + std::string(20000, 'x'));
    staging.stage(name);
    ::usleep(300);
  }
  staging.commit();
  g.publish();
}

// The run number every file of the visible set names; -1 when they disagree or one is missing/short.
int visible_run(const fs::path& stable) {
  int run = -2;
  for (const char* name : kFiles) {
    const std::string text = test::read_file((stable / name).string());
    if (text.size() < 20000) return -1;
    const int r = std::stoi(text.substr(4));
    if (run != -2 && r != run) return -1;
    run = r;
  }
  return run;
}

TEST(OutputGeneration, PublishSwitchesTheWholeSetAndKeepsOnePrevious) {
  auto dir = test::temp_dir("gen");
  const fs::path stable = fs::path(dir) / "out";
  fs::create_directories(stable);  // the layout of older versions: a real folder
  test::write_file((stable / "temuan.shp").string(), "old");
  write_run(stable, 1);
  EXPECT_TRUE(fs::is_symlink(stable));
  EXPECT_EQ(visible_run(stable), 1);
  write_run(stable, 2);
  write_run(stable, 3);
  EXPECT_EQ(visible_run(stable), 3);
  // the current generation and the one before it
  std::size_t generations = 0;
  for (const auto& e : fs::directory_iterator(fs::path(dir) / ".out.runs")) generations += e.is_directory();
  EXPECT_EQ(generations, 2u);
  EXPECT_EQ(OutputGeneration::current(stable).parent_path(), fs::path(dir) / ".out.runs");
}

TEST(OutputGeneration, UnpublishedRunLeavesNothing) {
  auto dir = test::temp_dir("gen-abort");
  const fs::path stable = fs::path(dir) / "out";
  write_run(stable, 1);
  { OutputGeneration g(stable); }
  std::size_t generations = 0;
  for (const auto& e : fs::directory_iterator(fs::path(dir) / ".out.runs")) generations += e.is_directory();
  EXPECT_EQ(generations, 1u);
  EXPECT_EQ(visible_run(stable), 1);
}

// A child writes run after run and is killed with SIGKILL at 20 random moments; after each kill the visible
// set is exactly one run (the last published), and the next run's start removes the killed one's folder.
TEST(OutputGeneration, KilledWriterNeverLeavesAMixedSet) {
  auto dir = test::temp_dir("gen-kill");
  const fs::path stable = fs::path(dir) / "out";
  write_run(stable, 0);
  std::mt19937 rng(16);
  int next_run = 1;
  for (int kill = 0; kill < 20; ++kill) {
    const int first = next_run;
    next_run += 1000;
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      for (int r = first;; ++r) write_run(stable, r);
    }
    std::this_thread::sleep_for(std::chrono::microseconds(1000 + rng() % 20000));
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    const int seen = visible_run(stable);
    EXPECT_GE(seen, 0) << "kill " << kill << ": the visible set mixes runs or misses a file";
  }
  write_run(stable, 99999);
  EXPECT_EQ(visible_run(stable), 99999);
  std::size_t generations = 0;
  for (const auto& e : fs::directory_iterator(fs::path(dir) / ".out.runs")) generations += e.is_directory();
  EXPECT_LE(generations, 2u);  // killed runs' folders are gone
  for (const auto& e : fs::directory_iterator(dir))
    EXPECT_EQ(e.path().filename().string().find(".link.tmp-"), std::string::npos) << e.path();
}

}  // namespace
}  // namespace peta
