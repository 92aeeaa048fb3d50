// Findings without coordinates, placed by Kemendagri code or desa name through the whole pipeline; and
// findings whose coordinates and named desa disagree. Reference values: shapely's representative_point
// (GEOS PointOnSurface) of the desa in ../shared/data/probolinggo/desa.geojson, and pyproj/GEOS distances
// in EPSG:32749.
#include <gtest/gtest.h>

#include <map>

#include "geocode/wilayah_csv.hpp"
#include "project_run.hpp"

namespace peta {
namespace {

using nlohmann::json;
using test::lat_of;
using test::lon_of;

const json kCodeList = {{"geocode", {{"code_lists", {test::data("probolinggo/wilayah_3513.csv")}}}}};

struct Anchor {
  const char* code;
  double lon, lat;
};
constexpr Anchor kSokaan{"35.13.15.2017", 113.44595758286758, -7.794734999999946};
constexpr Anchor kWringinanomTongas{"35.13.23.2006", 113.10512333709674, -7.758290337499943};
constexpr Anchor kPatokanKraksaan{"35.13.14.1017", 113.41659929872844, -7.7519145689999505};

void expect_placed(const json& f, const Anchor& a, const char* flag) {
  ASSERT_FALSE(f.is_null()) << a.code;
  EXPECT_EQ(f["properties"]["kode_desa"], a.code);
  EXPECT_NEAR(lon_of(f), a.lon, 1e-7);
  EXPECT_NEAR(lat_of(f), a.lat, 1e-7);
  EXPECT_EQ(f["properties"]["presisi"], "desa");
  EXPECT_EQ(f["properties"]["tanda"], flag);
}

TEST(NameGeocoding, CodesNamesOldSpellingsDuplicatesAndFailures) {
  auto dir = test::temp_dir("names");
  test::write_file(dir + "/t.csv",
                   "no,desa,kecamatan,kode_desa,kategori\n"
                   "1,Sokaan,,,jalan\n"                        // row 2: old spelling (code list)
                   "2,,,3513152017,jalan\n"                    // row 3: code without dots
                   "3,,,35.13.15.2017,jalan\n"                 // row 4: code with dots
                   "4,Wringinanom,Tongas,,jalan\n"             // row 5: duplicate name, kecamatan given
                   "5,Wringinanom,,,jalan\n"                   // row 6: duplicate name, no kecamatan
                   "6,Xyzzyqwv,,,jalan\n"                      // row 7: nothing like it
                   "7,,,35.13.99.2001,jalan\n"                 // row 8: no such desa code
                   "8,Ds. Tunggakcerme,Wonomerto,,jalan\n"     // row 9: prefix and old spelling
                   "9,,,,jalan\n"                              // row 10: nothing given
                   "10,\"Patokan, Kec. Kraksaan\",,,jalan\n"   // row 11: kelurahan, kecamatan in the name
                   "11,Patokan,,,jalan\n");                    // row 12: duplicate (desa + kelurahan)
  auto r = test::run_findings(dir, json::array({{{"path", dir + "/t.csv"}}}), kCodeList);
  expect_placed(r.point(2), kSokaan, "dari_nama");
  expect_placed(r.point(3), kSokaan, "dari_kode");
  expect_placed(r.point(4), kSokaan, "dari_kode");
  expect_placed(r.point(5), kWringinanomTongas, "dari_nama");
  expect_placed(r.point(11), kPatokanKraksaan, "dari_nama");
  ASSERT_FALSE(r.point(9).is_null());
  EXPECT_EQ(r.point(9)["properties"]["kode_desa"], "35.13.22.2005");

  auto reason = [&](long long row) { return r.rejection(row)["properties"]["alasan"].get<std::string>(); };
  auto detail = [&](long long row) { return r.rejection(row)["properties"]["keterangan"].get<std::string>(); };
  auto field = [&](long long row) { return r.rejection(row)["properties"]["kolom"].get<std::string>(); };
  EXPECT_EQ(reason(6), "desa_ambiguous");
  EXPECT_EQ(field(6), "desa");
  EXPECT_NE(detail(6).find("35.13.03.2007"), std::string::npos) << detail(6);
  EXPECT_NE(detail(6).find("35.13.23.2006"), std::string::npos) << detail(6);
  EXPECT_EQ(reason(12), "desa_ambiguous");
  EXPECT_NE(detail(12).find("35.13.04.2003"), std::string::npos) << detail(12);
  EXPECT_NE(detail(12).find("35.13.14.1017"), std::string::npos) << detail(12);
  EXPECT_EQ(reason(7), "desa_not_found");
  EXPECT_EQ(detail(7).rfind("tidak ada desa yang cukup mirip dengan 'Xyzzyqwv'; periksa ejaannya", 0), 0u) << detail(7);
  EXPECT_NE(detail(7).find("(keyakinan / confidence 0.00)"), std::string::npos) << detail(7);
  EXPECT_EQ(reason(8), "desa_code_unknown");
  EXPECT_EQ(field(8), "kode_desa");
  EXPECT_EQ(detail(8), "kode desa 35.13.99.2001 tidak ada di wilayah peta / desa code 35.13.99.2001 is not in the gazetteer");
  EXPECT_EQ(reason(10), "location_missing");

  const auto& s = r.summary.sources.at(dir + "/t.csv");
  EXPECT_EQ(s.rows_read, 11);
  EXPECT_EQ(s.by_name_or_code, 6);
  EXPECT_EQ(s.by_coordinates, 0);
  EXPECT_EQ(s.rejected, 5);
  EXPECT_TRUE(s.states_balanced());
  // The desa layer counts the placed findings: Soka'an has three.
  EXPECT_EQ(r.unit(r.desa, kSokaan.code)["properties"]["n_total"], 3);
}

TEST(NameGeocoding, WithoutACodeListTheBoundaryNamesAreTheGazetteer) {
  auto dir = test::temp_dir("names-nolist");
  test::write_file(dir + "/t.csv", "desa,kategori\nSoka'an,jalan\nTunggakcerme,jalan\n");
  auto r = test::run_findings(dir, json::array({{{"path", dir + "/t.csv"}}}));
  expect_placed(r.point(2), kSokaan, "dari_nama");
  // One letter from "Tunggak Ceme" (spaces do not count): still found by similarity.
  EXPECT_EQ(r.point(3)["properties"]["kode_desa"], "35.13.22.2005");
  EXPECT_EQ(r.summary.total().by_name_or_code, 2);
}

TEST(NameGeocoding, CoordinatesThatDisagreeWithTheNamedDesaKeepTheCoordinates) {
  auto dir = test::temp_dir("names-mismatch");
  test::write_file(dir + "/t.csv",
                   "id,lon,lat,desa,kategori\n"
                   "1,113.1919,-7.8566,Soka'an,jalan\n"   // the point is in Besuk, 28 km from Soka'an
                   "2,113.1919,-7.8566,Besuk,jalan\n"     // agrees
                   "3,abc,-7.8566,Soka'an,jalan\n");      // unusable coordinate: placed by name
  auto r = test::run_findings(dir, json::array({{{"path", dir + "/t.csv"}}}), kCodeList);
  auto f = r.point(2);
  ASSERT_FALSE(f.is_null());
  EXPECT_EQ(f["properties"]["kode_desa"], "35.13.04.2008");
  EXPECT_EQ(f["properties"]["tanda"], "nama_beda");
  EXPECT_EQ(f["properties"]["presisi"], "titik");
  EXPECT_EQ(f["properties"]["desa_disebut"], "35.13.15.2017 Soka'an");
  EXPECT_NEAR(f["properties"]["jarak_disebut_m"].get<double>(), 28056.224, 0.5);
  auto g = r.point(3);
  EXPECT_TRUE(g["properties"]["tanda"].is_null());
  EXPECT_TRUE(g["properties"]["desa_disebut"].is_null());
  expect_placed(r.point(4), kSokaan, "dari_nama");
  EXPECT_EQ(r.summary.total().flagged_by_flag["nama_beda"], 1);
}

// Every one of the 330 desa of the official list, by its official name and its kecamatan, and by every older
// spelling, through the pipeline: each lands in its own desa; without a kecamatan, only the 14 desa whose
// names are duplicated are refused as ambiguous (none is guessed).
TEST(NameGeocoding, AllOfficialNamesThroughThePipeline) {
  auto dir = test::temp_dir("names-all");
  auto rows = read_wilayah_csv(test::data("probolinggo/wilayah_3513.csv"));
  std::string with_kec = "ref,desa,kecamatan,kategori\n", without = "ref,desa,kategori\n";
  std::size_t desa_count = 0, old_count = 0;
  for (const auto& w : rows) {
    if (w.code.level() != AdminLevel::desa) continue;
    ++desa_count;
    auto quoted = "\"" + w.name + "\"";
    with_kec += w.code.dotted() + "," + quoted + "," + w.kecamatan_name + ",jalan\n";
    without += w.code.dotted() + "," + quoted + ",jalan\n";
    for (const auto& old : w.old_names) {
      with_kec += w.code.dotted() + ",\"" + old + "\"," + w.kecamatan_name + ",jalan\n";
      ++old_count;
    }
  }
  ASSERT_EQ(desa_count, 330u);
  test::write_file(dir + "/with.csv", with_kec);
  test::write_file(dir + "/without.csv", without);
  auto r = test::run_findings(dir,
                              json::array({{{"path", dir + "/with.csv"}, {"publish", {"ref"}}},
                                           {{"path", dir + "/without.csv"}, {"publish", {"ref"}}}}),
                              kCodeList);
  const auto& with = r.summary.sources.at(dir + "/with.csv");
  EXPECT_EQ(with.rows_read, static_cast<std::int64_t>(330 + old_count));
  EXPECT_EQ(with.by_name_or_code, with.rows_read);
  const auto& wo = r.summary.sources.at(dir + "/without.csv");
  EXPECT_EQ(wo.by_name_or_code, 330 - 14);
  EXPECT_EQ(wo.rejected_by_reason.at("desa_ambiguous"), 14);
  long long wrong = 0;
  for (const auto& f : r.temuan["features"])
    if (f["properties"]["ref"] != f["properties"]["kode_desa"]) ++wrong;
  EXPECT_EQ(wrong, 0);
}

}  // namespace
}  // namespace peta
