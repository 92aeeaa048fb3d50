// `peta query` on a project that names a store (and on one that does not), through the CLI as a user runs it:
// the overdue table, the findings list and the errors. The built GeoPackage is the query fixture; the store is
// the one of store_query_fixture.hpp.
#include <gtest/gtest.h>

#include <filesystem>

#include "store_query_fixture.hpp"

namespace peta::test {
namespace {

struct CliProject {
  std::string dir, with_store, without_store;
};

const CliProject& project() {
  static const CliProject p = [] {
    CliProject c;
    c.dir = temp_dir("query-store-cli");
    std::filesystem::create_directories(c.dir + "/out");
    write_query_fixture(c.dir + "/out/peta.gpkg", true, true, true);
    std::filesystem::copy_file(fixture_store_path(), c.dir + "/temuan.gpkg");
    const std::string common = R"({"boundaries": {"desa": {"path": ")" + data("probolinggo/desa.geojson") +
                               R"("}}, "findings": [{"path": "temuan.csv", "publish": ["keterangan"]}],
      "privacy": {"profile": "public", "k": 5}, "output": {"folder": "out", "formats": ["geopackage"]})";
    c.with_store = c.dir + "/proyek.json";
    c.without_store = c.dir + "/tanpa_store.json";
    write_file(c.with_store, common + R"(, "store": {"path": "temuan.gpkg"}})");
    write_file(c.without_store, common + "}");
    return c;
  }();
  return p;
}

TEST(QueryStoreCli, OverdueTablePerOpd) {
  const auto& p = project();
  auto r = run_cli("query " + p.with_store + " --lewat-target --per-opd --per-tanggal 2026-03-05 -f csv", p.dir);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out,
            "opd,kode_kec,nama_kec,n_terbuka,n_lewat_target,hari_lewat_maks,n_keterangan\n"
            "Dinas Kesehatan,35.13.01,Sumber,6,6,33,\n"
            "Dinas Kesehatan,35.13.02,Lumbang,,,,< 5\n"
            "Dinas PUPR,35.13.01,Sumber,5,4,3,\n"
            "Dinas PUPR,35.13.02,Lumbang,1,1,3,\n"
            "Kecamatan,35.13.02,Lumbang,2,1,49,\n");
}

TEST(QueryStoreCli, CountsAndListWithFilters) {
  const auto& p = project();
  auto r = run_cli("query " + p.with_store + " --status baru,diverifikasi --opd 'Dinas PUPR' --per-tanggal 2026-03-05 -f csv -n 2",
                   p.dir);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.substr(r.out.find('\n') + 1, 60).rfind("1,35.13.01.2001,Alpha,35.13.01,Sumber,4,", 0), 0u) << r.out;
  r = run_cli("query " + p.with_store + " --lewat-target --temuan --per-tanggal 2026-03-05 -n 2", p.dir);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Temuan lewat target, per 2026-03-05"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nL1  layanan_publik  35.13.02.2002  Echo   Lumbang    baru          Kecamatan   "
                       "2026-01-01       2026-01-15          49  titik             \n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("2 dari 6 temuan yang cocok"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("8 temuan kategori sensitif tidak dicantumkan"), std::string::npos) << r.out;
}

TEST(QueryStoreCli, ErrorsSayWhat) {
  const auto& p = project();
  for (const std::string args : {" --opd 'Dinas PUPR'", " --lewat-target", " --per-opd", " --temuan"}) {
    auto r = run_cli("query " + p.without_store + args, p.dir);
    EXPECT_EQ(r.code, 2) << args;
    EXPECT_NE(r.err.find("peta query: proyek ini tidak punya store: "), std::string::npos) << args << ": " << r.err;
  }
  auto r = run_cli("query " + p.with_store + " --per-opd --temuan", p.dir);
  EXPECT_EQ(r.code, 2);
  r = run_cli("query " + p.with_store + " --status terbuka", p.dir);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("status: 'terbuka' is not a status of the store (baru, diverifikasi"), std::string::npos) << r.err;
  r = run_cli("query " + p.with_store + " --temuan -f geojson", p.dir);
  EXPECT_EQ(r.code, 2);
}

}  // namespace
}  // namespace peta::test
