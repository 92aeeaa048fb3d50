// peta status end to end: a project with a GeoPackage store over real desa, single changes, an XLSX status
// file with bad rows (row accounting and the rejects CSV), and the counts per status.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>

#include "store/finding_store.hpp"
#include "store/status_file.hpp"
#include "store_test_support.hpp"

namespace peta::store {
namespace {

// The CLI's answer, stdout then stderr.
test::CliRun peta_cli(const std::string& args, const std::string& dir) {
  test::CliRun r = test::run_cli(args, dir);
  r.out += r.err;
  return r;
}

// A status workbook written with GDAL's XLSX driver (as a department's spreadsheet).
void write_status_xlsx(const std::string& path, const std::vector<std::vector<std::string>>& rows) {
  ensure_gdal_registered();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("XLSX");
  ASSERT_NE(driver, nullptr);
  GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  ASSERT_TRUE(ds);
  OGRLayer* layer = ds->CreateLayer("status", nullptr, wkbNone, nullptr);
  for (const char* name : {"id", "status", "tanggal", "catatan", "oleh"}) {
    OGRFieldDefn f(name, OFTString);
    layer->CreateField(&f);
  }
  for (const auto& row : rows) {
    OGRFeature f(layer->GetLayerDefn());
    for (std::size_t i = 0; i < row.size(); ++i)
      if (!row[i].empty()) f.SetField(static_cast<int>(i), row[i].c_str());
    ASSERT_EQ(layer->CreateFeature(&f), OGRERR_NONE);
  }
}

TEST(StatusCli, SingleChangesAndAnXlsxFileWithBadRows) {
  const std::string dir = test::temp_dir("status-cli");
  test::write_file(dir + "/proyek.json", R"({"boundaries": {"desa": {"path": ")" +
                                             test::data("probolinggo/desa.geojson") + R"("}},
    "store": {"path": "temuan.gpkg"}})");
  {
    auto store = FindingStore::open(dir + "/temuan.gpkg");
    ImportOptions o;
    o.file = "ekspor.csv";
    o.today = "2026-03-01";
    auto session = store->begin_import(o);
    session->add(test::sample_findings(0, 6));
    ASSERT_EQ(session->commit().new_rows, 6);
  }
  auto r = peta_cli("status " + dir + "/proyek.json --jadi diverifikasi --oleh Camat --catatan dicek --tanggal 2026-03-02 T1 T2 T9", dir);
  EXPECT_EQ(r.code, 3) << r.out;
  EXPECT_NE(r.out.find("status: 3 dibaca, 2 diterapkan, 1 ditolak"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ditolak T9: id 'T9' tidak ada di penyimpanan"), std::string::npos) << r.out;

  write_status_xlsx(dir + "/status_pupr.xlsx", {{"T1", "ditindaklanjuti", "2026-03-05", "tim turun", "Dinas PUPR"},
                                                {"T2", "baru", "2026-03-05", "", ""},        // row 3: invalid
                                                {"T3", "selesai", "2026-03-05", "", ""},     // row 4: invalid
                                                {"T4", "diverifikasi", "kemarin", "", ""},  // row 5: bad date
                                                {"T5", "", "2026-03-05", "", ""}});          // row 6: no status
  r = peta_cli("status " + dir + "/proyek.json --berkas " + dir + "/status_pupr.xlsx", dir);
  EXPECT_EQ(r.code, 3) << r.out;
  EXPECT_NE(r.out.find("status: 5 dibaca, 1 diterapkan, 4 ditolak"), std::string::npos) << r.out;
  const std::string rejects = test::read_file(dir + "/status_pupr_ditolak.csv");
  const std::string file = dir + "/status_pupr.xlsx";
  EXPECT_EQ(rejects, "berkas,baris,kolom,alasan,id,status\n" + file + ",6,status,status kosong,T5,\n" + file +
                         ",3,status,\"perubahan 'diverifikasi' -> 'baru' tidak diizinkan (dari 'diverifikasi' hanya ke: "
                         "ditindaklanjuti, selesai, bukan_masalah, duplikat)\",T2,baru\n" +
                         file + ",4,status,\"perubahan 'baru' -> 'selesai' tidak diizinkan (dari 'baru' hanya ke: "
                                "diverifikasi, bukan_masalah, duplikat)\",T3,selesai\n" +
                         file + ",5,tanggal,tanggal 'kemarin' tidak valid (YYYY-MM-DD),T4,diverifikasi\n");

  r = peta_cli("status " + dir + "/proyek.json", dir);
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("  baru             4\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  diverifikasi     1\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  ditindaklanjuti  1\n"), std::string::npos) << r.out;
  auto store = FindingStore::open(dir + "/temuan.gpkg");
  auto h = store->history("T1");
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[1].who, "Dinas PUPR");
  EXPECT_EQ(h[1].note, "tim turun");
  EXPECT_EQ(h[0].date, "2026-03-02");
}

}  // namespace
}  // namespace peta::store
