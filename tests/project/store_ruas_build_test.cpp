// Line findings (damaged road segments) through the findings store, end to end on the real Probolinggo desa:
// `peta import` stores them in `ruas` (counted among the rows read; the same file again adds nothing; a moved
// vertex is an update), `peta build` from the store writes the ruas layer and the damaged length per desa exactly
// as the one-shot build of the same file does (same pieces, same geometry, same values), with each segment's
// status, OPD and due date; a segment set aside (bukan_masalah) leaves the lengths; `peta status` and
// `peta query --temuan` reach a segment by its id.
#include <gtest/gtest.h>

#include <map>

#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace peta {
namespace {

using nlohmann::json;

// Line 1 is the one of LineFindings (777.556 m in Besuk 35.13.04.2008, 2527.646 m in Pondok Wuluh 35.13.05.2004);
// line 2 lies in the sea (rejected: it crosses no desa); row 3 is a point; 4 a short line; 5 a MultiLineString.
const char* kHeader = "id,wkt,kategori,tanggal,keterangan\n";
const char* kRows[] = {
    "1,\"LINESTRING (113.1919 -7.8566, 113.2119 -7.8566, 113.2119 -7.8466)\",jalan_rusak,2026-02-01,aspal mengelupas\n",
    "2,\"LINESTRING (113.0 -7.0, 113.01 -7.0)\",jalan_rusak,2026-02-02,di laut\n",
    "3,POINT (113.1919 -7.8566),jalan_rusak,2026-02-03,lubang\n",
    "4,\"LINESTRING (113.2000 -7.8500, 113.2050 -7.8520)\",jalan_rusak,2026-02-04,retak\n",
    "5,\"MULTILINESTRING ((113.1950 -7.8500, 113.1980 -7.8510), (113.2119 -7.8500, 113.2119 -7.8480))\",jalan_rusak,"
    "2026-02-05,dua ruas\n"};

std::string project(const std::string& dir, const std::string& out, bool store) {
  return R"({"boundaries": {"desa": {"path": ")" + test::data("probolinggo/desa.geojson") +
         R"("}, "kecamatan": {"path": ")" + test::data("probolinggo/kecamatan.geojson") +
         R"("}}, "findings": [{"path": ")" + dir + R"(/ruas.csv", "publish": ["tanggal", "keterangan"]}],
    "privacy": {"profile": "internal"},)" + (store ? R"( "store": {"path": "temuan.gpkg"},)" : "") +
         R"( "output": {"folder": ")" + out + R"(", "formats": ["geojson", "geopackage"], "layers": ["desa", "kecamatan", "temuan", "ditolak", "ruas"]}})";
}

void write_source(const std::string& dir, const std::string& row4 = kRows[3]) {
  test::write_file(dir + "/ruas.csv", std::string(kHeader) + kRows[0] + kRows[1] + kRows[2] + row4 + kRows[4]);
}

// Features of a layer by "<baris>/<kode_desa>" (a piece), or properties by a key.
std::map<std::string, json> pieces(const std::string& path) {
  std::map<std::string, json> out;
  const json doc = json::parse(test::read_file(path));
  for (const auto& f : doc["features"])
    out[std::to_string(f["properties"]["baris"].get<long long>()) + "/" + f["properties"]["kode_desa"].get<std::string>()] = f;
  return out;
}

std::map<std::string, double> lengths(const std::string& path) {
  std::map<std::string, double> out;
  const json doc = json::parse(test::read_file(path));
  for (const auto& f : doc["features"]) out[f["properties"]["kode"].get<std::string>()] = f["properties"]["panjang_m"].get<double>();
  return out;
}

json import_json(const std::string& dir, const std::string& extra = "") {
  auto r = test::run_cli("import " + dir + "/store.json --tanggal 2026-03-01 --json" + extra, dir);
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  return json::parse(r.out)["imports"][0];
}

