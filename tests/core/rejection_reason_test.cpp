// The one table of rejection reasons (core/rejection_reason): every reason has its own stable code and both texts,
// and every code the example project writes (ditolak.csv, profil_ditolak.csv, ringkasan.json) reads back as a
// reason of the table.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "core/rejection_reason.hpp"
#include "findings/csv_record_reader.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

TEST(RejectionReasonTable, EveryReasonHasAUniqueCodeAndBothTexts) {
  std::set<std::string_view> codes, texts_id, texts_en;
  std::size_t i = 0;
  for (const auto& r : all_rejection_reasons()) {
    EXPECT_EQ(static_cast<std::size_t>(r.reason), i++) << r.code;
    EXPECT_FALSE(r.code.empty());
    EXPECT_EQ(r.code.find_first_not_of("abcdefghijklmnopqrstuvwxyz_"), std::string_view::npos) << r.code;
    EXPECT_TRUE(codes.insert(r.code).second) << "code used twice: " << r.code;
    EXPECT_FALSE(r.text_id.empty()) << r.code;
    EXPECT_FALSE(r.text_en.empty()) << r.code;
    EXPECT_TRUE(texts_id.insert(r.text_id).second) << "Indonesian text used twice: " << r.text_id;
    EXPECT_TRUE(texts_en.insert(r.text_en).second) << "English text used twice: " << r.text_en;
    EXPECT_EQ(rejection_reason_from_code(r.code), r.reason) << r.code;
    EXPECT_EQ(code(r.reason), r.code);
    EXPECT_EQ(text(r.reason, "id"), r.text_id);
    EXPECT_EQ(text(r.reason, "en"), r.text_en);
  }
  EXPECT_EQ(i, 26u);  // a new reason: one enum value, one table row, and this count
  EXPECT_FALSE(rejection_reason_from_code("no_such_reason").has_value());
  EXPECT_FALSE(rejection_reason_from_code("").has_value());
}

// The codes files have held since before the table: they must not change.
TEST(RejectionReasonTable, CodesAreTheOnesFilesHold) {
  const std::map<RejectionReason, std::string_view> kept = {
      {RejectionReason::column_count, "column_count"},
      {RejectionReason::coordinate_missing, "coordinate_missing"},
      {RejectionReason::outside_boundaries, "outside_boundaries"},
      {RejectionReason::desa_not_in_kecamatan, "desa_not_in_kecamatan"},
      {RejectionReason::stored_desa_code_unknown, "desa_tidak_dikenal"},
      {RejectionReason::key_empty, "kunci_kosong"},
      {RejectionReason::visits_overlap, "kunjungan_tumpang_tindih"}};
  for (const auto& [reason, c] : kept) EXPECT_EQ(code(reason), c);
}

TEST(RejectionReasonTable, LabelsAreTheIndonesianTexts) {
  EXPECT_EQ(reason_label("outside_boundaries"), "Di luar batas wilayah");
  EXPECT_EQ(reason_label("desa_not_found"), "Nama desa tidak ditemukan");
  EXPECT_EQ(reason_label("kode_lama_tak_dikenal"), "kode_lama_tak_dikenal");  // a code of no reason stays itself
  EXPECT_EQ(text(RejectionReason::outside_boundaries, "en"), "Outside the boundaries");
  EXPECT_EQ(text(RejectionReason::outside_boundaries, "xx"), "Di luar batas wilayah");
}

// The `alasan` column of a rejects CSV, every value.
std::map<std::string, int> alasan_counts(const std::string& path) {
  CsvRecordReader reader(path);
  const auto& header = reader.header();
  const auto column = std::find(header.begin(), header.end(), "alasan") - header.begin();
  EXPECT_LT(static_cast<std::size_t>(column), header.size()) << path;
  std::map<std::string, int> counts;
  std::vector<std::string> fields;
  while (reader.next(fields)) counts[fields.at(static_cast<std::size_t>(column))]++;
  return counts;
}

TEST(RejectionReasonExample, EveryCodeTheExampleWritesParsesBack) {
  const std::string dir = test::temp_dir("rejection-reason-example");
  const std::string example = std::string(PETA_SOURCE_DIR) + "/examples/probolinggo/";
  const auto sample = test::run_cli("sample --boundaries " + test::data("probolinggo/desa.geojson") +
                                        " --count 5000 --seed 2026 --out " + dir + "/temuan_contoh.csv",
                                    dir);
  ASSERT_EQ(sample.code, 0) << sample.err;
  // The example project as scripts/run-example.sh builds it, its paths made absolute; GeoJSON only (the codes are
  // the same in every format).
  nlohmann::json p = nlohmann::json::parse(test::read_file(example + "project.json"));
  for (const char* level : {"desa", "kecamatan", "kabupaten"})
    p["boundaries"][level]["path"] = test::data(std::string("probolinggo/") + level + ".geojson");
  p["findings"][0]["path"] = dir + "/temuan_contoh.csv";
  p["geocode"]["code_lists"] = {test::data("probolinggo/wilayah_3513.csv"), test::data("jatim/desa.gpkg")};
  p["program"]["kunjungan"] = example + p["program"]["kunjungan"].get<std::string>();
  for (auto& table : p["profil"]) table["path"] = example + table["path"].get<std::string>();
  p["output"]["folder"] = dir + "/out";
  p["output"]["formats"] = {"geojson"};
  test::write_file(dir + "/project.json", p.dump());
  const auto build = test::run_cli("build " + dir + "/project.json --json --tanpa-cache", dir);
  ASSERT_EQ(build.code, 0) << build.err;

  // code -> rows, over every rejects file: ditolak.csv, profil_ditolak.csv, ditolak_kunjungan.csv when written
  std::map<std::string, int> seen;
  std::set<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir + "/out")) {
    const std::string name = entry.path().filename().string();
    if (name.find("ditolak") == std::string::npos || entry.path().extension() != ".csv") continue;
    if (name.find(".kamus.") != std::string::npos) continue;  // the layer's data dictionary, no rows
    files.insert(name);
    for (const auto& [c, n] : alasan_counts(entry.path().string())) seen[c] += n;
  }
  EXPECT_TRUE(files.count("ditolak.csv") && files.count("profil_ditolak.csv")) << files.size();
  const auto summary = nlohmann::json::parse(build.out);
  for (const auto& [c, n] : summary["total"]["rejected_by_reason"].items()) EXPECT_GT(seen.count(c), 0u) << c;
  for (const auto& [c, n] : seen) EXPECT_TRUE(rejection_reason_from_code(c).has_value()) << "'" << c << "' (" << n << " rows)";
  // The example's findings are rejected outside the boundaries only (56 rows); its two profile tables' 6 rejected
  // rows have 6 reasons, as README "Profil desa" lists them.
  const std::map<std::string, int> expected = {{"outside_boundaries", 56}, {"desa_code_unknown", 1}, {"desa_ganda", 1},
                                               {"kunci_kosong", 1},        {"nilai_tidak_valid", 1}, {"desa_ambiguous", 1},
                                               {"desa_not_found", 1}};
  EXPECT_EQ(seen, expected);
}

}  // namespace
}  // namespace peta
