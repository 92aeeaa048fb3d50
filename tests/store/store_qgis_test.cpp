// The store's temuan and ruas layers in QGIS itself (PyQGIS, tests/qgis/edit_store.py), on both backends: valid,
// indexed, editable; a status edited there is found by reconcile_direct_edits.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <filesystem>

#include "store/finding_store.hpp"
#include "store_test_support.hpp"

namespace peta::store {
namespace {

class StoreQgisTest : public ::testing::TestWithParam<std::string> {};

// `layer`: temuan (25 points, T7 edited) or ruas (6 segments beside the points, S3 edited).
void edit_in_qgis(const std::string& param, const std::string& layer) {
  ASSERT_EQ(std::system("QT_QPA_PLATFORM=offscreen /usr/bin/python3 -c 'import qgis.core' > /dev/null 2>&1"), 0)
      << "PyQGIS is missing: run scripts/setup.sh (python3-qgis, qgis-providers)";
  const std::string dir = test::temp_dir("store-qgis-" + param + "-" + layer);
  std::string path = dir + "/temuan.gpkg";
  if (param == "PostGIS") {
    path = test::pg_connection();
    if (path.empty()) {
      if (std::getenv("PETA_TEST_PG_REQUIRED")) FAIL() << "PETA_TEST_PG_REQUIRED is set but no cluster is running";
      GTEST_SKIP() << "no PostgreSQL test cluster here (ctest runs these in test store_postgis, with its fixture)";
    }
    test::raw_sql(path, "DROP TABLE IF EXISTS temuan, ruas, riwayat, impor, peta_skema CASCADE");
  }
  {
    auto store = FindingStore::open(path);
    ImportOptions o;
    o.file = "ekspor.csv";
    o.today = "2026-03-01";
    auto session = store->begin_import(o);
    session->add(test::sample_findings(0, 25));
    session->add(test::sample_segments(0, 6));
    ASSERT_EQ(session->commit().new_rows, 31);
  }
  const std::string runtime = dir + "/xdg";
  std::filesystem::create_directories(runtime);
  std::filesystem::permissions(runtime, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace);
  const std::string log = dir + "/qgis.log";
  const std::string cmd = "QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=" + runtime + " /usr/bin/python3 " +
                          PETA_SOURCE_DIR + "/tests/qgis/edit_store.py '" + path + "' " + (layer == "ruas" ? "6 S3" : "25 T7") +
                          " selesai " + layer + " > " + log + " 2>&1";
  const int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << test::read_file(log);
  auto store = FindingStore::open(path);
  auto edits = store->reconcile_direct_edits("2026-03-05");
  ASSERT_EQ(edits.size(), 1u) << test::read_file(log);
  const std::string id = layer == "ruas" ? "S3" : "T7";
  EXPECT_EQ(edits[0].id, id);
  EXPECT_EQ(edits[0].to_status, "selesai");
  EXPECT_FALSE(edits[0].accepted);  // baru -> selesai skips verification: set back, kept in the history
  auto h = store->history(id);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].kind, "edit_ditolak");
}

TEST_P(StoreQgisTest, TemuanIsAnEditableLayerAndQgisEditsAreReconciled) { edit_in_qgis(GetParam(), "temuan"); }

TEST_P(StoreQgisTest, RuasIsAnEditableLineLayerAndQgisEditsAreReconciled) { edit_in_qgis(GetParam(), "ruas"); }

INSTANTIATE_TEST_SUITE_P(Backends, StoreQgisTest, ::testing::Values("GeoPackage", "PostGIS"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace peta::store
