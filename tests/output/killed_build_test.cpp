// `peta build` killed with SIGKILL at random moments: the next build removes every leftover (staging
// folders, the rejects spool, hidden temporaries) and publishes complete layers.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <filesystem>
#include <chrono>
#include <random>
#include <thread>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace peta {
namespace {
namespace fs = std::filesystem;

// What killed runs leave: temporaries in the published folder, links being made beside it, and run folders
// (generations) in <parent>/.out.runs never published or beyond the published one and the one before it.
std::vector<std::string> leftovers(const fs::path& folder) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(folder)) {
    const std::string name = e.path().filename().string();
    if (name == ".peta-berkas") continue;  // the list of the run's own files (OutputGeneration)
    if (name.rfind(".peta-", 0) == 0 || name.find(".tmp") != std::string::npos) out.push_back(name);
  }
  for (const auto& e : fs::directory_iterator(folder.parent_path())) {
    const std::string name = e.path().filename().string();
    if (name.find(".link.tmp") != std::string::npos) out.push_back(name);
  }
  std::size_t generations = 0;
  if (fs::exists(folder.parent_path() / ".out.runs"))
    for (const auto& e : fs::directory_iterator(folder.parent_path() / ".out.runs")) {
      if (!e.is_directory()) continue;
      ++generations;
      // A run folder without the list of its files was never published: a killed run's.
      if (!fs::exists(e.path() / ".peta-berkas")) out.push_back("unpublished " + e.path().filename().string());
    }
  if (generations > 2) out.push_back(std::to_string(generations) + " run folders");
  return out;
}

TEST(KilledBuild, NextBuildRemovesLeftoversAndWritesWholeLayers) {
  auto dir = test::temp_dir("killed-build");
  ASSERT_EQ(test::run_peta_killed_after({"sample", "--boundaries", test::data("probolinggo/desa.geojson"), "--count", "20000", "--seed", "3",
                      "--out", dir + "/f.csv"}),
            0);
  nlohmann::json p = {{"name", "uji"},
                      {"boundaries", {{"desa", {{"path", test::data("probolinggo/desa.geojson")}}}}},
                      {"findings", nlohmann::json::array({{{"path", dir + "/f.csv"}}})},
                      {"privacy", {{"profile", "internal"}}},
                      {"output", {{"folder", dir + "/out"}, {"formats", {"geojson", "shapefile"}}}}};
  test::write_file(dir + "/project.json", p.dump(2));
  // One whole build first, timed: the kills fall at random moments within that time.
  const auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(test::run_peta_killed_after({"build", dir + "/project.json", "--threads", "2"}), 0);
  const int whole_ms = static_cast<int>(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count());
  std::mt19937 rng(16);
  std::size_t killed_with_leftovers = 0;
  for (int i = 0; i < 4; ++i) {
    const int at = whole_ms / 4 + static_cast<int>(rng() % static_cast<unsigned>(whole_ms * 3 / 4));
    const int rc = test::run_peta_killed_after({"build", dir + "/project.json", "--threads", "2"}, at);
    if (rc == -SIGKILL && fs::exists(dir + "/out") && !leftovers(dir + "/out").empty()) ++killed_with_leftovers;
  }
  ASSERT_EQ(test::run_peta_killed_after({"build", dir + "/project.json", "--threads", "2"}), 0);
  EXPECT_EQ(leftovers(dir + "/out"), std::vector<std::string>{});
  auto temuan = nlohmann::json::parse(test::read_file(dir + "/out/temuan.geojson"));
  auto summary = nlohmann::json::parse(test::read_file(dir + "/out/ringkasan.json"));
  EXPECT_EQ(summary.dump().find("\"rows_read\":20000") != std::string::npos, true) << summary.dump().substr(0, 400);
  EXPECT_GT(temuan["features"].size(), 19000u);
  RecordProperty("killed_with_leftovers", static_cast<int>(killed_with_leftovers));
  EXPECT_GE(killed_with_leftovers, 1u);  // the kills did leave something for the last build to clean
}

}  // namespace
}  // namespace peta
