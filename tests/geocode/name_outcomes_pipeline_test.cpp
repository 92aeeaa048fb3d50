// Issue 16, "Names", through the pipeline: the reasons of name rejections, the perlu_cek flag, the kabupaten column,
// and the confidence the geocoding stage hands on. The East Java layer is a code list here, so the kelurahan of Kota
// Probolinggo are known as outside the region.
#include <gtest/gtest.h>

#include "project_run.hpp"

namespace peta {
namespace {

using nlohmann::json;

TEST(NameOutcomes, ReasonsFlagsAndTheKabupatenColumnThroughThePipeline) {
  auto dir = test::temp_dir("name-outcomes");
  test::write_file(dir + "/t.csv",
                   "no,desa,kecamatan,kab_kota,kategori\n"
                   "1,Sumberanom,,,jalan\n"                       // row 2: exact: placed, dari_nama
                   "2,Sumberejo,,,jalan\n"                        // row 3: a letter from Sumberrejo: perlu_cek
                   "3,Sumberanyar Lor,,,jalan\n"                  // row 4: qualifier it lacks: not found
                   "4,Sumberanom,Tongas,,jalan\n"                 // row 5: wrong kecamatan
                   "5,Mayangan,,Kota Probolinggo,jalan\n"         // row 6: kelurahan of Kota Probolinggo
                   "6,Wringinanom,,,jalan\n"                      // row 7: duplicated name: ambiguous
                   "7,Sumberanom,,Kab. Probolinggo,jalan\n"       // row 8: the kabupaten agrees
                   "8,Sumberanm,Sumber,,jalan\n");                // row 9: only the kecamatan sets it apart
  json code_lists = {{"geocode",
                      {{"code_lists", {test::data("probolinggo/wilayah_3513.csv"), test::data("jatim/desa.gpkg")}}}}};
  auto r = test::run_findings(dir, json::array({{{"path", dir + "/t.csv"}}}), code_lists);
  auto reason = [&](long long row) { return r.rejection(row)["properties"]["alasan"].get<std::string>(); };
  auto detail = [&](long long row) { return r.rejection(row)["properties"]["keterangan"].get<std::string>(); };
  EXPECT_EQ(r.point(2)["properties"]["kode_desa"], "35.13.02.2007");
  EXPECT_EQ(r.point(2)["properties"]["tanda"], "dari_nama");
  EXPECT_EQ(r.point(3)["properties"]["kode_desa"], "35.13.12.2019");
  EXPECT_EQ(r.point(3)["properties"]["tanda"], "dari_nama;perlu_cek");
  EXPECT_EQ(reason(4), "desa_not_found");
  EXPECT_EQ(reason(5), "desa_not_in_kecamatan");
  EXPECT_EQ(reason(6), "desa_outside_region");
  EXPECT_NE(detail(6).find("Kota Probolinggo"), std::string::npos) << detail(6);
  EXPECT_NE(detail(6).find("keyakinan / confidence 1.00"), std::string::npos) << detail(6);
  EXPECT_EQ(reason(7), "desa_ambiguous");
  EXPECT_EQ(r.point(8)["properties"]["kode_desa"], "35.13.02.2007");
  EXPECT_EQ(r.point(9)["properties"]["kode_desa"], "35.13.02.2007");
  EXPECT_EQ(r.point(9)["properties"]["tanda"], "dari_nama;perlu_cek");
  const auto& s = r.summary.sources.at(dir + "/t.csv");
  EXPECT_EQ(s.rows_read, 8);
  EXPECT_EQ(s.by_name_or_code, 4);
  EXPECT_EQ(s.rejected, 4);
  EXPECT_EQ(s.flagged_by_flag.at("perlu_cek"), 2);
  EXPECT_TRUE(s.states_balanced());
}

}  // namespace
}  // namespace peta
