// peta import end to end on the real Probolinggo desa: overlapping monthly exports of one form into a GeoPackage
// store, the same export again, an edited row, a row outside the regency, a submission deleted at the source;
// the --json accounting adds up and the store holds what it should.
#include <gtest/gtest.h>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "store/finding_store.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

using test::CliRun;
CliRun peta_cli(const std::string& args, const std::string& dir) { return test::run_cli(args, dir); }

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

// An export: the header, the given data lines, and one row far outside the regency (rejected).
void write_export(const std::string& path, const std::string& header, const std::vector<std::string>& rows) {
  std::ofstream out(path);
  out << header << '\n';
  for (const auto& r : rows) out << r << '\n';
  out << "LUAR1,114.90,-6.50,jalan_rusak,2026-02-01,ringan,di laut\n";
}

nlohmann::json import_json(const std::string& project, const std::string& file, const std::string& dir) {
  CliRun r = peta_cli("import " + project + " " + file + " --sumber formulir --tanggal 2026-03-01 --json", dir);
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["imports"].size(), 1u);
  return j["imports"][0];
}

TEST(ImportCli, OverlappingExportsEditsRejectsAndDeletionsAddUp) {
  const std::string dir = test::temp_dir("import-cli");
  // 300 findings inside the desa (no share outside), deterministic.
  CliRun s = peta_cli("sample --boundaries " + test::data("probolinggo/desa.geojson") +
                          " --count 300 --seed 11 --outside-share 0 --quiet --out " + dir + "/semua.csv",
                      dir);
  ASSERT_EQ(s.code, 0);
  auto lines = lines_of(test::read_file(dir + "/semua.csv"));
  ASSERT_EQ(lines.size(), 301u);
  const std::string header = lines[0];
  std::vector<std::string> rows(lines.begin() + 1, lines.end());
  test::write_file(dir + "/proyek.json", R"({"boundaries": {"desa": {"path": ")" + test::data("probolinggo/desa.geojson") +
                                             R"("}, "kecamatan": {"path": ")" + test::data("probolinggo/kecamatan.geojson") +
                                             R"("}}, "findings": [{"path": "semua.csv"}], "privacy": {"profile": "internal"},
    "store": {"path": "temuan.gpkg"}, "output": {"folder": "out", "formats": ["geojson"]}})");
  const std::string project = dir + "/proyek.json";

  // January: the first 200 submissions.
  write_export(dir + "/ekspor_jan.csv", header, {rows.begin(), rows.begin() + 200});
  auto jan = import_json(project, dir + "/ekspor_jan.csv", dir);
  EXPECT_EQ(jan["rows_read"], 201);
  EXPECT_EQ(jan["new"], 200);
  EXPECT_EQ(jan["rejected"], 1);
  EXPECT_EQ(jan["unchanged"], 0);
  EXPECT_TRUE(jan["adds_up"].get<bool>());
  EXPECT_NE(jan["rejects_csv"].get<std::string>(), "");
  EXPECT_NE(test::read_file(jan["rejects_csv"]).find("outside_boundaries"), std::string::npos);

  // February: cumulative, 100 more, and submission 4 edited at the source (its severity changed: the sixth
  // field, after five that hold no comma; the note after it may be quoted).
  std::vector<std::string> feb(rows.begin(), rows.end());
  std::size_t at = 0;
  for (int field = 0; field < 5; ++field) at = feb[3].find(',', at) + 1;
  const std::size_t end = feb[3].find(',', at);
  feb[3] = feb[3].substr(0, at) + "sangat_berat" + feb[3].substr(end);
  write_export(dir + "/ekspor_feb.csv", header, feb);
  auto f = import_json(project, dir + "/ekspor_feb.csv", dir);
  EXPECT_EQ(f["rows_read"], 301);
  EXPECT_EQ(f["new"], 100);
  EXPECT_EQ(f["updated"], 1);
  EXPECT_EQ(f["unchanged"], 199);
  EXPECT_EQ(f["rejected"], 1);
  EXPECT_EQ(f["duplicates"], 0);

  // The same export again adds nothing.
  auto again = import_json(project, dir + "/ekspor_feb.csv", dir);
  EXPECT_EQ(again["new"], 0);
  EXPECT_EQ(again["updated"], 0);
  EXPECT_EQ(again["unchanged"], 300);

  // March: ten submissions deleted at the source are kept, flagged, never removed.
  std::vector<std::string> mar(feb.begin() + 10, feb.end());
  write_export(dir + "/ekspor_mar.csv", header, mar);
  auto m = import_json(project, dir + "/ekspor_mar.csv", dir);
  EXPECT_EQ(m["unchanged"], 290);
  EXPECT_EQ(m["not_in_source"], 10);

  auto store = store::FindingStore::open(dir + "/temuan.gpkg");
  auto stored = store->findings();
  EXPECT_EQ(stored.size(), 300u);
  long long flagged = 0;
  for (const auto& x : stored) flagged += x.not_in_source;
  EXPECT_EQ(flagged, 10);
  EXPECT_EQ(store->imports().size(), 4u);
}

