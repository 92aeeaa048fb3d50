// Issue 16, "Names": no confident wrong village. Qualifier words, not found vs ambiguous vs wrong kecamatan, villages
// outside the region (Kota Probolinggo 35.74, from the East Java layer), the perlu_cek band, the kabupaten and
// kecamatan names shared by several kabupaten at province scale. Exact outcomes: status, codes, reasons.
#include <gtest/gtest.h>

#include <set>

#include "core/finding.hpp"
#include "geocode/code_list.hpp"
#include "geocode/name_placer.hpp"
#include "geocode/name_normalizer.hpp"
#include "geocode/gazetteer_fixtures.hpp"

namespace peta {
namespace {

using Status = GazetteerMatch::Status;

using test::jatim_rows;
const Gazetteer& regency() { return test::regency_gazetteer(); }
const Gazetteer& regency_with_neighbours() { return test::regency_gazetteer_with_neighbours(); }
const Gazetteer& province() { return test::province_gazetteer(); }

std::set<std::string> codes(const GazetteerMatch& m) {
  std::set<std::string> out;
  for (const auto& c : m.candidates) out.insert(c.desa_code);
  return out;
}

std::string describe(const GazetteerMatch& m) { return std::string(status_name(m.status)) + ": " + m.detail; }

}  // namespace

TEST(GazetteerNames, QualifierStartsAtTheQualifierWord) {
  EXPECT_EQ(qualifier_start("sumberanyarlor"), 11u);
  EXPECT_EQ(qualifier_start("maronkidul"), 5u);
  EXPECT_EQ(qualifier_start("sukakrayan"), 4u);  // Krajan, as name_key writes it
  EXPECT_EQ(qualifier_start("sumberanyar"), 11u);
  EXPECT_EQ(qualifier_start("lor"), 3u);          // a name that is only a qualifier has none
  EXPECT_EQ(qualifier_start("talor"), 5u);        // fewer than 3 letters before it: no qualifier
}

TEST(GazetteerNames, QualifierWordsTellVillagesApart) {
  const auto& g = regency();
  // A real name plus a qualifier it does not have is not that desa.
  for (const char* name : {"Sumberanyar Lor", "Sumberanyar Baru", "Desa Jatisari Kidul", "Sumberanom Timur"}) {
    SCOPED_TRACE(name);
    auto m = g.match(name);
    EXPECT_EQ(m.status, Status::not_found) << describe(m);
    auto with_kec = g.match(name, "Sumber");  // nor does the kecamatan make it one
    EXPECT_NE(with_kec.status, Status::matched) << describe(with_kec);
  }
  // Another qualifier than the ones the desa has: Maron has Kidul, Kulon and Wetan, not Lor.
  auto maron_lor = g.match("Maron Lor", "Maron");
  EXPECT_EQ(maron_lor.status, Status::not_found) << describe(maron_lor);
  EXPECT_LE(maron_lor.candidates.front().score, 0.5);
  // The qualifier left out: Banyuanyar is Lor, Kidul or Tengah.
  auto banyuanyar = g.match("Banyuanyar");
  EXPECT_NE(banyuanyar.status, Status::matched) << describe(banyuanyar);
  // The right qualifier, however spaced, and a typo inside it, still find the desa.
  EXPECT_EQ(g.match("Maron Kidul").desa_code, "35.13.17.2003");
  EXPECT_EQ(g.match("MARONKIDUL").desa_code, g.match("Maron Kidul").desa_code);
  auto typo = g.match("Bulujaran Kidl");
  EXPECT_EQ(typo.status, Status::matched) << describe(typo);
  EXPECT_EQ(typo.desa_code, g.match("Bulujarankidul").desa_code);
}

TEST(GazetteerNames, NotFoundAndAmbiguousAreDifferentOutcomesWithTheirOwnAdvice) {
  const auto& g = regency();
  auto nothing = g.match("Xyzzyqwv");
  EXPECT_EQ(nothing.status, Status::not_found);
  EXPECT_EQ(code(rejection_reason(nothing.status)), std::string("desa_not_found"));
  EXPECT_EQ(nothing.detail.rfind("tidak ada desa yang cukup mirip dengan 'Xyzzyqwv'; periksa ejaannya atau isi kode_desa", 0),
            0u) << nothing.detail;
  EXPECT_NE(nothing.detail.find(" / no desa is close enough to 'Xyzzyqwv'; check the spelling or give kode_desa; closest: "),
            std::string::npos) << nothing.detail;
  // Two desa one letter away each: ambiguous, and the advice is the kecamatan.
  auto two = g.match("Sumberanm");
  EXPECT_EQ(two.status, Status::ambiguous);
  EXPECT_EQ(code(rejection_reason(two.status)), std::string("desa_ambiguous"));
  EXPECT_EQ(codes(two), (std::set<std::string>{"35.13.02.2007", "35.13.13.2017"}));
  EXPECT_NE(two.detail.find("isi kecamatannya (atau kode_desa) / "), std::string::npos) << two.detail;
  EXPECT_NE(two.detail.find("give the kecamatan (or kode_desa)"), std::string::npos) << two.detail;
  // Following the advice places it, but a fuzzy name the kecamatan alone set apart is for a person to check.
  auto advised = g.match("Sumberanm", "Sumber");
  EXPECT_EQ(advised.status, Status::matched);
  EXPECT_EQ(advised.desa_code, "35.13.02.2007");
  EXPECT_TRUE(advised.needs_check);
  // A made-up name that is vaguely like several: not found, and naming a kecamatan does not make it found.
  auto vague = g.match("Sumberwangi");
  EXPECT_EQ(vague.status, Status::not_found) << describe(vague);
  for (const char* kec : {"Sumber", "Besuk", "Paiton", "Kraksaan"}) {
    auto m = g.match("Sumberwangi", kec);
    EXPECT_TRUE(m.status != Status::matched || m.needs_check) << kec << ": " << describe(m);
  }
}

TEST(GazetteerNames, ARealNameWithTheWrongKecamatanIsRejectedNotMoved) {
  const auto& g = regency();
  auto m = g.match("Sumberanom", "Tongas");
  EXPECT_EQ(m.status, Status::wrong_area) << describe(m);
  EXPECT_EQ(code(rejection_reason(m.status)), std::string("desa_not_in_kecamatan"));
  ASSERT_FALSE(m.candidates.empty());
  EXPECT_EQ(m.candidates.front().desa_code, "35.13.02.2007");
  EXPECT_EQ(m.detail.rfind("'Sumberanom' tidak ada di Kec. Tongas, tetapi cocok dengan desa di tempat lain", 0), 0u)
      << m.detail;
  // Desa Besuk is in Kec. Bantaran; "Besuk, Kec. Besuk" names none of Kec. Besuk's desa.
  auto besuk = g.match("Desa Besuk, Kec. Besuk");
  EXPECT_EQ(besuk.status, Status::wrong_area) << describe(besuk);
  EXPECT_EQ(besuk.candidates.front().desa_code, "35.13.04.2008");
  // The duplicated names: the kecamatan decides, exactly and confidently.
  auto w = g.match("Wringinanom", "Tongas");
  EXPECT_EQ(w.desa_code, "35.13.23.2006");
  EXPECT_FALSE(w.needs_check);
}

TEST(GazetteerNames, KelurahanOfKotaProbolinggoAreOutsideNotARegencyDesa) {
  const auto& g = regency_with_neighbours();
  std::size_t kota = 0;
  for (const auto& r : jatim_rows()) {
    if (r.code.level() != AdminLevel::desa || r.code.at(AdminLevel::kabupaten).dotted() != "35.74") continue;
    ++kota;
    auto m = g.match(r.name);
    SCOPED_TRACE(r.name);
    EXPECT_EQ(m.status, Status::outside) << describe(m);
    ASSERT_FALSE(m.candidates.empty());
    EXPECT_EQ(m.candidates.front().name, r.name);  // this one, or a village of that name in another kabupaten
    // With its Kota kecamatan too; and giving a regency kecamatan does not place it either.
    auto with_kec = g.match(r.name, r.kecamatan_name);
    EXPECT_EQ(with_kec.status, Status::outside) << describe(with_kec);
  }
  EXPECT_EQ(kota, 29u);
  auto mayangan = g.match("Kel. Mayangan, Kota Probolinggo");
  EXPECT_EQ(mayangan.status, Status::outside);
  EXPECT_EQ(code(rejection_reason(mayangan.status)), std::string("desa_outside_region"));
  EXPECT_NE(mayangan.detail.find("di luar wilayah peta"), std::string::npos) << mayangan.detail;
  EXPECT_NE(mayangan.detail.find("Kota Probolinggo"), std::string::npos) << mayangan.detail;
  // Pohsangit Kidul (Kota) is none of Pohsangit Lor / Tengah / Leres / Ngisor (Kabupaten), with or without the list.
  EXPECT_NE(regency().match("Pohsangit Kidul").status, Status::matched);
  // The regency's own names are as before: Pohsangit Lor, and the exact names the city shares none of.
  EXPECT_EQ(g.match("Pohsangit Lor").desa_code, regency().match("Pohsangit Lor").desa_code);
  EXPECT_EQ(g.match("Sumberanom").desa_code, "35.13.02.2007");
  // Codes of villages outside are recognised as such.
  EXPECT_EQ(g.by_code("35.74.01.1001").status, Status::outside);
}

TEST(GazetteerNames, ConfidenceBands) {
  const auto& g = regency();
  auto exact = g.match("Sumberanom");
  EXPECT_EQ(exact.confidence, 1.0);
  EXPECT_FALSE(exact.needs_check);
  auto one_letter = g.match("Mrangonlawng");  // 12/13, nothing near
  EXPECT_EQ(one_letter.status, Status::matched);
  EXPECT_NEAR(one_letter.confidence, 12.0 / 13, 1e-12);
  EXPECT_FALSE(one_letter.needs_check);
  // Sumberejo (Paiton) has Sumberrejo (Tongas) a letter away: placed, to be checked.
  auto near = g.match("Sumberejo");
  EXPECT_EQ(near.desa_code, "35.13.12.2019");
  EXPECT_NEAR(near.confidence, (1.0 - 0.9) / 0.15, 1e-12);
  EXPECT_TRUE(near.needs_check);
  EXPECT_NE(near.detail.find("perlu dicek"), std::string::npos) << near.detail;
  // An unrecognised kecamatan leaves a fuzzy or exact name without that check: to be checked.
  auto unknown_kec = g.match("Sumberanom", "Kec. Xyzzy");
  EXPECT_EQ(unknown_kec.status, Status::matched);
  EXPECT_TRUE(unknown_kec.needs_check);
  // A placeholder is no kecamatan: no doubt.
  auto placeholder = g.match("Sumberanom", "-", "?");
  EXPECT_EQ(placeholder.desa_code, "35.13.02.2007");
  EXPECT_FALSE(placeholder.needs_check);
  EXPECT_EQ(placeholder.detail.find("tidak dikenal"), std::string::npos) << placeholder.detail;
  EXPECT_EQ(std::string(flag_names(kFlagNeedsCheck)), "perlu_cek");
}

TEST(GazetteerNames, NamePlacerFlagsAndReportsTheConfidence) {
  const Boundaries& b = test::probolinggo_without_geometry();
  NamePlacer placer(b, {test::probolinggo_code_list(), test::jatim_layer()});
  auto sure = placer.place("Sumberanom", "", "");
  EXPECT_EQ(b.desa[static_cast<std::size_t>(sure.desa)].code.dotted(), "35.13.02.2007");
  EXPECT_EQ(sure.flags, kFlagByName);
  EXPECT_EQ(sure.confidence, 1.0);
  auto check = placer.place("Sumberejo", "", "");
  EXPECT_EQ(check.flags, kFlagByName | kFlagNeedsCheck);
  EXPECT_NEAR(check.confidence, 2.0 / 3, 1e-12);
  auto code = placer.place("", "", "3513020007");
  EXPECT_EQ(code.desa, -1);  // 35.13.02.0007 is no code of any desa
  auto by_code = placer.place("", "", "35.13.02.2007");
  EXPECT_EQ(by_code.flags, kFlagByCode);
  EXPECT_EQ(by_code.confidence, 1.0);
  auto city = placer.place("Mayangan", "", "");
  EXPECT_EQ(city.desa, -1);
  EXPECT_EQ(peta::code(city.reason), "desa_outside_region");
  EXPECT_NE(city.detail.find("(keyakinan / confidence 1.00)"), std::string::npos) << city.detail;
  auto city_code = placer.place("", "", "35.74.01.1001");
  EXPECT_EQ(peta::code(city_code.reason), "desa_outside_region");
  EXPECT_TRUE(city_code.by_code_column);
  auto made_up = placer.place("Xyzzyqwv", "", "");
  EXPECT_EQ(peta::code(made_up.reason), "desa_not_found");
  EXPECT_NE(made_up.detail.find("keyakinan / confidence 0.00"), std::string::npos) << made_up.detail;
}

TEST(GazetteerNames, ProvinceScaleKabupatenAndSharedKecamatanNames) {
  const auto& g = province();
  ASSERT_EQ(g.desa().size(), 8494u);
  EXPECT_EQ(g.kabupaten().size(), 38u);
  // Kec. Jetis is in Kab. Ponorogo (35.02.09) and Kab. Mojokerto (35.16.16); both have a desa Mojorejo.
  EXPECT_EQ(g.find_kecamatans("Jetis").size(), 2u);
  auto both = g.match("Mojorejo", "Jetis");
  EXPECT_EQ(both.status, Status::ambiguous) << describe(both);
  EXPECT_EQ(codes(both), (std::set<std::string>{"35.02.09.2007", "35.16.16.2007"}));
  EXPECT_NE(both.detail.find("isi kabupatennya"), std::string::npos) << both.detail;
  auto mojokerto = g.match("Mojorejo", "Jetis", "Kab. Mojokerto");
  EXPECT_EQ(mojokerto.status, Status::matched) << describe(mojokerto);
  EXPECT_EQ(mojokerto.desa_code, "35.16.16.2007");
  EXPECT_EQ(g.match("Mojorejo, Kec. Jetis, Kab. Ponorogo").desa_code, "35.02.09.2007");
  // A desa name found in only one of the two Jetis needs no kabupaten.
  EXPECT_EQ(g.match("Ngasinan", "Jetis").desa_code, "35.02.09.2001");
  // Kabupaten or kota: "Kota Probolinggo" is 35.74, "Kab. Probolinggo" 35.13, "Probolinggo" both.
  EXPECT_EQ(g.find_kabupaten("Kota Probolinggo").size(), 1u);
  EXPECT_EQ(g.kabupaten()[static_cast<std::size_t>(g.find_kabupaten("Kota Probolinggo")[0])].code, "35.74");
  EXPECT_EQ(g.kabupaten()[static_cast<std::size_t>(g.find_kabupaten("Kabupaten Probolinggo")[0])].code, "35.13");
  EXPECT_EQ(g.find_kabupaten("Probolinggo").size(), 2u);
  EXPECT_EQ(g.find_kabupaten("35.74").size(), 1u);
  // Kec. Kademangan is in Kab. Blitar and Kota Probolinggo.
  auto kademangan = g.match("Kademangan", "Kademangan");
  EXPECT_EQ(kademangan.status, Status::ambiguous) << describe(kademangan);
  auto kota = g.match("Kademangan", "Kademangan", "Kota Probolinggo");
  EXPECT_EQ(kota.status, Status::matched) << describe(kota);
  EXPECT_EQ(kota.desa_code.substr(0, 5), "35.74");
  // A real desa given with the wrong kabupaten is not moved into it.
  auto wrong = g.match("Sumberanom", "", "Kab. Mojokerto");
  EXPECT_EQ(wrong.status, Status::wrong_area) << describe(wrong);
}

TEST(GazetteerNames, SplitPlaceTextKeepsTheKabupaten) {
  auto a = split_place_text("Mojorejo, Kec. Jetis, Kab. Ponorogo");
  EXPECT_EQ(a.desa, "Mojorejo");
  EXPECT_EQ(a.kecamatan, "Jetis");
  EXPECT_EQ(a.kabupaten, "Kab. Ponorogo");
  auto b = split_place_text("Kel. Mayangan, Kota Probolinggo");
  EXPECT_EQ(b.desa, "Mayangan");
  EXPECT_EQ(b.kabupaten, "Kota Probolinggo");
  auto c = split_place_text("Kotaanyar");  // a name, not a marker
  EXPECT_EQ(c.desa, "Kotaanyar");
}

}  // namespace peta
