// The store under kills and contention, on both backends: a child import of points and line segments killed
// with SIGKILL at random moments leaves the store exactly as before or as after; two imports at once are never interleaved.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include "core/error.hpp"
#include "store/finding_store.hpp"
#include "store_test_support.hpp"

namespace peta::store {
namespace {

using test::sample_findings;
using test::sample_segments;

// What a store holds, as counted directly in its tables.
struct Snapshot {
  long long temuan = 0, riwayat = 0, impor = 0, flagged = 0, ruas = 0;  // flagged: points and segments
  bool operator==(const Snapshot&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Snapshot& s) {
  return os << "{temuan " << s.temuan << ", riwayat " << s.riwayat << ", impor " << s.impor << ", flagged "
            << s.flagged << ", ruas " << s.ruas << "}";
}

class StoreProcessTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    path_ = test::store_for_backend(GetParam(), "store-proc-", false);  // reset() empties it
    PETA_SKIP_WITHOUT_STORE(path_);
    if (GetParam() != "PostGIS") dir_ = std::filesystem::path(path_).parent_path().string();
    reset();
  }

  // An empty store.
  void reset() {
    if (GetParam() == "PostGIS") test::raw_sql(path_, "DROP TABLE IF EXISTS temuan, ruas, riwayat, impor, peta_skema CASCADE");
    else std::filesystem::remove(path_);
  }

  static ImportSummary import(FindingStore& store, const std::vector<StoreFinding>& rows, std::size_t batch = 50) {
    ImportOptions o;
    o.file = "ekspor.csv";
    o.source = "form";
    o.today = "2026-03-01";
    auto session = store.begin_import(o);
    for (std::size_t i = 0; i < rows.size(); i += batch)
      session->add(std::vector<StoreFinding>(rows.begin() + i, rows.begin() + std::min(rows.size(), i + batch)));
    return session->commit();
  }

  Snapshot snapshot() {
    Snapshot s;
    s.temuan = test::raw_count(path_, "temuan");
    s.riwayat = test::raw_count(path_, "riwayat");
    s.impor = test::raw_count(path_, "impor");
    s.flagged = test::raw_count(path_, "temuan WHERE tidak_di_sumber = 1") + test::raw_count(path_, "ruas WHERE tidak_di_sumber = 1");
    s.ruas = test::raw_count(path_, "ruas");
    return s;
  }