TEST(StoreRuas, ImportThenBuildEqualsTheOneShotBuildAndFollowsStatus) {
  const std::string dir = test::temp_dir("store-ruas-build");
  write_source(dir);
  test::write_file(dir + "/oneshot.json", project(dir, "out1", false));
  test::write_file(dir + "/store.json", project(dir, "out2", true));

  // Import: 5 rows read = 4 new (3 segments, 1 point) + 1 rejected (the line in the sea).
  json i = import_json(dir);
  EXPECT_EQ(i["rows_read"], 5);
  EXPECT_EQ(i["new"], 4);
  EXPECT_EQ(i["rejected"], 1);
  EXPECT_EQ(i["lines"], 3);
  EXPECT_TRUE(i["adds_up"].get<bool>());
  // The same file again adds nothing.
  i = import_json(dir);
  EXPECT_EQ(i["unchanged"], 4);
  EXPECT_EQ(i["new"], 0);
  EXPECT_EQ(i["updated"], 0);
  EXPECT_EQ(i["rejected"], 1);

  auto one = test::run_cli("build " + dir + "/oneshot.json --json", dir);
  ASSERT_EQ(one.code, 0) << one.out << one.err;
  auto two = test::run_cli("build " + dir + "/store.json --per-tanggal 2026-03-10 --json", dir);
  ASSERT_EQ(two.code, 0) << two.out << two.err;
  const json summary = json::parse(two.out);
  EXPECT_EQ(summary["total"]["rows_read"], 4);
  EXPECT_EQ(summary["total"]["lines"], 3);
  EXPECT_TRUE(summary["total"]["balanced"].get<bool>());

  // Every piece of the one-shot build, with its geometry and values, and nothing else.
  const auto a = pieces(dir + "/out1/ruas.geojson"), b = pieces(dir + "/out2/ruas.geojson");
  ASSERT_EQ(a.size(), 7u);  // each of the three segments crosses a desa border (row 5's parts: three desa)
  ASSERT_EQ(b.size(), a.size());
  for (const auto& [key, fa] : a) {
    ASSERT_TRUE(b.count(key)) << key;
    const json& fb = b.at(key);
    EXPECT_EQ(fa["geometry"], fb["geometry"]) << key;
    for (const char* field : {"kode_desa", "nama_desa", "kode_kec", "nama_kec", "kat_kode", "panjang_m", "baris",
                              "keterangan", "tanggal"})
      EXPECT_EQ(fa["properties"][field], fb["properties"][field]) << key << " " << field;
    EXPECT_EQ(fb["properties"]["id_temuan"], fa["properties"]["id"]) << key;
    EXPECT_EQ(fb["properties"]["status"], "baru");
    EXPECT_EQ(fb["properties"]["opd"], "Dinas PUPR");
    EXPECT_EQ(fb["properties"]["pertama_dilihat"], "2026-03-01");
    EXPECT_EQ(fb["properties"]["tenggat"], "2026-04-30");
    EXPECT_EQ(fb["properties"]["umur_hari"], 9);
    EXPECT_EQ(fb["properties"]["presisi"], "garis");
  }
  EXPECT_NEAR(a.at("2/35.13.04.2008")["properties"]["panjang_m"].get<double>(), 777.556, 0.01);
  // The damaged length per desa and kecamatan: the same within 1e-6 km (sums in another order).
  for (const char* layer : {"desa", "kecamatan"}) {
    const auto la = lengths(dir + "/out1/" + layer + ".geojson"), lb = lengths(dir + "/out2/" + layer + ".geojson");
    ASSERT_EQ(la.size(), lb.size());
    double total = 0;
    for (const auto& [code, m] : la) {
      EXPECT_NEAR(lb.at(code), m, 1e-3) << layer << " " << code;
      total += m;
    }
    EXPECT_GT(total, 3312.0) << layer;
  }

  // Status: the segment of row 4 set aside, the one of row 1 verified; `peta status` finds them by id.
  auto st = test::run_cli("status " + dir + "/store.json --jadi bukan_masalah --tanggal 2026-03-05 4", dir);
  ASSERT_EQ(st.code, 0) << st.out << st.err;
  st = test::run_cli("status " + dir + "/store.json --jadi diverifikasi --tanggal 2026-03-05 1", dir);
  ASSERT_EQ(st.code, 0) << st.out << st.err;
  st = test::run_cli("status " + dir + "/store.json", dir);
  EXPECT_NE(st.out.find("bukan_masalah    1"), std::string::npos) << st.out;
  EXPECT_NE(st.out.find("diverifikasi     1"), std::string::npos) << st.out;
  two = test::run_cli("build " + dir + "/store.json --per-tanggal 2026-03-10 --json", dir);
  ASSERT_EQ(two.code, 0) << two.out << two.err;
  const auto c = pieces(dir + "/out2/ruas.geojson");
  EXPECT_EQ(c.size(), 5u);  // row 4's two pieces gone
  for (const auto& [key, f] : c) {
    EXPECT_NE(key.rfind("5/", 0), 0u) << "row 4 (file row 5) was set aside";
    EXPECT_EQ(f["properties"]["status"], key.rfind("2/", 0) == 0 ? "diverifikasi" : "baru") << key;
  }
  std::map<std::string, double> expected;
  for (const auto& [key, f] : a)
    if (key.rfind("5/", 0) != 0) expected[f["properties"]["kode_desa"].get<std::string>()] += f["properties"]["panjang_m"].get<double>();
  for (const auto& [code, m] : lengths(dir + "/out2/desa.geojson")) {
    std::string dotted = code;
    EXPECT_NEAR(m, expected.count(dotted) ? expected.at(dotted) : 0.0, 1e-3) << code;
  }

  // A moved vertex of row 5's segment: an update (the old geometry in the history), nothing new.
  write_source(dir, "4,\"LINESTRING (113.2000 -7.8500, 113.2060 -7.8520)\",jalan_rusak,2026-02-04,retak\n");
  i = import_json(dir);
  EXPECT_EQ(i["updated"], 1);
  EXPECT_EQ(i["unchanged"], 3);
  EXPECT_EQ(i["new"], 0);

  // peta query --temuan lists the segments with their kind.
  auto q = test::run_cli("query " + dir + "/store.json --temuan --per-tanggal 2026-03-10 -f json", dir);
  ASSERT_EQ(q.code, 0) << q.out << q.err;
  const json list = json::parse(q.out);
  std::map<std::string, std::string> kind;
  for (const auto& row : list["rows"]) kind[row["id"].get<std::string>()] = row["jenis"].get<std::string>();
  EXPECT_EQ(kind.size(), 3u);  // 4 is set aside
  EXPECT_EQ(kind["1"], "ruas");
  EXPECT_EQ(kind["3"], "titik");
  EXPECT_EQ(kind["5"], "ruas");
  q = test::run_cli("query " + dir + "/store.json --temuan --jenis ruas --per-tanggal 2026-03-10 -f json", dir);
  ASSERT_EQ(q.code, 0) << q.out << q.err;
  EXPECT_EQ(json::parse(q.out)["rows"].size(), 2u);
}

}  // namespace
}  // namespace peta
