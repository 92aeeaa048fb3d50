// The public API (engine/include/peta/, namespace peta::api) on the real Probolinggo desa: a project with a store
// loaded, findings imported (and imported again: nothing new), statuses changed (refusals with their reason),
// the project built with a progress callback, ranked, and reported as PDF; errors arrive as peta::api::Error.
// Only <peta/peta.hpp> is used here, as a program outside peta would use it (tests/packaging/ builds one against
// an installed peta).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include <peta/peta.hpp>

#include "test_support.hpp"

namespace {

namespace api = peta::api;
namespace fs = std::filesystem;

std::string first_id(const std::string& csv) {
  const std::string text = peta::test::read_file(csv);
  const std::size_t line = text.find('\n') + 1;
  return text.substr(line, text.find(',', line) - line);
}

class PublicApi : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = peta::test::temp_dir("public-api");
    const auto s = peta::test::run_cli("sample --boundaries " + peta::test::data("probolinggo/desa.geojson") +
                                           " --count 300 --seed 11 --outside-share 0 --quiet --out " + dir_ + "/semua.csv",
                                       dir_);
    ASSERT_EQ(s.code, 0) << s.err;
    peta::test::write_file(
        dir_ + "/proyek.json",
        R"({"name": "Uji API", "boundaries": {"desa": {"path": ")" + peta::test::data("probolinggo/desa.geojson") +
            R"("}, "kecamatan": {"path": ")" + peta::test::data("probolinggo/kecamatan.geojson") +
            R"("}}, "findings": [{"path": "semua.csv"}], "privacy": {"profile": "internal"},
              "hotspots": {"permutations": 99}, "store": {"path": "temuan.gpkg"},
              "output": {"folder": "out", "formats": ["geopackage"], "language": "en"}})");
  }
  std::string dir_;
};

TEST_F(PublicApi, ImportStatusBuildQueryReport) {
  const api::Project project = api::Project::load(dir_ + "/proyek.json");
  EXPECT_EQ(project.name(), "Uji API");
  EXPECT_EQ(fs::path(project.store()).filename(), "temuan.gpkg");
  EXPECT_EQ(fs::path(project.output_geopackage()).filename(), "peta.gpkg");
  EXPECT_EQ(project.language(), "en");
  const auto categories = project.categories();
  EXPECT_NE(std::find(categories.begin(), categories.end(), "jalan_rusak"), categories.end());
  EXPECT_STREQ(api::library_version(), api::kVersion);

  // Import, then the same file again: nothing new.
  api::ImportOptions import;
  import.today = "2026-03-01";
  api::ImportResult first = api::import_findings(project, import);
  ASSERT_EQ(first.files.size(), 1u);
  EXPECT_EQ(first.files[0].rows_read, 300);
  EXPECT_EQ(first.files[0].new_rows, 300);
  EXPECT_EQ(first.files[0].rejected, 0);
  EXPECT_TRUE(first.files[0].adds_up());
  api::ImportResult again = api::import_findings(project, import);
  ASSERT_EQ(again.files.size(), 1u);
  EXPECT_EQ(again.files[0].new_rows, 0);
  EXPECT_EQ(again.files[0].unchanged, 300);
  EXPECT_EQ(api::status_counts(project).at("baru"), 300);

  // One change applied, an unknown id and an unknown status refused with their reasons.
  const std::string id = first_id(dir_ + "/semua.csv");
  const api::StatusRun run = api::change_status(
      project, {{id, "Diverifikasi", "2026-03-02", "dinas", "dicek"}, {"TIDAK-ADA", "selesai", "", "", ""},
                {id, "hilang", "", "", ""}});
  ASSERT_EQ(run.results.size(), 3u);
  EXPECT_TRUE(run.results[0].applied) << run.results[0].reason;
  EXPECT_EQ(run.results[0].change.to, "diverifikasi");
  EXPECT_FALSE(run.results[1].applied);
  EXPECT_EQ(run.results[1].field, "id");
  EXPECT_FALSE(run.results[2].applied);
  EXPECT_EQ(run.results[2].field, "status");
  EXPECT_EQ(run.applied(), 1u);
  const auto counts = api::status_counts(project);
  EXPECT_EQ(counts.at("baru"), 299);
  EXPECT_EQ(counts.at("diverifikasi"), 1);

  // Build with a progress callback: it is called, never goes back, and ends at 1.
  std::vector<double> fractions;
  api::BuildOptions options;
  options.progress = [&](double f, const std::string&) { fractions.push_back(f); };
  options.threads = 2;
  const api::BuildSummary summary = api::build(project, options);
  EXPECT_EQ(summary.total.rows_read, 300);
  EXPECT_EQ(summary.total.by_coordinates, 300);
  EXPECT_EQ(summary.total.rejected, 0);
  EXPECT_TRUE(summary.total.balanced());
  ASSERT_EQ(summary.sources.size(), 1u);
  EXPECT_EQ(summary.sources[0].rows_read, 300);
  EXPECT_NE(summary.json.find("\"rows_read\": 300"), std::string::npos);
  ASSERT_FALSE(fractions.empty());
  EXPECT_TRUE(std::is_sorted(fractions.begin(), fractions.end()));
  EXPECT_DOUBLE_EQ(fractions.back(), 1.0);
  EXPECT_TRUE(fs::exists(project.output_geopackage()));

  // Every desa ranked: the counts add up to the findings (the internal profile withholds nothing).
  api::TopQuery all;
  all.top = 0;
  const api::TopResult desa = api::top_units(project, all);
  ASSERT_EQ(desa.units.size(), 330u);
  double sum = 0;
  for (const auto& u : desa.units) sum += u.count.value_or(-1000);
  EXPECT_EQ(sum, 300);
  EXPECT_EQ(desa.units.front().rank, 1u);
  EXPECT_GE(*desa.units.front().count, *desa.units.back().count);
  api::TopQuery kec;
  kec.level = api::Level::kecamatan;
  kec.top = 3;
  kec.lang = "en";
  const api::TopResult top = api::top_units(project, kec);
  ASSERT_EQ(top.units.size(), 3u);
  EXPECT_EQ(top.matched, 24u);
  EXPECT_TRUE(top.units[0].kecamatan_code.empty());
  EXPECT_NE(top.title.find("districts"), std::string::npos) << top.title;
  EXPECT_NE(top.table.find(top.units[0].name), std::string::npos);

  // The kabupaten booklet.
  api::ReportOptions report;
  report.out = dir_ + "/laporan.pdf";
  const api::ReportResult pdf = api::write_report(project, report);
  EXPECT_EQ(pdf.booklets, 1);
  EXPECT_GT(pdf.pages, 1);
  ASSERT_EQ(pdf.files.size(), 1u);
  EXPECT_EQ(peta::test::read_file(pdf.files[0]).substr(0, 5), "%PDF-");
}