  std::string dir_, path_;
};

TEST_P(StoreProcessTest, ChildImportKilledAtRandomMomentsLeavesBeforeOrAfter) {
  // Points and segments in one export: points 50 known, 1950 new, 0..49 missing (flagged); segments 5 known,
  // 50 new, 0..4 missing (flagged).
  auto with_segments = [](std::vector<StoreFinding> points, std::vector<StoreFinding> segments) {
    points.insert(points.end(), segments.begin(), segments.end());
    return points;
  };
  const auto base = with_segments(sample_findings(0, 100), sample_segments(0, 10));
  const auto next = with_segments(sample_findings(50, 2050), sample_segments(5, 60));
  const Snapshot before{100, 0, 1, 0, 10};
  const Snapshot after{2050, 55, 2, 55, 60};
  auto run_child = [&]() -> pid_t {
    pid_t pid = fork();
    if (pid == 0) {
      try {
        auto store = FindingStore::open(path_);
        auto s = import(*store, next, 25);
        _exit(s.new_rows == 2000 && s.unchanged == 55 && s.not_in_source == 55 && s.lines == 55 ? 0 : 3);
      } catch (...) {
        _exit(2);
      }
    }
    return pid;
  };
  auto prepare = [&] {
    reset();
    auto store = FindingStore::open(path_);
    ASSERT_EQ(import(*store, base).new_rows, 110);
    ASSERT_EQ(snapshot(), before);
  };
  // One undisturbed run gives the time scale of the kills.
  prepare();
  const auto t0 = std::chrono::steady_clock::now();
  pid_t pid = run_child();
  int status = 0;
  waitpid(pid, &status, 0);
  const double full_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  ASSERT_EQ(snapshot(), after);

  std::mt19937 rng(13);
  std::uniform_real_distribution<double> when(0.0, 1.1 * full_ms);
  int killed_before = 0, finished = 0;
  for (int i = 0; i < 10; ++i) {
    prepare();
    pid = run_child();
    std::this_thread::sleep_for(std::chrono::microseconds(static_cast<long>(when(rng) * 1000)));
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    const Snapshot now = snapshot();
    if (WIFEXITED(status)) {
      EXPECT_EQ(WEXITSTATUS(status), 0);
      EXPECT_EQ(now, after) << "kill " << i;
      ++finished;
    } else {
      EXPECT_TRUE(now == before || now == after) << "kill " << i << ": " << now;
      now == before ? ++killed_before : ++finished;
    }
    // Whatever happened, the store works: the same import gives exactly the after state.
    auto store = FindingStore::open(path_);
    auto s = import(*store, next);
    EXPECT_TRUE(s.adds_up());
    EXPECT_EQ(snapshot(), (Snapshot{2050, 55, now == before ? 2 : 3, 55, 60})) << "kill " << i;
  }
  EXPECT_GT(killed_before, 0) << "no kill landed inside the import (full run " << full_ms << " ms)";
  std::printf("kills: %d left the store as before, %d as after (full run %.0f ms)\n", killed_before, finished, full_ms);
}

TEST_P(StoreProcessTest, SecondWriterInAnotherThreadIsRefusedUntilTheFirstCommits) {
  auto first = FindingStore::open(path_);
  ImportOptions o;
  o.file = "a.csv";
  o.today = "2026-03-01";
  auto session = first->begin_import(o);
  session->add(sample_findings(0, 40));
  std::string refusal, status_refusal;
  std::thread other([&] {
    auto second = FindingStore::open(path_);
    try {
      second->begin_import(o);
    } catch (const Error& e) {
      refusal = e.what();
    }
    try {
      second->change_status({{"T1", "diverifikasi", "", "", "", "", 0}});
    } catch (const Error& e) {
      status_refusal = e.what();
    }
  });
  other.join();
  EXPECT_NE(refusal.find("another import or status change is running on it"), std::string::npos) << refusal;
  EXPECT_NE(status_refusal.find("another import or status change is running on it"), std::string::npos) << status_refusal;
  EXPECT_EQ(session->commit().new_rows, 40);
  std::thread after([&] {
    auto second = FindingStore::open(path_);
    auto s = import(*second, sample_findings(20, 60));
    EXPECT_EQ(s.new_rows, 20);
    EXPECT_EQ(s.unchanged, 20);
  });
  after.join();
  EXPECT_EQ(snapshot(), (Snapshot{60, 0, 2, 0}));
}

TEST_P(StoreProcessTest, TwoProcessesImportingAtOnceAreNeverInterleaved) {
  { FindingStore::open(path_); }
  int ready[2], go[2];
  ASSERT_EQ(pipe(ready), 0);
  ASSERT_EQ(pipe(go), 0);
  pid_t pid = fork();
  if (pid == 0) {
    try {
      auto store = FindingStore::open(path_);
      ImportOptions o;
      o.file = "child.csv";
      o.source = "form";
      o.today = "2026-03-01";
      auto session = store->begin_import(o);
      session->add(sample_findings(0, 100));
      char c = 'r';
      if (write(ready[1], &c, 1) != 1) _exit(4);
      if (read(go[0], &c, 1) != 1) _exit(5);
      _exit(session->commit().new_rows == 100 ? 0 : 3);
    } catch (...) {
      _exit(2);
    }
  }
  char c;
  ASSERT_EQ(read(ready[0], &c, 1), 1);
  std::string refusal;
  try {
    auto store = FindingStore::open(path_);
    import(*store, sample_findings(50, 150));
  } catch (const Error& e) {
    refusal = e.what();
  }
  EXPECT_NE(refusal.find("another import or status change is running on it"), std::string::npos) << refusal;
  EXPECT_EQ(snapshot(), (Snapshot{0, 0, 0, 0}));  // the child's rows are not visible before its commit
  ASSERT_EQ(write(go[1], "g", 1), 1);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  auto store = FindingStore::open(path_);
  auto s = import(*store, sample_findings(50, 150));
  EXPECT_EQ(s.new_rows, 50);
  EXPECT_EQ(s.unchanged, 50);
  EXPECT_EQ(s.not_in_source, 50);
  EXPECT_EQ(snapshot(), (Snapshot{150, 50, 2, 50}));
  for (int fd : {ready[0], ready[1], go[0], go[1]}) close(fd);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreProcessTest, ::testing::Values("GeoPackage", "PostGIS"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace peta::store