TEST(ImportCli, AProjectWithoutAStoreIsRefusedNamingTheKey) {
  const std::string dir = test::temp_dir("import-cli-nostore");
  test::write_file(dir + "/proyek.json", R"({"boundaries": {"desa": {"path": ")" + test::data("probolinggo/desa.geojson") +
                                             R"("}}, "findings": []})");
  CliRun r = peta_cli("import " + dir + "/proyek.json", dir);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("store: missing"), std::string::npos) << r.err;
}

TEST(ImportCli, EachSourceHasItsKeySoTwoFormsNumberingAlikeDoNotCollide) {
  const std::string dir = test::temp_dir("import-cli-keys");
  CliRun s = peta_cli("sample --boundaries " + test::data("probolinggo/desa.geojson") +
                          " --count 6 --seed 5 --outside-share 0 --quiet --out " + dir + "/contoh.csv",
                      dir);
  ASSERT_EQ(s.code, 0);
  auto lines = lines_of(test::read_file(dir + "/contoh.csv"));
  ASSERT_EQ(lines.size(), 7u);
  // Two forms whose ids are both 1, 2, 3 (the first three sample rows, then the last three, renumbered).
  auto renumbered = [&](std::size_t from) {
    std::string out = lines[0] + "\n";
    for (std::size_t i = 0; i < 3; ++i) {
      const std::string& row = lines[from + i];
      out += std::to_string(i + 1) + row.substr(row.find(',')) + "\n";
    }
    return out;
  };
  std::filesystem::create_directories(dir + "/jalan");
  std::filesystem::create_directories(dir + "/sekolah");
  test::write_file(dir + "/jalan/temuan.csv", renumbered(1));
  test::write_file(dir + "/sekolah/ekspor.csv", renumbered(4));
  test::write_file(dir + "/proyek.json", R"({"boundaries": {"desa": {"path": ")" + test::data("probolinggo/desa.geojson") +
                                             R"("}, "kecamatan": {"path": ")" + test::data("probolinggo/kecamatan.geojson") +
                                             R"("}}, "findings": [{"path": "jalan/temuan.csv"}, {"path": "sekolah/ekspor.csv", "kunci": "sekolah"}],
    "privacy": {"profile": "internal"}, "store": {"path": "temuan.gpkg"}, "output": {"folder": "out", "formats": ["geojson"]}})");
  CliRun r = peta_cli("import " + dir + "/proyek.json --tanggal 2026-03-01 --json", dir);
  ASSERT_EQ(r.code, 0) << r.out << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["imports"].size(), 2u);
  EXPECT_EQ(j["imports"][0]["new"], 3);
  EXPECT_EQ(j["imports"][1]["new"], 3);
  std::set<std::string> ids, sources;
  for (const auto& f : store::FindingStore::open(dir + "/temuan.gpkg")->findings()) {
    ids.insert(f.id);
    sources.insert(f.source);
  }
  // The key: the file name without extension by default, "kunci" when given.
  EXPECT_EQ(ids, (std::set<std::string>{"temuan:1", "temuan:2", "temuan:3", "sekolah:1", "sekolah:2", "sekolah:3"}));
  EXPECT_EQ(sources, (std::set<std::string>{"temuan", "sekolah"}));
  // Imported again: nothing new.
  r = peta_cli("import " + dir + "/proyek.json --tanggal 2026-03-02 --json", dir);
  ASSERT_EQ(r.code, 0) << r.out << r.err;
  j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["imports"][0]["unchanged"], 3);
  EXPECT_EQ(j["imports"][1]["unchanged"], 3);
  EXPECT_EQ(j["imports"][1]["new"], 0);
  // Two sources with the same key are refused, naming both.
  test::write_file(dir + "/dua.json", R"({"boundaries": {"desa": {"path": ")" + test::data("probolinggo/desa.geojson") +
                                          R"("}}, "findings": [{"path": "jalan/temuan.csv"}, {"path": "sekolah/ekspor.csv", "kunci": "temuan"}],
    "store": {"path": "dua.gpkg"}, "output": {"folder": "out2", "formats": ["geojson"]}})");
  r = peta_cli("import " + dir + "/dua.json --tanggal 2026-03-01", dir);
  EXPECT_NE(r.code, 0);
  EXPECT_NE((r.out + r.err).find("have the same source key 'temuan'"), std::string::npos) << r.out << r.err;
}

}  // namespace
}  // namespace peta
