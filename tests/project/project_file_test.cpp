#include <gtest/gtest.h>

#include "aggregate/category_taxonomy.hpp"
#include "core/error.hpp"
#include "output/short_names.hpp"
#include "project/project_settings.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

std::string error_of(const std::string& json) {
  auto dir = test::temp_dir("proj");
  test::write_file(dir + "/p.json", json);
  try {
    load_project(dir + "/p.json");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(ProjectFile, ReadsTheExampleProject) {
  auto s = load_project(std::string(PETA_SOURCE_DIR) + "/examples/probolinggo/project.json");
  EXPECT_EQ(s.boundaries.desa.path, std::filesystem::path(std::string(PETA_SOURCE_DIR) + "/../shared/data/probolinggo/desa.geojson").lexically_normal().string());
  ASSERT_TRUE(s.boundaries.kecamatan);
  ASSERT_EQ(s.findings.size(), 1u);
  EXPECT_EQ(s.findings[0].columns.category, "kategori");
  EXPECT_DOUBLE_EQ(s.geocode.gap_tolerance_m, 50);
  EXPECT_TRUE(s.output.geojson && s.output.shapefile && s.output.geopackage);
  EXPECT_EQ(s.categories.size(), 6u);
}

TEST(ProjectFile, UnknownKeysAndWrongTypesNameTheKey) {
  EXPECT_NE(error_of(R"({"boundaries":{"desa":{"paht":"x"}}})").find("boundaries.desa.paht: unknown key"), std::string::npos);
  EXPECT_NE(error_of(R"({"boundaries":{"desa":{"path":"x"}},"geocode":{"gap_tolerance_m":"50"}})")
                .find("geocode.gap_tolerance_m: must be a number"), std::string::npos);
  EXPECT_NE(error_of(R"({"boundaries":{"desa":{"path":"x"}},"findings":[{"path":"a.csv","columns":{"lng":"x"}}]})")
                .find("findings[0].columns.lng: unknown key"), std::string::npos);
  EXPECT_NE(error_of(R"({"boundaries":{}})").find("boundaries.desa: missing"), std::string::npos);
  EXPECT_NE(error_of(R"({"boundaries":{"desa":{"path":"x"}},"output":{"formats":["kml"]}})")
                .find("output.formats: unknown format 'kml'"), std::string::npos);
  EXPECT_NE(error_of(R"({"boundaries":{"desa":{"path":"x"}},"colour":1})").find("colour: unknown key"), std::string::npos);
  EXPECT_NE(error_of("{not json").find("not valid JSON"), std::string::npos);
}

TEST(CategoryTaxonomy, MatchesCodesLabelsAndSynonymsCaseInsensitively) {
  auto t = CategoryTaxonomy::defaults();
  ASSERT_EQ(t.size(), 6u);
  EXPECT_EQ(t.categories()[0].code, "jalan_rusak");
  EXPECT_EQ(t.match("jalan_rusak"), 0u);
  EXPECT_EQ(t.match("Jalan Rusak"), 0u);
  EXPECT_EQ(t.match("JALAN-RUSAK"), 0u);
  EXPECT_EQ(t.match("Damaged road"), 0u);
  EXPECT_EQ(t.match("gizi buruk"), 1u);
  EXPECT_TRUE(t.categories()[1].sensitive);
  EXPECT_EQ(t.match("banjir"), std::nullopt);
  EXPECT_THROW(CategoryTaxonomy::from_json(nlohmann::json::parse(R"([{"code":"a","colour":"red"}])"), "x"), Error);
}

TEST(ShortNames, AsciiUniqueAtMostTenCharacters) {
  auto s = make_short_names({"keterangan_panjang_sekali", "keterangan_panjang_juga", "Nama Pelapor", "2nd", "tanggal"},
                            {"TANGGAL"});
  EXPECT_EQ(s, (std::vector<std::string>{"keterangan", "keterang_2", "nama_pelap", "k2nd", "tanggal_2"}));
}

}  // namespace
}  // namespace peta
