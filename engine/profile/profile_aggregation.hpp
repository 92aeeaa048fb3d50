#pragma once
// Profile fields rolled up from desa to kecamatan, as the project says per field ("agregasi"):
//   jumlah                         the sum over the kecamatan's desa that have a value (integer stays integer)
//   rata_rata                      the mean over the desa that have a value
//   rata_rata_tertimbang:<field>   sum(w * v) / sum(w) over the desa that have both (e.g. a score weighted by
//                                  population)
//   modus                          the most frequent value (a tie goes to the smallest value, as text or number)
//   tidak                          not on the kecamatan layer
// Without a rule: sum for integer fields (counts), mean for real ones, mode for text. A kecamatan none of whose
// desa has a value gets NULL, never 0. A rule that does not fit the field (jumlah of a text field, a weight
// that is not numeric) throws peta::Error naming "agregasi.<field>".
#include <optional>
#include <string>
#include <vector>

#include "core/admin_unit.hpp"
#include "profile/desa_profile.hpp"

namespace peta::profile {

struct KecamatanField {
  std::string name;
  const ProfileField* source = nullptr;  // the desa field it comes from
  FieldKind kind = FieldKind::text;
  Aggregation rule;  // resolved (never automatic)
  std::vector<std::optional<double>> numbers;     // per kecamatan
  std::vector<std::optional<std::string>> texts;  // per kecamatan
};

// `include(field)` says which desa fields may be aggregated at all (e.g. not the sensitive ones in the public
// profile). In profile field order; fields whose rule is `tidak` are left out.
std::vector<KecamatanField> aggregate_to_kecamatan(const DesaProfile& profile, const ProfileSettings& settings,
                                                   const Boundaries& b, bool public_profile);

// The rule a field gets without one in the project.
Aggregation default_aggregation(const ProfileField& field);

}  // namespace peta::profile
