#pragma once
// The desa profile: every field of the project's profile tables as one value per desa of the boundaries,
// with the accounting of every table row. Built once per run (load_desa_profile) and handed on as a plain
// value: to the layers (profile/profile_layer_fields.hpp), the kecamatan roll-up (profile/profile_aggregation.hpp),
// the problem–potential matrix (profile/problem_potential.hpp) and any statistic (numeric_profile_field).
//
// Joining (profile/profile_join.cpp), per row, in this order of outcomes:
//   key       Kemendagri code (with or without dots), BPS code through the crosswalk, or desa (+ kecamatan)
//             name through the gazetteer (geocode/name_placer.hpp), with the findings' confidence rules;
//             a name placed below the accept confidence joins and is counted `perlu_cek`;
//   rejected  kunci_kosong (no key), desa_code_unknown, kode_bps_tidak_dikenal, desa_not_found,
//             desa_ambiguous, desa_not_in_kecamatan, desa_outside_region (the gazetteer's outcomes),
//             nilai_tidak_valid (a field declared "angka" whose value is no number: the row, field and value
//             named), desa_ganda (a second row for a desa already joined: the first wins);
//   joined    the row's fields become the desa's values.
// rows = joined + rejected for every table; the desa no row reached are listed per table.
// Types: a field is numeric when the project declares it "angka", or when every non-missing value is a
// number (profile/profile_number.hpp: Indonesian decimal commas and thousands dots); integer when every
// value is whole; otherwise text (categorical).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/admin_unit.hpp"
#include "core/rejection_reason.hpp"
#include "profile/profile_settings.hpp"

namespace peta {
class NamePlacer;
}

namespace peta::profile {

enum class FieldKind { integer, real, text };

struct ProfileField {
  std::string name;  // the table's column name: the layer field's name
  std::size_t table = 0;  // index in DesaProfile::tables
  FieldKind kind = FieldKind::text;
  bool sensitive = false;  // listed under "sensitif": left out of the public profile's outputs
  std::vector<std::optional<double>> numbers;     // per desa, numeric kinds
  std::vector<std::optional<std::string>> texts;  // per desa, text
  bool numeric() const { return kind != FieldKind::text; }
};

struct ProfileRejection {
  std::size_t table = 0;
  std::int64_t row = 0;    // spreadsheet row (header = 1)
  std::string field;       // the column at fault
  RejectionReason reason = RejectionReason::key_empty;
  std::string detail;      // Indonesian, then " / " and English
  std::string value;       // the cell at fault
  std::vector<std::string> cells;  // the row as read
};

struct TableAccount {
  std::string path;
  std::vector<std::string> header;
  std::int64_t rows = 0, joined = 0, needs_check = 0, rejected = 0;
  std::map<std::string, std::int64_t> rejected_by_reason;
  std::vector<int> missing;  // desa (index in Boundaries::desa) no row of this table reached
  bool balanced() const { return rows == joined + rejected; }
};

struct DesaProfile {
  std::size_t desa_count = 0;
  std::vector<ProfileField> fields;
  std::vector<TableAccount> tables;
  std::vector<ProfileRejection> rejected;

  bool empty() const { return fields.empty(); }
  const ProfileField* field(const std::string& name) const;  // nullptr when absent
};

// Reads and joins every table. Bad files or settings (a missing column, an unreadable file) throw peta::Error
// naming them; bad rows are rejected, never thrown.
DesaProfile load_desa_profile(const ProfileSettings& settings, const Boundaries& b, const NamePlacer& placer);
// The same with a gazetteer built here from the boundaries and the project's code lists.
DesaProfile load_desa_profile(const ProfileSettings& settings, const Boundaries& b, const std::vector<std::string>& code_lists);

// A numeric profile field as one value per desa, indexed like Boundaries::desa (nullopt: no value). For statistics
// on any indicator. Throws peta::Error when the profile has no such field or it is text.
std::vector<std::optional<double>> numeric_profile_field(const DesaProfile& profile, const std::string& name);

}  // namespace peta::profile
