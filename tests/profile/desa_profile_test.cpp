// Desa profile tables (engine/profile) against the real Probolinggo boundaries: join counts per outcome by
// Kemendagri code, by BPS code through a crosswalk and by name; the numbers as Indonesian tables write them; the
// kecamatan roll-up recomputed here; the problem–potential matrix of a few desa worked out by hand.
#include "profile/desa_profile.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <memory>
#include <tuple>
#include <map>

#include "boundaries/boundary_loader.hpp"
#include "core/error.hpp"
#include "core/gdal_init.hpp"
#include "geocode/name_placer.hpp"
#include "profile/problem_potential.hpp"
#include "profile/profile_aggregation.hpp"
#include "profile/profile_number.hpp"
#include "profile/table_rows.hpp"
#include "sample/profile_sample.hpp"
#include "test_support.hpp"

namespace peta::profile {
namespace {

const Boundaries& probolinggo() {
  static const Boundaries b = [] {
    BoundarySettings s;
    s.desa.path = test::data("probolinggo/desa.geojson");
    s.kecamatan.emplace().path = test::data("probolinggo/kecamatan.geojson");
    return load_boundaries(s).boundaries;
  }();
  return b;
}

const NamePlacer& placer() {
  static const NamePlacer p(probolinggo(), {test::data("probolinggo/wilayah_3513.csv")});
  return p;
}

int desa_index(const std::string& code) { return probolinggo().find_desa(*AdminCode::parse(code)); }

ProfileSettings one_table(ProfileTableSettings t) {
  ProfileSettings s;
  s.tables.push_back(std::move(t));
  return s;
}

TEST(ProfileNumber, IndonesianAndDotDecimalColumns) {
  using C = NumberConvention;
  EXPECT_EQ(parse_number("1.298", C::indonesian), 1298.0);
  EXPECT_EQ(parse_number("12.345.678", C::indonesian), 12345678.0);
  EXPECT_DOUBLE_EQ(*parse_number("0,528", C::indonesian), 0.528);
  EXPECT_DOUBLE_EQ(*parse_number("12.345,6", C::indonesian), 12345.6);
  EXPECT_EQ(parse_number("-3", C::indonesian), -3.0);
  EXPECT_FALSE(parse_number("12.5", C::indonesian));  // a dot that groups no thousands
  EXPECT_FALSE(parse_number("1,2,3", C::indonesian));
  EXPECT_FALSE(parse_number("banyak", C::indonesian));
  EXPECT_FALSE(parse_number("1e5", C::indonesian));
  EXPECT_DOUBLE_EQ(*parse_number("0.61", C::dot_decimal), 0.61);
  EXPECT_EQ(detect_convention({"0.61", "0.72", "0.5"}), C::dot_decimal);
  EXPECT_EQ(detect_convention({"1.298", "12.040", "950"}), C::indonesian);
  EXPECT_EQ(detect_convention({"1.298", "0,5"}), C::indonesian);
  EXPECT_TRUE(is_missing_text("-"));
  EXPECT_TRUE(is_missing_text("N/A"));
  EXPECT_FALSE(is_missing_text("0"));
}

// Every outcome once, rows = joined + rejected, and the values as written (';' separated, thousands dots,
// decimal commas, codes with and without dots).
TEST(DesaProfile, JoinCountsPerOutcomeByKemendagriCode) {
  const std::string dir = test::temp_dir("profile-code");
  test::write_file(dir + "/idm.csv",
                   "kode_desa;penduduk;status_idm;skor_idm\n"
                   "35.13.01.2001;4.523;Berkembang;0,6512\n"  // row 2: joined
                   "3513012002;1200;Maju;0,7800\n"            // row 3: joined, code without dots
                   "35.13.01.2001;999;Mandiri;0,9000\n"       // row 4: desa_ganda (row 2 wins)
                   "35.13.99.2099;100;Maju;0,7\n"             // row 5: desa_code_unknown
                   ";100;Maju;0,7\n"                          // row 6: kunci_kosong
                   "35.13.01.2003;banyak;Maju;0,7\n"          // row 7: nilai_tidak_valid
                   "35.13.01.2008;;Tertinggal;0,5500\n");     // row 8: joined, no population
  ProfileTableSettings t;
  t.path = dir + "/idm.csv";
  t.key_column = "kode_desa";
  t.fields = {"penduduk", "status_idm", "skor_idm"};
  t.types["penduduk"] = DeclaredType::number;
  const DesaProfile p = load_desa_profile(one_table(t), probolinggo(), placer());

  ASSERT_EQ(p.tables.size(), 1u);
  const TableAccount& a = p.tables[0];
  EXPECT_EQ(a.rows, 7);
  EXPECT_EQ(a.joined, 3);
  EXPECT_EQ(a.rejected, 4);
  EXPECT_TRUE(a.balanced());
  const std::map<std::string, std::int64_t> reasons = {{"desa_ganda", 1}, {"desa_code_unknown", 1}, {"kunci_kosong", 1},
                                                       {"nilai_tidak_valid", 1}};
  EXPECT_EQ(a.rejected_by_reason, reasons);
  EXPECT_EQ(a.missing.size(), probolinggo().desa.size() - 3);

  ASSERT_EQ(p.rejected.size(), 4u);
  EXPECT_EQ(p.rejected[0].row, 4);
  EXPECT_EQ(code(p.rejected[0].reason), "desa_ganda");
  EXPECT_NE(p.rejected[0].detail.find("baris 2"), std::string::npos) << p.rejected[0].detail;
  EXPECT_EQ(p.rejected[3].row, 7);
  EXPECT_EQ(code(p.rejected[3].reason), "nilai_tidak_valid");
  EXPECT_EQ(p.rejected[3].field, "penduduk");
  EXPECT_EQ(p.rejected[3].value, "banyak");

  const ProfileField* penduduk = p.field("penduduk");
  const ProfileField* status = p.field("status_idm");
  const ProfileField* skor = p.field("skor_idm");
  ASSERT_TRUE(penduduk && status && skor);
  EXPECT_EQ(penduduk->kind, FieldKind::integer);
  EXPECT_EQ(status->kind, FieldKind::text);
  EXPECT_EQ(skor->kind, FieldKind::real);
  const int ngadisari = desa_index("35.13.01.2001"), wonotoro = desa_index("35.13.01.2002"),
            sapikerep = desa_index("35.13.01.2008");
  EXPECT_EQ(penduduk->numbers[std::size_t(ngadisari)], 4523.0);  // not 999: the first row wins
  EXPECT_EQ(penduduk->numbers[std::size_t(wonotoro)], 1200.0);
  EXPECT_FALSE(penduduk->numbers[std::size_t(sapikerep)]);
  EXPECT_DOUBLE_EQ(*skor->numbers[std::size_t(ngadisari)], 0.6512);
  EXPECT_EQ(*status->texts[std::size_t(sapikerep)], "Tertinggal");

  const auto vector = numeric_profile_field(p, "skor_idm");
  ASSERT_EQ(vector.size(), probolinggo().desa.size());
  EXPECT_DOUBLE_EQ(*vector[std::size_t(wonotoro)], 0.78);
  EXPECT_THROW(numeric_profile_field(p, "status_idm"), Error);
  EXPECT_THROW(numeric_profile_field(p, "tidak_ada"), Error);
}

// An XLSX workbook through GDAL's XLSX driver, the sheet chosen by name; numbers typed as numbers in the cells.
TEST(DesaProfile, XlsxSheetByName) {
  const std::string dir = test::temp_dir("profile-xlsx");
  {
    ensure_gdal_registered();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("XLSX");
    ASSERT_NE(driver, nullptr);
    std::unique_ptr<GDALDataset> ds(driver->Create((dir + "/podes.xlsx").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* notes = ds->CreateLayer("catatan", nullptr, wkbNone, nullptr);
    OGRFieldDefn note("catatan", OFTString);
    ASSERT_EQ(notes->CreateField(&note), OGRERR_NONE);
    OGRFeature n(notes->GetLayerDefn());
    n.SetField(0, "bukan tabel desa");
    ASSERT_EQ(notes->CreateFeature(&n), OGRERR_NONE);
    OGRLayer* layer = ds->CreateLayer("desa", nullptr, wkbNone, nullptr);
    for (auto [name, type] : {std::pair{"kode", OFTString}, {"penduduk", OFTInteger}, {"skor", OFTReal}}) {
      OGRFieldDefn fd(name, type);
      ASSERT_EQ(layer->CreateField(&fd), OGRERR_NONE);
    }
    const std::tuple<const char*, int, double> rows[] = {
        {"35.13.01.2001", 4523, 0.65}, {"3513012002", 1200, 0.78}, {"35.13.99.2099", 10, 0.5}};
    for (const auto& [kode, people, score] : rows) {
      OGRFeature f(layer->GetLayerDefn());
      f.SetField(0, kode);
      f.SetField(1, people);
      f.SetField(2, score);
      ASSERT_EQ(layer->CreateFeature(&f), OGRERR_NONE);
    }
  }
  ProfileTableSettings t;
  t.path = dir + "/podes.xlsx";
  t.sheet = "desa";
  t.key_column = "kode";
  t.fields = {"penduduk", "skor"};
  const DesaProfile p = load_desa_profile(one_table(t), probolinggo(), placer());
  const TableAccount& a = p.tables[0];
  EXPECT_EQ(a.rows, 3);
  EXPECT_EQ(a.joined, 2);
  EXPECT_EQ(a.rejected_by_reason.at("desa_code_unknown"), 1);
  ASSERT_EQ(p.rejected.size(), 1u);
  EXPECT_EQ(p.rejected[0].row, 4);  // the sheet's row
  EXPECT_EQ(p.field("penduduk")->kind, FieldKind::integer);
  EXPECT_EQ(p.field("skor")->kind, FieldKind::real);
  EXPECT_EQ(p.field("penduduk")->numbers[std::size_t(desa_index("35.13.01.2001"))], 4523.0);
  EXPECT_DOUBLE_EQ(*p.field("skor")->numbers[std::size_t(desa_index("35.13.01.2002"))], 0.78);
  t.sheet = "tidak_ada";
  EXPECT_THROW(load_desa_profile(one_table(t), probolinggo(), placer()), Error);
}

TEST(DesaProfile, UndeclaredColumnWithTextIsCategorical) {
  const std::string dir = test::temp_dir("profile-infer");
  test::write_file(dir + "/t.csv", "kode,jumlah_sd,catatan\n35.13.01.2001,3,2\n35.13.01.2002,4,lihat\n");
  ProfileTableSettings t;
  t.path = dir + "/t.csv";
  t.key_column = "kode";
  t.fields = {"jumlah_sd", "catatan"};
  const DesaProfile p = load_desa_profile(one_table(t), probolinggo(), placer());
  EXPECT_EQ(p.field("jumlah_sd")->kind, FieldKind::integer);
  EXPECT_EQ(p.field("catatan")->kind, FieldKind::text);
  EXPECT_EQ(p.tables[0].joined, 2);
}

TEST(DesaProfile, BpsCodesThroughTheCrosswalk) {
  const std::string dir = test::temp_dir("profile-bps");
  test::write_file(dir + "/padanan.csv",
                   "kode_bps,kode_kemendagri\n3513010001,35.13.01.2001\n3513010002,3513012002\n3513140012,35.13.14.2012\n");
  test::write_file(dir + "/podes.csv",
                   "id_bps,jumlah_pasar\n3513010001,2\n3513010002,0\n3513010999,5\n3513140012,1\n");
  ProfileTableSettings t;
  t.path = dir + "/podes.csv";
  t.key = KeyKind::bps;
  t.key_column = "id_bps";
  t.crosswalk = {dir + "/padanan.csv", "kode_bps", "kode_kemendagri"};
  t.fields = {"jumlah_pasar"};
  const DesaProfile p = load_desa_profile(one_table(t), probolinggo(), placer());
  const TableAccount& a = p.tables[0];
  EXPECT_EQ(a.rows, 4);
  EXPECT_EQ(a.joined, 3);
  EXPECT_EQ(a.rejected_by_reason.at("kode_bps_tidak_dikenal"), 1);
  EXPECT_TRUE(a.balanced());
  const ProfileField* f = p.field("jumlah_pasar");
  EXPECT_EQ(f->numbers[std::size_t(desa_index("35.13.01.2001"))], 2.0);
  EXPECT_EQ(f->numbers[std::size_t(desa_index("35.13.01.2002"))], 0.0);
  EXPECT_EQ(f->numbers[std::size_t(desa_index("35.13.14.2012"))], 1.0);  // Tamansari of Kraksaan
  EXPECT_FALSE(f->numbers[std::size_t(desa_index("35.13.19.2007"))]);    // not Tamansari of Dringu

  // A crosswalk that maps one BPS code to two desa is an error naming both rows.
  test::write_file(dir + "/padanan2.csv", "kode_bps,kode_kemendagri\n3513010001,35.13.01.2001\n3513010001,35.13.01.2002\n");
  t.crosswalk.path = dir + "/padanan2.csv";
  EXPECT_THROW(load_desa_profile(one_table(t), probolinggo(), placer()), Error);
}

// Names through the gazetteer: Wonorejo is the name of two desa (Maron and Wonomerto), so without a kecamatan it
// is ambiguous; with one it joins.
TEST(DesaProfile, NamesThroughTheGazetteer) {
  const std::string dir = test::temp_dir("profile-name");
  test::write_file(dir + "/bumdes.csv",
                   "desa,kecamatan,bumdes\n"
                   "Wonorejo,,aktif\n"                 // row 2: desa_ambiguous
                   "Wonorejo,Maron,aktif\n"            // row 3: joined 35.13.17.2013
                   "Desa Tamansari,Dringu,tidak aktif\n"  // row 4: joined 35.13.19.2007
                   "Ngadisari,Kraksaan,aktif\n"        // row 5: desa_not_in_kecamatan (Ngadisari is in Sukapura)
                   "Kampung Fiktif Sekali,,aktif\n"    // row 6: desa_not_found
                   "WONOREJO,Kec. Maron,belum ada\n"); // row 7: desa_ganda (row 3 wins)
  ProfileTableSettings t;
  t.path = dir + "/bumdes.csv";
  t.key = KeyKind::name;
  t.key_column = "desa";
  t.kecamatan_column = "kecamatan";
  t.fields = {"bumdes"};
  const DesaProfile p = load_desa_profile(one_table(t), probolinggo(), placer());
  const TableAccount& a = p.tables[0];
  EXPECT_EQ(a.rows, 6);
  EXPECT_EQ(a.joined, 2);
  const std::map<std::string, std::int64_t> reasons = {
      {"desa_ambiguous", 1}, {"desa_not_in_kecamatan", 1}, {"desa_not_found", 1}, {"desa_ganda", 1}};
  EXPECT_EQ(a.rejected_by_reason, reasons);
  const ProfileField* f = p.field("bumdes");
  EXPECT_EQ(*f->texts[std::size_t(desa_index("35.13.17.2013"))], "aktif");
  EXPECT_EQ(*f->texts[std::size_t(desa_index("35.13.19.2007"))], "tidak aktif");
  EXPECT_FALSE(f->texts[std::size_t(desa_index("35.13.22.2004"))]);  // the other Wonorejo
  EXPECT_EQ(code(p.rejected[0].reason), "desa_ambiguous");
  EXPECT_NE(p.rejected[0].detail.find("35.13.22.2004"), std::string::npos) << p.rejected[0].detail;  // candidates named
}

// The roll-up to kecamatan, recomputed here from the desa values of the synthetic table.
TEST(DesaProfile, KecamatanAggregationRecomputed) {
  const Boundaries& b = probolinggo();
  const std::string dir = test::temp_dir("profile-agg");
  test::write_file(dir + "/profil.csv", profile_sample_csv(b, 7));
  ProfileTableSettings t;
  t.path = dir + "/profil.csv";
  t.key_column = "kode_desa";
  t.fields = {"penduduk", "status_idm", "skor_idm", "jumlah_sd"};
  t.types["penduduk"] = DeclaredType::number;
  ProfileSettings s = one_table(t);
  s.aggregation["skor_idm"] = parse_aggregation("rata_rata_tertimbang:penduduk", "agregasi.skor_idm");
  const DesaProfile p = load_desa_profile(s, b, placer());
  const auto kec = aggregate_to_kecamatan(p, s, b, true);
  ASSERT_EQ(kec.size(), 4u);
  EXPECT_EQ(kec[0].rule.kind, Aggregation::Kind::sum);            // penduduk: integer -> sum
  EXPECT_EQ(kec[1].rule.kind, Aggregation::Kind::mode);           // status_idm: text -> mode
  EXPECT_EQ(kec[2].rule.kind, Aggregation::Kind::weighted_mean);  // as the project says
  EXPECT_EQ(kec[3].rule.kind, Aggregation::Kind::sum);
  const auto& pop = p.field("penduduk")->numbers;
  const auto& score = p.field("skor_idm")->numbers;
  const auto& status = p.field("status_idm")->texts;
  for (std::size_t k = 0; k < b.kecamatan.size(); ++k) {
    double sum = 0, weighted = 0, weights = 0;
    std::map<std::string, int> counts;
    for (std::size_t d = 0; d < b.desa.size(); ++d) {
      if (b.desa_kecamatan[d] != int(k)) continue;
      if (pop[d]) sum += *pop[d];
      if (pop[d] && score[d]) weighted += *pop[d] * *score[d], weights += *pop[d];
      if (status[d]) ++counts[*status[d]];
    }
    std::string mode;
    int best = 0;
    for (const auto& [v, n] : counts)
      if (n > best) best = n, mode = v;
    ASSERT_TRUE(kec[0].numbers[k]);
    EXPECT_EQ(*kec[0].numbers[k], sum) << b.kecamatan[k].name;
    EXPECT_NEAR(*kec[2].numbers[k], weighted / weights, 1e-12) << b.kecamatan[k].name;
    EXPECT_EQ(*kec[1].texts[k], mode) << b.kecamatan[k].name;
  }
  // A rule that does not fit the field is an error naming it.
  s.aggregation["status_idm"] = parse_aggregation("jumlah", "agregasi.status_idm");
  EXPECT_THROW(aggregate_to_kecamatan(p, s, b, true), Error);
  EXPECT_THROW(parse_aggregation("rata", "agregasi.x"), Error);
}

// The synthetic example table: every row accounted, its bad rows rejected for the reasons it plants.
TEST(DesaProfile, SyntheticExampleTableAccountsForEveryRow) {
  const Boundaries& b = probolinggo();
  const std::string dir = test::temp_dir("profile-sample");
  test::write_file(dir + "/profil.csv", profile_sample_csv(b, 2026));
  test::write_file(dir + "/bumdes.csv", bumdes_sample_csv(b, 2026));
  ProfileTableSettings t;
  t.path = dir + "/profil.csv";
  t.key_column = "kode_desa";
  t.fields = {"penduduk", "status_idm", "skor_idm", "jumlah_sd", "jumlah_posyandu"};
  t.types["penduduk"] = DeclaredType::number;
  ProfileTableSettings n;
  n.path = dir + "/bumdes.csv";
  n.key = KeyKind::name;
  n.key_column = "desa";
  n.kecamatan_column = "kecamatan";
  n.fields = {"bumdes", "unit_usaha"};
  ProfileSettings s;
  s.tables = {t, n};
  const DesaProfile p = load_desa_profile(s, b, placer());
  const TableAccount& a = p.tables[0];
  const std::int64_t left_out = std::int64_t(a.missing.size());
  EXPECT_GT(left_out, 0);
  EXPECT_EQ(a.rows, std::int64_t(b.desa.size()) - left_out + 4);
  EXPECT_EQ(a.joined, std::int64_t(b.desa.size()) - left_out);
  const std::map<std::string, std::int64_t> reasons = {
      {"desa_ganda", 1}, {"desa_code_unknown", 1}, {"kunci_kosong", 1}, {"nilai_tidak_valid", 1}};
  EXPECT_EQ(a.rejected_by_reason, reasons);
  const TableAccount& bum = p.tables[1];
  EXPECT_TRUE(bum.balanced());
  EXPECT_EQ(bum.joined, std::int64_t((b.desa.size() + 1) / 2));
  EXPECT_EQ(bum.rejected_by_reason.at("desa_not_found"), 1);
  EXPECT_EQ(bum.rejected_by_reason.at("desa_ambiguous"), 1);
  EXPECT_EQ(p.field("skor_idm")->kind, FieldKind::real);
  EXPECT_EQ(p.field("unit_usaha")->kind, FieldKind::integer);
}

// Four desa worked out by hand, plus one without a population.
TEST(ProblemPotential, QuadrantsSplitAtTheMedians) {
  const std::vector<double> problems = {10, 0, 5, 2, 7};
  const std::vector<std::optional<double>> population = {1000.0, 1000.0, 2000.0, 1000.0, std::nullopt};
  const std::vector<std::optional<double>> potential = {0.5, 0.9, 0.8, 0.4, 0.7};
  const MatrixResult m = problem_potential_matrix(problems, population, {}, potential);
  // rates per 1,000: 10, 0, 2.5, 2 -> median 2.25; potentials 0.5, 0.9, 0.8, 0.4 -> median 0.65.
  EXPECT_DOUBLE_EQ(m.problem_rate[2], 2.5);
  EXPECT_TRUE(std::isnan(m.problem_rate[4]));
  EXPECT_DOUBLE_EQ(m.problem_median, 2.25);
  EXPECT_DOUBLE_EQ(m.potential_median, 0.65);
  EXPECT_EQ(m.quadrant[0], Quadrant::high_low);
  EXPECT_EQ(m.quadrant[1], Quadrant::low_high);
  EXPECT_EQ(m.quadrant[2], Quadrant::high_high);
  EXPECT_EQ(m.quadrant[3], Quadrant::low_low);
  EXPECT_EQ(m.quadrant[4], Quadrant::no_data);
  for (int q = 0; q < kQuadrantCount; ++q) EXPECT_EQ(m.counts[std::size_t(q)], 1);
  EXPECT_STREQ(quadrant_label(m.quadrant[0]), "masalah tinggi, potensi rendah");

  // Per km² without a population; a desa at the median is low.
  const MatrixResult k = problem_potential_matrix({4, 1, 9}, {}, {2, 1, 3}, {0.3, 0.6, 0.9});
  // rates 2, 1, 3 -> median 2 (desa 0 is at it: low); potentials median 0.6 (desa 1 at it: low).
  EXPECT_EQ(k.quadrant[0], Quadrant::low_low);
  EXPECT_EQ(k.quadrant[1], Quadrant::low_low);
  EXPECT_EQ(k.quadrant[2], Quadrant::high_high);
  EXPECT_EQ(k.rate_unit, "per km²");
}

TEST(ProfileSettingsFile, BadSettingsNameTheKey) {
  auto resolve = [](const std::string& p) { return p; };
  const nlohmann::json none;
  auto table = nlohmann::json::parse(R"([{"path": "a.csv", "kode": "k", "fields": ["x"]}])");
  EXPECT_NO_THROW(read_profile_settings(table, none, none, resolve));
  auto two_keys = nlohmann::json::parse(R"([{"path": "a.csv", "kode": "k", "desa": "d", "fields": ["x"]}])");
  EXPECT_THROW(read_profile_settings(two_keys, none, none, resolve), Error);
  auto bps = nlohmann::json::parse(R"([{"path": "a.csv", "kode_bps": "k", "fields": ["x"]}])");
  EXPECT_THROW(read_profile_settings(bps, none, none, resolve), Error);  // no crosswalk
  EXPECT_THROW(read_profile_settings(table, nlohmann::json::parse(R"({"y": "jumlah"})"), none, resolve), Error);
  EXPECT_THROW(read_profile_settings(table, none, nlohmann::json::parse(R"({"potensi": "z"})"), resolve), Error);
  try {
    read_profile_settings(table, nlohmann::json::parse(R"({"x": "rata_rata_tertimbang:w"})"), none, resolve);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("agregasi.x"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace peta::profile
