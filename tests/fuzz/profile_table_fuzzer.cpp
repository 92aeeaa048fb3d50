// The desa profile table reader (profile/table_rows, profile/desa_profile, profile/profile_number): any bytes as a
// CSV profile table, keyed by Kemendagri code or by desa name (+ kecamatan), either join or throw peta::Error whose
// message names the file. Joined, the table's accounting adds up (rows = joined + rejected, every rejection with a
// reason of the one table and a row of the file), numbers are finite, and every field has a value slot per desa.
// Any other exception escapes and is a crash.
#include <cmath>
#include <string>

#include "core/error.hpp"
#include "fuzz_support.hpp"
#include "geocode/name_placer.hpp"
#include "profile/desa_profile.hpp"

namespace {

peta::MultiPolygon square(double x, double y) {
  peta::Polygon p;
  p.rings.push_back({{x, y}, {x + 0.01, y}, {x + 0.01, y + 0.01}, {x, y + 0.01}, {x, y}});
  peta::MultiPolygon m;
  m.parts.push_back(std::move(p));
  return m;
}

// Two kecamatan of Kabupaten Probolinggo with three desa, two of them named alike.
const peta::Boundaries& boundaries() {
  static const peta::Boundaries b = [] {
    peta::Boundaries out;
    out.kabupaten.push_back({*peta::AdminCode::parse("35.13"), "Probolinggo", "", {}, 0});
    out.kecamatan.push_back({*peta::AdminCode::parse("35.13.01"), "Sumber", "", square(113.0, -7.9), 1});
    out.kecamatan.push_back({*peta::AdminCode::parse("35.13.02"), "Lumbang", "", square(113.1, -7.9), 1});
    out.desa.push_back({*peta::AdminCode::parse("35.13.01.2001"), "Sumberanom", "desa", square(113.0, -7.9), 1});
    out.desa.push_back({*peta::AdminCode::parse("35.13.01.2002"), "Ledokombo", "desa", square(113.02, -7.9), 1});
    out.desa.push_back({*peta::AdminCode::parse("35.13.02.2001"), "Ledokombo", "desa", square(113.1, -7.9), 1});
    out.desa_kecamatan = {0, 0, 1};
    out.kecamatan_kabupaten = {0, 0};
    return out;
  }();
  return b;
}

const peta::NamePlacer& placer() {
  static const peta::NamePlacer p(boundaries(), {});
  return p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1 || size > 65536) return 0;
  const bool by_name = data[0] & 1;
  const std::string& path = peta::fuzz::scratch_path("profil.csv");
  peta::fuzz::write_file(path, std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  peta::profile::ProfileSettings settings;
  peta::profile::ProfileTableSettings t;
  t.path = path;
  t.key = by_name ? peta::profile::KeyKind::name : peta::profile::KeyKind::kemendagri;
  t.key_column = by_name ? "desa" : "kode";
  if (by_name) t.kecamatan_column = "kecamatan";
  t.fields = {"penduduk", "status"};
  if (data[0] & 2) t.types["penduduk"] = peta::profile::DeclaredType::number;
  settings.tables.push_back(t);
  try {
    const peta::profile::DesaProfile p = peta::profile::load_desa_profile(settings, boundaries(), placer());
    const peta::Boundaries& b = boundaries();
    PETA_FUZZ_CHECK(p.tables.size() == 1, std::to_string(p.tables.size()));
    const auto& account = p.tables[0];
    PETA_FUZZ_CHECK(account.balanced(), std::to_string(account.rows) + " rows, " + std::to_string(account.joined) +
                                            " joined, " + std::to_string(account.rejected) + " rejected");
    PETA_FUZZ_CHECK(p.rejected.size() == static_cast<std::size_t>(account.rejected), std::to_string(p.rejected.size()));
    std::int64_t by_reason = 0;
    for (const auto& [code, n] : account.rejected_by_reason) {
      PETA_FUZZ_CHECK(peta::rejection_reason_from_code(code).has_value(), code);
      by_reason += n;
    }
    PETA_FUZZ_CHECK(by_reason == account.rejected, std::to_string(by_reason));
    for (const auto& r : p.rejected) {
      PETA_FUZZ_CHECK(r.row >= 2, std::to_string(r.row));  // the header is row 1
      PETA_FUZZ_CHECK(!r.detail.empty(), std::string(peta::code(r.reason)));
    }
    for (const auto& f : p.fields) {
      PETA_FUZZ_CHECK(f.numeric() ? f.numbers.size() == b.desa.size() : f.texts.size() == b.desa.size(), f.name);
      for (const auto& v : f.numbers) PETA_FUZZ_CHECK(!v || std::isfinite(*v), f.name);
    }
  } catch (const peta::Error& e) {
    const std::string message = e.what();
    PETA_FUZZ_CHECK(message.find(path) != std::string::npos, message);
  }
  return 0;
}
