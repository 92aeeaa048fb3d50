// The visit schedule (Ngantor di Kecamatan) on the real Probolinggo kecamatan: the synthetic schedule the
// example ships, bad rows rejected with row, field and reason, XLSX input, and findings linked to visits.
#include "program/visit_table.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <set>
#include <tuple>

#include "boundaries/boundary_loader.hpp"
#include "core/error.hpp"
#include "core/gdal_init.hpp"
#include "program/visit_follow_up.hpp"
#include "sample/visit_schedule.hpp"
#include "test_support.hpp"

namespace peta {
namespace {

const Boundaries& probolinggo() {
  static const Boundaries b = [] {
    BoundarySettings s;
    s.desa.path = test::data("probolinggo/desa.geojson");
    s.kecamatan = BoundarySource{test::data("probolinggo/kecamatan.geojson")};
    return load_boundaries(s).boundaries;
  }();
  return b;
}

int kecamatan_named(const std::string& name) {
  const auto& b = probolinggo();
  for (std::size_t k = 0; k < b.kecamatan.size(); ++k)
    if (b.kecamatan[k].name == name) return int(k);
  return -1;
}

TEST(VisitSchedule, SyntheticExampleCoversEveryKecamatanOverTwelveMonths) {
  const auto& b = probolinggo();
  ASSERT_EQ(b.kecamatan.size(), 24u);
  const std::string csv = visit_schedule_csv(b, 2026);
  const auto dir = test::temp_dir("visits-schedule");
  test::write_file(dir + "/kunjungan.csv", csv);
  const VisitTable t = read_visits(dir + "/kunjungan.csv", b);
  EXPECT_EQ(t.rows, 24);
  EXPECT_EQ(t.visits.size(), 24u);
  EXPECT_TRUE(t.rejected.empty());
  std::set<int> months, kecamatan;
  for (const auto& v : t.visits) {
    months.insert(v.start.month());
    kecamatan.insert(v.kecamatan);
    EXPECT_EQ(v.start.iso_weekday(), 2);  // Tuesday to Thursday
    EXPECT_EQ(v.end.days() - v.start.days(), 2);
    EXPECT_EQ(v.start.year(), 2026);
  }
  EXPECT_EQ(months.size(), 12u);
  EXPECT_EQ(kecamatan.size(), 24u);
  // The example ships exactly this file.
  EXPECT_EQ(test::read_file(std::string(PETA_SOURCE_DIR) + "/examples/probolinggo/kunjungan.csv"), csv);
}

TEST(VisitSchedule, BadRowsRejectedWithRowFieldAndReason) {
  const auto dir = test::temp_dir("visits-bad");
  test::write_file(dir + "/kunjungan.csv",
                   "Kecamatan,Mulai,Selesai,Tim\n"
                   "Sukapura,2026-01-13,2026-01-15,Tim 1\n"        // row 2: ok
                   "Kec. Lumbang,13/01/2026,15 Jan 2026,Tim 2\n"    // row 3: ok (prefix, other date forms)
                   "35.13.03,2026-02-03,2026-02-05,\n"              // row 4: ok, by code, no team
                   ",2026-02-03,2026-02-05,Tim 1\n"                 // row 5: no kecamatan
                   "Atlantis,2026-02-03,2026-02-05,Tim 1\n"         // row 6: unknown
                   "Sukapura,2026-02-30,2026-03-02,Tim 1\n"         // row 7: impossible date
                   "Sukapura,2026-03-05,,Tim 1\n"                   // row 8: empty end
                   "Sukapura,2026-03-05,2026-03-01,Tim 1\n"         // row 9: ends before it starts
                   "SUKAPURA,2026-01-15,2026-01-16,Tim 3\n");       // row 10: overlaps row 2
  const VisitTable t = read_visits(dir + "/kunjungan.csv", probolinggo());
  EXPECT_EQ(t.rows, 9);
  EXPECT_EQ(t.visits.size() + t.rejected.size(), 9u);
  ASSERT_EQ(t.visits.size(), 3u);
  EXPECT_EQ(t.visits[1].kecamatan, kecamatan_named("Lumbang"));
  EXPECT_EQ(t.visits[1].end.iso(), "2026-01-15");
  EXPECT_EQ(probolinggo().kecamatan[std::size_t(t.visits[2].kecamatan)].code.dotted(), "35.13.03");
  ASSERT_EQ(t.rejected.size(), 6u);
  const std::vector<std::tuple<std::int64_t, std::string, std::string>> expected = {
      {5, "Kecamatan", "kecamatan_kosong"},        {6, "Kecamatan", "kecamatan_tidak_dikenal"},
      {7, "Mulai", "tanggal_tidak_valid"},          {8, "Selesai", "tanggal_kosong"},
      {9, "Selesai", "selesai_sebelum_mulai"},      {10, "Mulai", "kunjungan_tumpang_tindih"}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(t.rejected[i].row, std::get<0>(expected[i]));
    EXPECT_EQ(t.rejected[i].field, std::get<1>(expected[i]));
    EXPECT_EQ(code(t.rejected[i].reason), std::get<2>(expected[i]));
  }
  EXPECT_EQ(t.rejected[2].value, "2026-02-30");

  test::write_file(dir + "/tanpa.csv", "kecamatan,tim\nSukapura,Tim 1\n");
  try {
    read_visits(dir + "/tanpa.csv", probolinggo());
    FAIL() << "a missing column must be an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("tanpa.csv: no start-date column"), std::string::npos) << e.what();
  }
}

TEST(VisitSchedule, XlsxWithDateCells) {
  const auto dir = test::temp_dir("visits-xlsx");
  ensure_gdal_registered();
  {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("XLSX");
    std::unique_ptr<GDALDataset> ds(driver->Create((dir + "/kunjungan.xlsx").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* layer = ds->CreateLayer("jadwal", nullptr, wkbNone, nullptr);
    for (auto [name, type] : {std::pair{"kecamatan", OFTString}, {"mulai", OFTDate}, {"selesai", OFTDate}, {"tim", OFTString}}) {
      OGRFieldDefn fd(name, type);
      layer->CreateField(&fd);
    }
    OGRFeature f(layer->GetLayerDefn());
    f.SetField(0, "Tongas");
    f.SetField(1, 2026, 4, 7);
    f.SetField(2, 2026, 4, 9);
    f.SetField(3, "Tim 2");
    ASSERT_EQ(layer->CreateFeature(&f), OGRERR_NONE);
  }
  const VisitTable t = read_visits(dir + "/kunjungan.xlsx", probolinggo());
  ASSERT_EQ(t.visits.size(), 1u);
  EXPECT_EQ(t.visits[0].kecamatan, kecamatan_named("Tongas"));
  EXPECT_EQ(t.visits[0].start.iso(), "2026-04-07");
  EXPECT_EQ(t.visits[0].end.iso(), "2026-04-09");
  EXPECT_EQ(t.visits[0].team, "Tim 2");
  EXPECT_EQ(t.visits[0].row, 2);
}

TEST(VisitFollowUpTest, FindingsLinkedByKecamatanAndDate) {
  const auto& b = probolinggo();
  const auto dir = test::temp_dir("visits-link");
  test::write_file(dir + "/k.csv", "kecamatan,mulai,selesai,tim\nSukapura,2026-01-13,2026-01-15,Tim 1\nLumbang,2026-02-03,2026-02-05,Tim 2\n");
  const VisitTable t = read_visits(dir + "/k.csv", b);
  ASSERT_EQ(t.visits.size(), 2u);
  std::vector<int> sukapura_desa;
  for (std::size_t d = 0; d < b.desa.size(); ++d)
    if (b.desa_kecamatan[d] == kecamatan_named("Sukapura")) sukapura_desa.push_back(int(d));
  ASSERT_GE(sukapura_desa.size(), 2u);
  VisitFollowUp f(t, b, 3);
  EXPECT_EQ(f.add(sukapura_desa[0], 0, *Date::from_ymd(2026, 1, 13)), 0);
  EXPECT_EQ(f.add(sukapura_desa[0], 1, *Date::from_ymd(2026, 1, 15)), 0);
  EXPECT_EQ(f.add(sukapura_desa[1], 1, *Date::from_ymd(2026, 1, 14)), 0);
  EXPECT_EQ(f.add(sukapura_desa[1], 1, *Date::from_ymd(2026, 1, 16)), -1);  // the day after
  EXPECT_EQ(f.add(sukapura_desa[1], 1, *Date::from_ymd(2026, 2, 4)), -1);   // Lumbang's visit, not Sukapura's
  EXPECT_EQ(f.add(-1, 1, *Date::from_ymd(2026, 1, 14)), -1);
  EXPECT_EQ(f.linked(), 3);
  EXPECT_EQ(f.unlinked(), 3);
  EXPECT_EQ(f.findings(0), 3);
  EXPECT_EQ(f.findings(0, 1), 2);
  EXPECT_EQ(f.desa_with_findings(0), 2u);
  const auto rows = f.table_features();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(std::get<std::string>(rows[0].values[1]), "Sukapura");
  EXPECT_EQ(std::get<std::int64_t>(rows[0].values[5]), 3);
  EXPECT_EQ(std::get<std::int64_t>(rows[1].values[5]), 0);
  EXPECT_EQ(std::get<std::string>(f.kecamatan_value(std::size_t(kecamatan_named("Lumbang")))), "2026-02-03");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(f.kecamatan_value(std::size_t(kecamatan_named("Tongas")))));
}

// With the store: the outcome of each linked finding; the table ranks the visits by the share handled and
// gives the median days to handle. A category not counted in detail has no column at all.
TEST(VisitFollowUpTest, OutcomesRankTheFollowUpAndSensitiveCategoriesHaveNoColumn) {
  const auto& b = probolinggo();
  const auto dir = test::temp_dir("visits-outcome");
  test::write_file(dir + "/k.csv", "kecamatan,mulai,selesai,tim\nSukapura,2026-01-13,2026-01-15,Tim 1\nLumbang,2026-02-03,2026-02-05,Tim 2\n");
  const VisitTable t = read_visits(dir + "/k.csv", b);
  int sukapura = -1, lumbang = -1;
  for (std::size_t d = 0; d < b.desa.size(); ++d) {
    if (sukapura < 0 && b.desa_kecamatan[d] == kecamatan_named("Sukapura")) sukapura = int(d);
    if (lumbang < 0 && b.desa_kecamatan[d] == kecamatan_named("Lumbang")) lumbang = int(d);
  }
  const CategoryTaxonomy categories = CategoryTaxonomy::defaults();
  const std::size_t n = categories.size();
  std::vector<char> detailed(n, 1);
  detailed[1] = 0;  // category 1 (as stunting in the public profile) not counted in detail
  VisitFollowUp f(t, b, n, detailed);
  // Sukapura: 3 findings, 1 handled after 10 days. Lumbang: 2 findings, both handled, after 4 and 9 days.
  f.add_outcome(f.add(sukapura, 0, *Date::from_ymd(2026, 1, 13)), true, 10);
  f.add_outcome(f.add(sukapura, 0, *Date::from_ymd(2026, 1, 14)), false, -1);
  f.add_outcome(f.add(sukapura, 2, *Date::from_ymd(2026, 1, 14)), false, -1);
  f.add_outcome(f.add(lumbang, 0, *Date::from_ymd(2026, 2, 3)), true, 4);
  f.add_outcome(f.add(lumbang, 2, *Date::from_ymd(2026, 2, 4)), true, 9);
  f.add_outcome(f.add(lumbang, 2, *Date::from_ymd(2026, 3, 4)), true, 1);  // no visit that day: not counted

  const LayerSchema schema = f.table_schema(categories);
  std::vector<std::string> names;
  for (const auto& field : schema.fields) names.push_back(field.name);
  std::vector<std::string> expected = {"kode_kec", "nama_kec", "mulai", "selesai", "tim", "temuan", "desa_temuan"};
  for (std::size_t c = 0; c < n; ++c)
    if (c != 1) expected.push_back("n_" + categories.categories()[c].code);
  const std::size_t handled = expected.size();
  expected.insert(expected.end(), {"ditangani", "persen_ditangani", "median_hari_tangani"});
  EXPECT_EQ(names, expected);
  const auto rows = f.table_features();
  ASSERT_EQ(rows.size(), 2u);
  ASSERT_EQ(rows[0].values.size(), expected.size());
  // Lumbang first: 100 % handled, median of 4 and 9 days = 6.5.
  EXPECT_EQ(std::get<std::string>(rows[0].values[1]), "Lumbang");
  EXPECT_EQ(std::get<std::int64_t>(rows[0].values[handled]), 2);
  EXPECT_DOUBLE_EQ(std::get<double>(rows[0].values[handled + 1]), 100.0);
  EXPECT_DOUBLE_EQ(std::get<double>(rows[0].values[handled + 2]), 6.5);
  EXPECT_EQ(std::get<std::string>(rows[1].values[1]), "Sukapura");
  EXPECT_EQ(std::get<std::int64_t>(rows[1].values[5]), 3);
  EXPECT_EQ(std::get<std::int64_t>(rows[1].values[7]), 2);  // n_<category 0>
  EXPECT_EQ(std::get<std::int64_t>(rows[1].values[8]), 1);  // n_<category 2>
  EXPECT_NEAR(std::get<double>(rows[1].values[handled + 1]), 100.0 / 3.0, 1e-12);
  EXPECT_DOUBLE_EQ(std::get<double>(rows[1].values[handled + 2]), 10.0);
}

}  // namespace
}  // namespace peta
