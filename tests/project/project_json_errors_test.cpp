// Found by tests/fuzz/project_file_fuzzer.cpp: a number out of range (1e999) escaped load_project as a JSON
// library exception (out_of_range, not parse_error) naming neither the file nor the key.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "project/project_settings.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

// The peta::Error message of loading `json`; fails the test if something else is thrown or nothing is.
std::string load_error(const std::string& json, std::string& path) {
  path = test::temp_dir("project-json") + "/p.json";
  test::write_file(path, json);
  try {
    load_project(path);
  } catch (const Error& e) {
    return e.what();
  }
  ADD_FAILURE() << "no error for " << json;
  return "";
}

TEST(ProjectJsonErrors, NumberOutOfRangeNamesTheFileAndTheKey) {
  std::string path;
  const std::string m =
      load_error(R"({"boundaries": {"desa": {"path": "d.geojson"}}, "geocode": {"gap_tolerance_m": 1e999}})", path);
  EXPECT_EQ(m.rfind(path + ": geocode.gap_tolerance_m: not valid JSON: ", 0), 0u) << m;
  EXPECT_NE(m.find("1e999"), std::string::npos) << m;
}

TEST(ProjectJsonErrors, KeyPathCountsArrayElements) {
  std::string path;
  const std::string m = load_error(
      R"({"boundaries": {"desa": {"path": "d.geojson"}}, "findings": [{"path": "a.csv"}, {"path": "b.csv", "crs": -1e400}]})",
      path);
  EXPECT_EQ(m.rfind(path + ": findings[1].crs: not valid JSON: ", 0), 0u) << m;
}

TEST(ProjectJsonErrors, SyntaxErrorsStillNameTheFile) {
  std::string path;
  const std::string m = load_error(R"({"boundaries": {"desa": {"path": "d.geojson",}}})", path);
  EXPECT_EQ(m.rfind(path + ": boundaries.desa.path: not valid JSON: ", 0), 0u) << m;
  EXPECT_EQ(load_error("", path).rfind(path + ": not valid JSON: ", 0), 0u);
}

}  // namespace
}  // namespace peta