TEST_F(PublicApi, ErrorsArriveAsApiErrorsWithTheirMessage) {
  try {
    api::Project::load(dir_ + "/tidak_ada.json");
    FAIL() << "no error";
  } catch (const api::Error& e) {
    EXPECT_NE(std::string(e.what()).find("tidak_ada.json"), std::string::npos) << e.what();
  }
  const api::Project project = api::Project::load(dir_ + "/proyek.json");
  EXPECT_THROW(api::top_units(project), api::Error);  // not built yet
  api::TopQuery q;
  q.category = "bukan_kategori";
  api::import_findings(project, api::ImportOptions{});  // a project with a store is built from the store
  api::build(project);
  try {
    api::top_units(project, q);
    FAIL() << "no error";
  } catch (const api::Error& e) {
    EXPECT_NE(std::string(e.what()).find("bukan_kategori"), std::string::npos) << e.what();
  }
  EXPECT_THROW(api::check_boundaries(api::BoundaryCheckOptions{}), api::Error);
}

TEST(PublicApiBoundaries, TheProjectsBoundariesChecked) {
  const std::string dir = peta::test::temp_dir("public-api-boundaries");
  peta::test::write_file(dir + "/proyek.json",
                         R"({"boundaries": {"desa": {"path": ")" + peta::test::data("probolinggo/desa.geojson") +
                             R"("}}, "findings": [], "output": {"folder": "out"}})");
  const api::BoundaryCheck c = api::check_boundaries(api::Project::load(dir + "/proyek.json"));
  EXPECT_EQ(c.desa, 325u);
  EXPECT_EQ(c.kelurahan, 5u);
  EXPECT_EQ(c.kecamatan, 24u);  // dissolved from the desa
  EXPECT_EQ(c.overlap_pairs, 628u);
  EXPECT_NEAR(c.overlap_km2, 0.528, 0.0005);
  EXPECT_EQ(c.still_invalid, 0u);
  EXPECT_NEAR(c.desa_area_km2, 1725.95, 0.005);
  EXPECT_NE(c.json.find("\"overlaps\""), std::string::npos);
}

}  // namespace
