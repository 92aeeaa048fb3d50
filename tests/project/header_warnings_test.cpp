// A header naming a column twice loses no row, but a person should know: the warning reaches the run summary
// (ringkasan.json's "warnings" and the text summary) naming the file and the column.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace peta {
namespace {

TEST(HeaderWarnings, AColumnNamedTwiceIsInTheSummary) {
  const std::string dir = test::temp_dir("header-warnings");
  test::write_file(dir + "/temuan.csv", "id,lon,lat,kategori,catatan,catatan\n"
                                        "A1,113.4718021,-7.9350989,jalan_rusak,satu,dua\n");
  test::write_file(dir + "/proyek.json", R"({"boundaries": {"desa": {"path": ")" + test::data("probolinggo/desa.geojson") +
                                             R"("}}, "findings": [{"path": "temuan.csv"}], "privacy": {"profile": "internal"},
    "output": {"folder": "out", "formats": ["geojson"], "layers": ["desa"]}})");
  auto json = test::run_cli("build " + dir + "/proyek.json --json", dir);
  ASSERT_EQ(json.code, 0) << json.err;
  const auto summary = nlohmann::json::parse(json.out);
  ASSERT_EQ(summary["warnings"].size(), 1u);
  const std::string w = summary["warnings"][0];
  EXPECT_NE(w.find("temuan.csv"), std::string::npos) << w;
  EXPECT_NE(w.find("'catatan' appears twice"), std::string::npos) << w;
  EXPECT_EQ(summary["total"]["rows_read"], 1);
  auto text = test::run_cli("build " + dir + "/proyek.json", dir);
  ASSERT_EQ(text.code, 0);
  EXPECT_NE(text.out.find("PERINGATAN / WARNING: "), std::string::npos) << text.out;
}

}  // namespace
}  // namespace peta
