// Desa by code and by name as staff write it, against the official list of 35.13 (shared/data).
#include "geocode/gazetteer.hpp"

#include <gtest/gtest.h>

#include <set>

#include "core/error.hpp"
#include "geocode/name_normalizer.hpp"
#include "geocode/string_similarity.hpp"
#include "geocode/wilayah_csv.hpp"

using peta::Gazetteer;
using peta::GazetteerMatch;
using Status = peta::GazetteerMatch::Status;

namespace {

const std::string kCodeList = std::string(PETA_SHARED_DATA) + "/probolinggo/wilayah_3513.csv";

const Gazetteer& gazetteer() {
  static const Gazetteer g = Gazetteer::from_wilayah_csv(kCodeList);
  return g;
}

::testing::AssertionResult Matches(const GazetteerMatch& m, const std::string& code, double min_confidence = 0.999) {
  if (m.status != Status::matched)
    return ::testing::AssertionFailure() << peta::status_name(m.status) << ": " << m.detail;
  if (m.desa_code != code) return ::testing::AssertionFailure() << "matched " << m.desa_code << ": " << m.detail;
  if (m.confidence < min_confidence) return ::testing::AssertionFailure() << "confidence " << m.confidence << ": " << m.detail;
  return ::testing::AssertionSuccess();
}

std::set<std::string> candidate_codes(const GazetteerMatch& m) {
  std::set<std::string> codes;
  for (const auto& c : m.candidates) codes.insert(c.desa_code);
  return codes;
}

}  // namespace

TEST(NameNormalizer, KeysIgnoreCaseSpacingPunctuationAndOldSpellings) {
  EXPECT_EQ(peta::name_key("Blado Wetan"), "bladowetan");
  EXPECT_EQ(peta::name_key("BLADO-WETAN"), "bladowetan");
  EXPECT_EQ(peta::name_key("Remba'an"), peta::name_key("Rembaan"));
  EXPECT_EQ(peta::name_key("Remba\xE2\x80\x99" "an"), peta::name_key("Rembaan"));  // curly apostrophe
  EXPECT_EQ(peta::name_key("Soemberanom"), peta::name_key("Sumberanom"));       // oe -> u
  EXPECT_EQ(peta::name_key("Djatisari"), peta::name_key("Jatisari"));           // dj -> j
  EXPECT_EQ(peta::name_key("Tjepoko"), peta::name_key("Cepoko"));               // tj -> c
  EXPECT_EQ(peta::name_key("Sidomuljo"), peta::name_key("Sidomulyo"));          // j -> y
  EXPECT_EQ(peta::name_key("Njamplung"), peta::name_key("Nyamplung"));          // nj -> ny
  EXPECT_EQ(peta::name_key("Sjahbandar"), peta::name_key("Syahbandar"));        // sj -> sy
  EXPECT_EQ(peta::name_key("Chairul"), peta::name_key("Khairul"));              // ch -> kh
  EXPECT_EQ(peta::name_key("Tandjungsari"), peta::name_key("Tanjungsari"));
  EXPECT_EQ(peta::name_key("Kedungtjaluk"), peta::name_key("Kedungcaluk"));
  EXPECT_EQ(peta::name_key("  "), "");
}

TEST(NameNormalizer, OfficialKeysStayDistinctExceptTheSevenDuplicates) {
  std::set<std::string> keys;
  for (const auto& d : gazetteer().desa()) keys.insert(peta::name_key(d.name));
  EXPECT_EQ(gazetteer().desa().size(), 330u);
  EXPECT_EQ(keys.size(), 323u);
}

TEST(NameNormalizer, SplitsDesaAndKecamatanParts) {
  auto a = peta::split_place_text("Desa Sumberanom, Kec. Sumber");
  EXPECT_EQ(a.desa, "Sumberanom");
  EXPECT_EQ(a.kecamatan, "Sumber");
  auto b = peta::split_place_text("SUMBERANOM - KEC SUMBER");
  EXPECT_EQ(b.desa, "SUMBERANOM");
  EXPECT_EQ(b.kecamatan, "SUMBER");
  auto c = peta::split_place_text("Ds.Sumber Anom Kecamatan Sumber Kab. Probolinggo");
  EXPECT_EQ(c.desa, "Sumber Anom");
  EXPECT_EQ(c.kecamatan, "Sumber");
  auto d = peta::split_place_text("Kel. Remba'an, Sumber");
  EXPECT_EQ(d.desa, "Remba'an");
  EXPECT_EQ(d.kecamatan, "");
  EXPECT_EQ(d.trailing, "Sumber");
  auto e = peta::split_place_text("Desa Kecik");  // a desa whose name starts like the marker
  EXPECT_EQ(e.desa, "Kecik");
}

