#pragma once
// Places a finding that has no usable coordinate by the desa it names: by Kemendagri code (with or
// without dots) or by name as staff write it (geocode/gazetteer.hpp), restricted by the kecamatan when one
// is given. A placed finding gets the desa's point on surface (GEOSPointOnSurface: guaranteed inside the
// desa), precision "desa" and the flag dari_kode / dari_nama. Never guesses:
//   - a code that is not a desa code of the boundaries, and no usable name: `desa_code_unknown`;
//   - a name that fits several desa about equally (the 7 duplicated names without a kecamatan): rejected
//     `desa_ambiguous`, the candidates in the detail (such a finding cannot be counted in any desa);
//   - a name that fits nothing well enough: `desa_not_found`, the closest candidates in the detail;
//   - a name that fits a desa of another kecamatan/kabupaten than the row gives: `desa_not_in_kecamatan`;
//   - a name of a village outside the boundaries (a code-list row whose code the boundaries lack, e.g. a
//     kelurahan of Kota Probolinggo): `desa_outside_region`.
// A name placed with a confidence below accept_confidence is flagged perlu_cek. The confidence (code: 1) is in
// NamePlacement::confidence, and in the detail of a rejection ("keyakinan / confidence 0.42").
// The gazetteer holds the names of the boundary layer plus, for the same codes, the official names and
// older spellings of any code-list CSV in the form of wilayah_3513.csv.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/admin_unit.hpp"
#include "geocode/gazetteer.hpp"

namespace peta {

struct NamePlacement {
  int desa = -1;            // index in Boundaries::desa, or -1
  std::uint32_t flags = 0;  // kFlagByCode or kFlagByName
  std::optional<RejectionReason> reason;  // when desa < 0 and something was given
  std::string detail;
  double confidence = -1;       // the gazetteer's confidence in [0, 1] when a name or code was given
  bool by_code_column = false;  // the reason is about the code column (else the name column)
};

// The gazetteer of `boundaries` (their names, kecamatan and kabupaten; geometry is not used) with the official
// names and older spellings of the code lists (geocode/code_list.hpp) for the same codes, and the code lists'
// other villages as outside names.
Gazetteer build_gazetteer(const Boundaries& boundaries, const std::vector<std::string>& code_lists,
                          GazetteerOptions options = {});

class NamePlacer {
 public:
  // Throws peta::Error on a bad code-list file.
  NamePlacer(const Boundaries& boundaries, const std::vector<std::string>& code_lists, GazetteerOptions options = {});

  // Thread-safe. Empty texts mean "not given".
  NamePlacement place(std::string_view desa_name, std::string_view kecamatan, std::string_view desa_code,
                      std::string_view kabupaten = {}) const;
  // A point inside desa `d`, EPSG:4326.
  const Coord& anchor(int d) const { return anchors_[static_cast<std::size_t>(d)]; }
  const Gazetteer& gazetteer() const { return gazetteer_; }

 private:
  const Boundaries& b_;
  Gazetteer gazetteer_;
  std::vector<int> to_desa_;  // gazetteer desa index -> Boundaries desa index
  std::vector<Coord> anchors_;
};

}  // namespace peta
