#include "core/finding.hpp"

namespace peta {

std::string flag_names(std::uint32_t flags) {
  std::string out;
  auto add = [&](std::uint32_t bit, const char* name) {
    if (!(flags & bit)) return;
    if (!out.empty()) out += ';';
    out += name;
  };
  add(kFlagInGap, "celah");
  add(kFlagInOverlap, "tumpang_tindih");
  add(kFlagLatSignFixed, "tanda_lintang_diperbaiki");
  add(kFlagSwappedFixed, "tertukar_diperbaiki");
  add(kFlagByName, "dari_nama");
  add(kFlagByCode, "dari_kode");
  add(kFlagNameMismatch, "nama_beda");
  add(kFlagInvalidDate, "tanggal_tidak_valid");
  add(kFlagIdMissing, "id_kosong");
  add(kFlagNeedsCheck, "perlu_cek");
  add(kFlagIdDuplicate, "id_ganda");
  return out;
}

}  // namespace peta