TEST(StringSimilarity, OptimalStringAlignment) {
  EXPECT_EQ(peta::osa_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(peta::osa_distance("sumberanom", "sumbreanom"), 1u);  // one transposition
  EXPECT_EQ(peta::osa_distance("", "abc"), 3u);
  EXPECT_DOUBLE_EQ(peta::name_similarity("besuk", "besukagung"), 0.5);
  EXPECT_DOUBLE_EQ(peta::name_similarity("abc", "abc"), 1.0);
  EXPECT_DOUBLE_EQ(peta::name_similarity("", ""), 0.0);
}

TEST(WilayahCsv, ReadsTheOfficialList) {
  auto rows = peta::read_wilayah_csv(kCodeList);
  ASSERT_EQ(rows.size(), 355u);
  EXPECT_EQ(rows[0].code.dotted(), "35.13");
  EXPECT_EQ(rows[0].row, 2);
  std::size_t kelurahan = 0, with_old = 0;
  for (const auto& r : rows) {
    kelurahan += r.jenis == "kelurahan";
    with_old += !r.old_names.empty();
  }
  EXPECT_EQ(kelurahan, 5u);
  EXPECT_EQ(with_old, 13u);  // the 13 rows of data/README.md §3
  EXPECT_EQ(gazetteer().kecamatan().size(), 24u);
  EXPECT_EQ(gazetteer().kecamatan()[15].name, "Pajarakan");
  EXPECT_EQ(gazetteer().kecamatan()[15].other_names, std::vector<std::string>{"Pejarakan"});
}

TEST(WilayahCsv, MalformedRowsNameFileRowAndField) {
  const std::string header = "kode,nama,level,jenis,kode_kec,nama_kec,nama_lama,lat,lng\n";
  auto message = [&](const std::string& body) -> std::string {
    try {
      peta::parse_wilayah_csv(header + body, "t.csv");
    } catch (const peta::Error& e) {
      return e.what();
    }
    return "(no error)";
  };
  const std::string kec = "35.13.02,Sumber,kecamatan,,,,,-7.9,113.0\n";
  EXPECT_EQ(message(kec + "35.13.02.20x7,Sumberanom,desa_kelurahan,desa,35.13.02,Sumber,,-7.9,113.0\n"),
            "t.csv: row 3, field 'kode': '35.13.02.20x7' is not a Kemendagri code");
  EXPECT_EQ(message(kec + "35.13.02.2007,Sumberanom,desa_kelurahan,desa,35.13.02,Sumber,,-7.9,abc\n"),
            "t.csv: row 3, field 'lng': 'abc' is not a number");
  EXPECT_EQ(message(kec + "35.13.02.2007,Sumberanom,desa,desa,35.13.02,Sumber,,-7.9,113.0\n"),
            "t.csv: row 3, field 'level': 'desa' is not one of provinsi, kabupaten, kecamatan, desa_kelurahan");
  EXPECT_EQ(message(kec + "35.13.02.2007,Sumberanom,desa_kelurahan,desa,35.13.03,Sumber,,-7.9,113.0\n"),
            "t.csv: row 3, field 'kode_kec': '35.13.03' is not the kecamatan of 35.13.02.2007");
  EXPECT_EQ(message(kec + "35.13.02.2007,Sumberanom,desa_kelurahan\n"), "t.csv: row 3: 3 fields, the header has 9");
  EXPECT_EQ(message(kec + "35.13.02.2007,,desa_kelurahan,desa,35.13.02,Sumber,,,\n"),
            "t.csv: row 3, field 'nama': empty name for 35.13.02.2007");
  EXPECT_EQ(message("\"35.13.02,Sumber\n"), "t.csv: row 2, field 'kode': a quoted field is never closed");
  // Row numbers count blank lines, as a spreadsheet shows them.
  EXPECT_EQ(message(kec + "\n35.13.02.2007,Sumberanom,desa_kelurahan\n"), "t.csv: row 4: 3 fields, the header has 9");
  try {
    peta::parse_wilayah_csv("kode,name\n", "t.csv");
    ADD_FAILURE();
  } catch (const peta::Error& e) {
    EXPECT_STREQ(e.what(), "t.csv: the header has no column 'nama'");
  }
  EXPECT_THROW(peta::read_wilayah_csv("/nonexistent/wilayah.csv"), peta::Error);
  // Quoted fields, CRLF and a byte-order mark are fine.
  auto rows = peta::parse_wilayah_csv("\xEF\xBB\xBF" + header + "35.13.02,\"Sumber, \"\"kec\"\"\",kecamatan,,,,,,\r\n", "t.csv");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].name, "Sumber, \"kec\"");
  EXPECT_FALSE(rows[0].centroid.has_value());
  // Semicolon-separated, as spreadsheets save CSV in an Indonesian locale; old names still split at ';' inside
  // their quoted field.
  auto semi = peta::parse_wilayah_csv(
      "kode;nama;level;jenis;kode_kec;nama_kec;nama_lama;lat;lng\r\n"
      "35.13.02;Sumber;kecamatan;;;;;-7.9;113.0\r\n"
      "35.13.02.2007;Sumberanom;desa_kelurahan;desa;35.13.02;Sumber;\"Sumber Anom;Sumberanum\";-7.91;113.01\r\n",
      "s.csv");
  ASSERT_EQ(semi.size(), 2u);
  EXPECT_EQ(semi[1].name, "Sumberanom");
  EXPECT_EQ(semi[1].old_names, (std::vector<std::string>{"Sumber Anom", "Sumberanum"}));
  ASSERT_TRUE(semi[1].centroid.has_value());
  EXPECT_DOUBLE_EQ(semi[1].centroid->x, 113.01);
}

