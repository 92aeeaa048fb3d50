// The name normaliser (geocode/name_normalizer) and the gazetteer lookup (geocode/gazetteer) over a small fixed
// gazetteer of real 35.13 names (two kecamatan sharing a desa name, a kelurahan, an older spelling).
// Input: desa text, 0x1F, kecamatan text. Invariants: keys hold only a-z and 0-9; a match's confidence and
// scores are in [0, 1], its candidates ranked best first and no more than asked for; a matched desa is the one
// its code names; by_code agrees with the gazetteer's codes.
#include "geocode/gazetteer.hpp"
#include "geocode/name_normalizer.hpp"
#include "fuzz_support.hpp"

namespace {

const peta::Gazetteer& gazetteer() {
  static const peta::Gazetteer g = [] {
    std::vector<peta::GazetteerKecamatan> kecamatan = {
        {"35.13.01", "Sukapura", {}}, {"35.13.03", "Sumber", {"Soember"}}, {"35.13.19", "Kraksaan", {}}};
    std::vector<peta::GazetteerDesa> desa = {
        {"35.13.01.2001", "Ngadisari", "desa", 0, {}},
        {"35.13.01.2002", "Wonotoro", "desa", 0, {}},
        {"35.13.01.2003", "Sumberanom", "desa", 0, {}},
        {"35.13.03.2001", "Sumberanom", "desa", 1, {"Soemberanom"}},
        {"35.13.03.2002", "Gemito", "desa", 1, {}},
        {"35.13.03.2003", "Sumber Wetan", "desa", 1, {}},
        {"35.13.19.1001", "Patokan", "kelurahan", 2, {}},
        {"35.13.19.2002", "Kebonagung", "desa", 2, {"Keboenagoeng"}},
        {"35.13.19.2003", "Sidomukti", "desa", 2, {"Sidomoekti"}},
    };
    return peta::Gazetteer(std::move(kecamatan), std::move(desa));
  }();
  return g;
}

void check_match(const peta::GazetteerMatch& m, const peta::Gazetteer& g) {
  PETA_FUZZ_CHECK(m.confidence >= 0 && m.confidence <= 1, std::to_string(m.confidence));
  PETA_FUZZ_CHECK(m.candidates.size() <= g.options().max_candidates, std::to_string(m.candidates.size()));
  for (std::size_t i = 0; i < m.candidates.size(); ++i) {
    const auto& c = m.candidates[i];
    PETA_FUZZ_CHECK(c.score >= 0 && c.score <= 1, std::to_string(c.score));
    PETA_FUZZ_CHECK(c.desa >= 0 && c.desa < static_cast<int>(g.desa().size()), std::to_string(c.desa));
    PETA_FUZZ_CHECK(c.desa_code == g.desa()[static_cast<std::size_t>(c.desa)].code, c.desa_code);
    if (i > 0) PETA_FUZZ_CHECK(m.candidates[i - 1].score >= c.score, "candidates not ranked");
  }
  if (m.status == peta::GazetteerMatch::Status::matched) {
    PETA_FUZZ_CHECK(m.desa >= 0 && m.desa < static_cast<int>(g.desa().size()), std::to_string(m.desa));
    PETA_FUZZ_CHECK(m.desa_code == g.desa()[static_cast<std::size_t>(m.desa)].code, m.desa_code);
  } else {
    PETA_FUZZ_CHECK(m.desa == -1 && m.desa_code.empty(), "an unmatched result names a desa");
    PETA_FUZZ_CHECK(!m.detail.empty(), "an unmatched result without a reason");
  }
}

void check_key(std::string_view text) {
  for (char c : peta::name_key(text))
    PETA_FUZZ_CHECK((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'), std::string("key byte ") + std::to_string(+c));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 2048) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string_view desa = peta::fuzz::part(text, 0), kecamatan = peta::fuzz::part(text, 1);
  check_key(desa);
  const peta::PlaceText place = peta::split_place_text(desa);
  check_key(place.desa);
  check_key(place.kecamatan);
  const peta::Gazetteer& g = gazetteer();
  check_match(g.match(desa, kecamatan), g);
  check_match(g.match(desa), g);
  const peta::GazetteerMatch by_code = g.by_code(desa);
  check_match(by_code, g);
  const int k = g.find_kecamatan(kecamatan);
  PETA_FUZZ_CHECK(k >= -1 && k < static_cast<int>(g.kecamatan().size()), std::to_string(k));
  return 0;
}
