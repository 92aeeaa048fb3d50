// Progress of `peta build`: one display over every stage, on stderr, with the stage and the time left; stdout
// with --json is nothing but the JSON whether stderr is a file or a terminal (a pty made by script(1)).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <vector>

#include "core/progress_display.hpp"
#include "project/run_progress.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

TEST(BuildProgress, TheLineSaysShareStageAndTimeLeft) {
  EXPECT_EQ(ProgressDisplay::line(0.734, "lapisan", 3.2), " 73% lapisan    sisa ~4 dtk");
  EXPECT_EQ(ProgressDisplay::line(0.01, "batas", -1), "  1% batas      sisa ?");
  EXPECT_EQ(ProgressDisplay::line(0.2, "temuan", 600), " 20% temuan     sisa ~10 mnt");
  EXPECT_EQ(ProgressDisplay::line(1.0, "laporan", 0), "100% laporan    sisa ~0 dtk");
}

TEST(BuildProgress, StagesShareOneScaleThatNeverGoesBack) {
  std::vector<std::pair<double, std::string>> seen;
  RunProgress p([&](double f, const char* stage) { seen.emplace_back(f, stage); }, 3);
  p.report(RunStage::boundaries, 1);
  auto findings = p.of(RunStage::findings);
  findings(0.5, "temuan");
  p.layer_step("temuan");  // the temuan layer opens during the findings stage: no layer step yet
  findings(1.0, "temuan");
  p.report(RunStage::statistics, 1);
  p.report(RunStage::layers, 0);
  p.layer_step("desa");
  p.layer_step("kecamatan");
  p.layer_step("commit");
  p.report(RunStage::layers, 0.5);  // behind the steps already seen: shown where it was
  p.done();
  ASSERT_EQ(seen.size(), 10u);
  EXPECT_DOUBLE_EQ(seen[0].first, 0.05);
  EXPECT_EQ(seen[0].second, "batas");
  EXPECT_DOUBLE_EQ(seen[1].first, 0.30);
  EXPECT_EQ(seen[1].second, "temuan");
  EXPECT_DOUBLE_EQ(seen[2].first, 0.55);
  EXPECT_DOUBLE_EQ(seen[3].first, 0.60);
  EXPECT_EQ(seen[5].second, "lapisan");
  EXPECT_DOUBLE_EQ(seen[5].first, 0.60 + 0.35 / 4);
  EXPECT_DOUBLE_EQ(seen[7].first, 0.60 + 0.35 * 3 / 4);
  EXPECT_DOUBLE_EQ(seen[8].first, 0.60 + 0.35 * 3 / 4);
  EXPECT_DOUBLE_EQ(seen[9].first, 1.0);
  EXPECT_EQ(seen[9].second, "laporan");
  for (std::size_t i = 1; i < seen.size(); ++i) EXPECT_GE(seen[i].first, seen[i - 1].first);
}

std::string project(const std::string& dir) {
  std::string csv = "id,lon,lat,kategori\n";
  for (int i = 0; i < 3000; ++i)
    csv += "T" + std::to_string(i) + "," + std::to_string(113.2 + (i % 50) * 0.004) + "," +
           std::to_string(-7.95 + (i / 50) * 0.002) + ",jalan_rusak\n";
  test::write_file(dir + "/temuan.csv", csv);
  test::write_file(dir + "/proyek.json", R"({"boundaries": {"desa": {"path": ")" + test::data("probolinggo/desa.geojson") +
                                             R"("}}, "findings": [{"path": "temuan.csv"}], "privacy": {"profile": "internal"},
    "output": {"folder": "out", "formats": ["geopackage"], "layers": ["desa", "kecamatan", "temuan", "ditolak"]}})");
  return dir + "/proyek.json";
}

TEST(BuildProgress, JsonStaysValidWithStderrToAFile) {
  const std::string dir = test::temp_dir("progress-file");
  const auto run = test::run_cli("build " + project(dir) + " --json --progress", dir);
  ASSERT_EQ(run.code, 0) << run.err;
  const auto summary = nlohmann::json::parse(run.out);  // throws when stdout holds anything else
  EXPECT_EQ(summary["total"]["rows_read"], 3000);
  // Not a terminal: a log line per stage change and 10 %, ending at 100 %, stage names in order.
  EXPECT_NE(run.err.find("batas"), std::string::npos) << run.err;
  const auto temuan = run.err.find("temuan"), lapisan = run.err.find("lapisan"), done = run.err.find("100% laporan");
  ASSERT_NE(temuan, std::string::npos) << run.err;
  ASSERT_NE(lapisan, std::string::npos) << run.err;
  ASSERT_NE(done, std::string::npos) << run.err;
  EXPECT_LT(temuan, lapisan);
  EXPECT_LT(lapisan, done);
  EXPECT_EQ(run.err.find('\r'), std::string::npos);
  EXPECT_NE(run.err.find("sisa"), std::string::npos);
}

// peta import too: its progress on stderr (it was GDAL's bar on stdout, which broke --json).
TEST(BuildProgress, ImportJsonStaysValidWithProgressOn) {
  const std::string dir = test::temp_dir("progress-import");
  project(dir);
  test::write_file(dir + "/impor.json", R"({"boundaries": {"desa": {"path": ")" + test::data("probolinggo/desa.geojson") +
                                            R"("}}, "findings": [{"path": "temuan.csv"}], "privacy": {"profile": "internal"},
    "store": {"path": ")" + dir + R"(/temuan_store.gpkg"}, "output": {"folder": "out"}})");
  const auto run = test::run_cli("import " + dir + "/impor.json " + dir + "/temuan.csv --json --progress", dir);
  ASSERT_EQ(run.code, 0) << run.err;
  const auto summary = nlohmann::json::parse(run.out);  // throws when stdout holds anything else
  ASSERT_EQ(summary["imports"].size(), 1u);
  EXPECT_EQ(summary["imports"][0]["rows_read"], 3000);
  EXPECT_NE(run.err.find("100%"), std::string::npos) << run.err;
}

TEST(BuildProgress, JsonStaysValidWithStderrOnATerminal) {
  const std::string dir = test::temp_dir("progress-pty");
  const std::string p = project(dir);
  // script(1) runs the command on a new pty: stderr is a terminal there, stdout goes to a file; what the
  // terminal showed comes out of script's own stdout.
  const std::string inner = std::string(PETA_CLI) + " build " + p + " --json > " + dir + "/summary.json";
  const std::string cmd = "script -qec '" + inner + "' /dev/null > " + dir + "/terminal.txt 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << test::read_file(dir + "/terminal.txt");
  const auto summary = nlohmann::json::parse(test::read_file(dir + "/summary.json"));
  EXPECT_EQ(summary["total"]["rows_read"], 3000);
  const std::string shown = test::read_file(dir + "/terminal.txt");
  EXPECT_NE(shown.find('\r'), std::string::npos) << shown;  // redrawn in place
  EXPECT_NE(shown.find("100% laporan"), std::string::npos) << shown;
  EXPECT_EQ(shown.find("\"rows_read\""), std::string::npos) << shown;  // the JSON went to stdout, not the terminal
}

}  // namespace
}  // namespace peta