TEST(Gazetteer, ByCodeWithOrWithoutDots) {
  EXPECT_TRUE(Matches(gazetteer().by_code("35.13.04.2008"), "35.13.04.2008"));
  EXPECT_TRUE(Matches(gazetteer().by_code("3513042008"), "35.13.04.2008"));
  EXPECT_TRUE(Matches(gazetteer().match(" 3513042008 "), "35.13.04.2008"));
  auto unknown = gazetteer().by_code("35.13.99.2001");
  EXPECT_EQ(unknown.status, Status::not_found);
  EXPECT_EQ(unknown.detail,
            "kode desa 35.13.99.2001 tidak ada di wilayah peta / desa code 35.13.99.2001 is not in the gazetteer");
  EXPECT_EQ(gazetteer().by_code("35.13.04").detail,
            "'35.13.04' adalah kode kecamatan, bukan kode desa / is a code of a kecamatan, not of a desa");
  EXPECT_EQ(gazetteer().by_code("Besuk").detail, "'Besuk' bukan kode Kemendagri / is not a Kemendagri code");
}

TEST(Gazetteer, NamesAsStaffWriteThem) {
  const std::string sumberanom = "35.13.02.2007";
  EXPECT_TRUE(Matches(gazetteer().match("Desa Sumberanom, Kec. Sumber"), sumberanom));
  EXPECT_TRUE(Matches(gazetteer().match("Ds. Sumber Anom"), sumberanom));
  EXPECT_TRUE(Matches(gazetteer().match("SUMBERANOM - KEC SUMBER"), sumberanom));
  EXPECT_TRUE(Matches(gazetteer().match("Sumberanom, Sumber"), sumberanom));
  EXPECT_TRUE(Matches(gazetteer().match("sumberanom", "Kecamatan Sumber"), sumberanom));
  EXPECT_TRUE(Matches(gazetteer().match("Desa Soemberanom"), sumberanom));
  // Spacing of compass suffixes, either way round.
  EXPECT_TRUE(Matches(gazetteer().match("Blado Kulon"), "35.13.20.2011"));
  EXPECT_TRUE(Matches(gazetteer().match("BladoWetan"), "35.13.06.2014"));
  EXPECT_TRUE(Matches(gazetteer().match("Kandang Jati Kulon"), "35.13.14.1008"));
  EXPECT_TRUE(Matches(gazetteer().match("Kel. Kandangjati Wetan"), "35.13.14.2009"));
  // Apostrophes.
  EXPECT_TRUE(Matches(gazetteer().match("Rembaan"), "35.13.02.2009"));
  EXPECT_TRUE(Matches(gazetteer().match("Remba\xE2\x80\x99" "an"), "35.13.02.2009"));
  EXPECT_TRUE(Matches(gazetteer().match("Soka'an"), "35.13.15.2017"));
  EXPECT_TRUE(Matches(gazetteer().match("Sokaan"), "35.13.15.2017"));
  // Old (Dutch-era) spellings.
  EXPECT_TRUE(Matches(gazetteer().match("Djatisari"), "35.13.03.2002"));
  EXPECT_TRUE(Matches(gazetteer().match("Sidomuljo"), "35.13.11.2003"));
  EXPECT_TRUE(Matches(gazetteer().match("Tjepoko"), "35.13.02.2008"));
  EXPECT_TRUE(Matches(gazetteer().match("Tandjungsari"), "35.13.15.2006"));
  EXPECT_TRUE(Matches(gazetteer().match("Kedungtjaluk"), "35.13.15.2013"));
  // Older official spellings from nama_lama.
  EXPECT_TRUE(Matches(gazetteer().match("Triwingan"), "35.13.11.2010"));
  EXPECT_TRUE(Matches(gazetteer().match("Tunggakcerme"), "35.13.22.2005"));
  EXPECT_TRUE(Matches(gazetteer().match("Klasemen"), "35.13.18.2003"));
  // The kecamatan's old spelling (Pejarakan) still names it.
  EXPECT_EQ(gazetteer().find_kecamatan("Kec. Pejarakan"), 15);
  EXPECT_EQ(gazetteer().find_kecamatan("35.13.16"), 15);
  EXPECT_EQ(gazetteer().find_kecamatan("Jakarta"), -1);
  EXPECT_TRUE(Matches(gazetteer().match("Sukokerto", "Pejarakan"), "35.13.16.2010"));
}

TEST(Gazetteer, FuzzyMatchesCarryAConfidence) {
  auto typo = gazetteer().match("Mrangonlawng");  // one letter dropped from a name with no close neighbour
  EXPECT_TRUE(Matches(typo, "35.13.19.2005", 0.9));
  EXPECT_NEAR(typo.confidence, 1.0 - 1.0 / 13, 1e-12);
  // One letter from Sumberkedawung (similarity 13/14), two from Sumberkerang (11/13): matched, less sure.
  auto closer = gazetteer().match("Sumberkedawng");
  EXPECT_TRUE(Matches(closer, "35.13.05.2006", 0.5));
  EXPECT_TRUE(closer.needs_check);  // below accept_confidence 0.85: placed, flagged perlu_cek
  EXPECT_FALSE(typo.needs_check);
  EXPECT_NEAR(closer.confidence, 13.0 / 14 * ((13.0 / 14 - 11.0 / 13) / 0.15), 1e-12);
  // One letter away from two desa at once: Sumberanom (Kec. Sumber) and Sumberan (Kec. Besuk).
  auto between = gazetteer().match("Sumberanm");
  EXPECT_EQ(between.status, Status::ambiguous) << between.detail;
  EXPECT_EQ(candidate_codes(between), (std::set<std::string>{"35.13.02.2007", "35.13.13.2017"}));
  // The kecamatan sets it apart, but only the kecamatan: placed, for a person to check.
  EXPECT_TRUE(Matches(gazetteer().match("Sumberanm", "Sumber"), "35.13.02.2007", 0.9));
  EXPECT_TRUE(gazetteer().match("Sumberanm", "Sumber").needs_check);
  EXPECT_TRUE(Matches(gazetteer().match("Desa Sumbreanom", "Sumber"), "35.13.02.2007", 0.85));  // transposition
  // An exact name with a neighbour one letter away is not certain: Sumberejo (Paiton) vs Sumberrejo (Tongas).
  auto near = gazetteer().match("Sumberejo");
  EXPECT_TRUE(Matches(near, "35.13.12.2019", 0.5));
  EXPECT_NEAR(near.confidence, (1.0 - 0.9) / 0.15, 1e-12);
  EXPECT_TRUE(Matches(gazetteer().match("Sumberejo", "Paiton"), "35.13.12.2019"));
}

TEST(Gazetteer, DuplicateNamesNeedTheKecamatanAndAreNeverGuessed) {
  struct Pair { const char* name; const char* kec_a; const char* code_a; const char* kec_b; const char* code_b; };
  const Pair pairs[] = {
      {"Wringinanom", "Kuripan", "35.13.03.2007", "Tongas", "35.13.23.2006"},
      {"Patokan", "Bantaran", "35.13.04.2003", "Kraksaan", "35.13.14.1017"},
      {"Karanganyar", "Bantaran", "35.13.04.2010", "Paiton", "35.13.12.2011"},
      {"Alastengah", "Paiton", "35.13.12.2007", "Besuk", "35.13.13.2014"},
      {"Tamansari", "Kraksaan", "35.13.14.2012", "Dringu", "35.13.19.2007"},
      {"Wonorejo", "Maron", "35.13.17.2013", "Wonomerto", "35.13.22.2004"},
      {"Pesisir", "Gending", "35.13.18.2004", "Sumberasih", "35.13.21.2012"},
  };
  for (const auto& p : pairs) {
    SCOPED_TRACE(p.name);
    auto alone = gazetteer().match(std::string("Desa ") + p.name);
    EXPECT_EQ(alone.status, Status::ambiguous) << alone.detail;
    EXPECT_EQ(alone.confidence, 0.0);
    EXPECT_EQ(candidate_codes(alone), (std::set<std::string>{p.code_a, p.code_b}));
    EXPECT_TRUE(Matches(gazetteer().match(p.name, p.kec_a), p.code_a));
    EXPECT_TRUE(Matches(gazetteer().match(p.name, p.kec_b), p.code_b));
    EXPECT_TRUE(Matches(gazetteer().match(std::string(p.name) + ", Kec. " + p.kec_b), p.code_b));
  }
  auto alone = gazetteer().match("Patokan");
  EXPECT_EQ(alone.detail,
            "'Patokan' cocok dengan 2 desa yang sama miripnya; isi kecamatannya (atau kode_desa) / 'Patokan' fits 2 "
            "desa about equally; give the kecamatan (or kode_desa): Patokan (35.13.04.2003, Kec. Bantaran, 1.00); "
            "Patokan (35.13.14.1017, Kec. Kraksaan, 1.00)");
  // A kecamatan nobody knows cannot resolve it either.
  auto unknown = gazetteer().match("Patokan", "Xyzzy");
  EXPECT_EQ(unknown.status, Status::ambiguous);
  EXPECT_NE(unknown.detail.find("kecamatan 'Xyzzy' not recognised, ignored"), std::string::npos) << unknown.detail;
}

TEST(Gazetteer, DesaBesukLiesInBantaranNotInKecamatanBesuk) {
  EXPECT_TRUE(Matches(gazetteer().match("Desa Besuk"), "35.13.04.2008"));
  EXPECT_TRUE(Matches(gazetteer().match("Besuk", "Bantaran"), "35.13.04.2008"));
  // Named "Besuk" in Kec. Besuk: no desa of that name there; the one elsewhere is offered, not taken.
  auto conflict = gazetteer().match("Desa Besuk, Kec. Besuk");
  EXPECT_EQ(conflict.status, Status::wrong_area) << conflict.detail;
  ASSERT_FALSE(conflict.candidates.empty());
  EXPECT_EQ(conflict.candidates[0].desa_code, "35.13.04.2008");
  EXPECT_EQ(candidate_codes(conflict), (std::set<std::string>{"35.13.04.2008", "35.13.13.2009", "35.13.13.2010"}));
  EXPECT_TRUE(Matches(gazetteer().match("Besukagung", "Besuk"), "35.13.13.2009"));
}

TEST(Gazetteer, NotFoundListsTheClosestCandidates) {
  auto m = gazetteer().match("Desa Jakarta Selatan");
  EXPECT_EQ(m.status, Status::not_found);
  EXPECT_EQ(m.candidates.size(), 5u);
  EXPECT_EQ(m.detail.rfind("tidak ada desa yang cukup mirip dengan 'Jakarta Selatan'; periksa ejaannya atau isi "
                           "kode_desa; yang terdekat / no desa is close enough to 'Jakarta Selatan'; check the spelling or give "
                           "kode_desa; closest: ", 0), 0u) << m.detail;
  for (std::size_t i = 1; i < m.candidates.size(); ++i) EXPECT_LE(m.candidates[i].score, m.candidates[i - 1].score);
  auto in_kec = gazetteer().match("Xyz", "Sumber");
  EXPECT_EQ(in_kec.status, Status::not_found);
  for (const auto& c : in_kec.candidates) EXPECT_EQ(c.kecamatan_name, "Sumber");
  EXPECT_EQ(gazetteer().match("  ").status, Status::not_found);
  EXPECT_EQ(gazetteer().match("Desa").detail, "tidak ada nama desa dalam 'Desa' / no desa name in 'Desa'");
}

TEST(Gazetteer, FromBoundaries) {
  peta::Boundaries b;
  b.kecamatan.push_back({*peta::AdminCode::parse("35.13.02"), "Sumber", "", {}, 0});
  b.kecamatan.push_back({*peta::AdminCode::parse("35.13.04"), "Bantaran", "", {}, 0});
  b.desa.push_back({*peta::AdminCode::parse("35.13.02.2007"), "Sumberanom", "desa", {}, 0});
  b.desa.push_back({*peta::AdminCode::parse("35.13.04.2008"), "Besuk", "desa", {}, 0});
  b.desa_kecamatan = {0, 1};
  auto g = Gazetteer::from_boundaries(b);
  EXPECT_TRUE(Matches(g.match("Ds. Sumber Anom"), "35.13.02.2007"));
  EXPECT_TRUE(Matches(g.match("Besuk", "Kec. Bantaran"), "35.13.04.2008"));
  EXPECT_EQ(g.desa()[1].kecamatan, 1);
}
