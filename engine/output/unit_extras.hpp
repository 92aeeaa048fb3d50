#pragma once
// What the findings add to the desa and kecamatan layers beyond the counts: the length of damaged road
// stretches, and the public profile's protection of sensitive categories (UU 27/2022):
//   - a withheld n_<sensitive> (aggregate/suppression.hpp: below k, or complementary) is written as NULL,
//     never as a number, and s_<short> says why (1 below k, 2 complementary, 0 published), so a suppressed
//     count never reads as 0;
//   - n_total leaves the sensitive categories out, so no suppressed count can be recovered from it;
//   - statistics derived from a suppressed count (fields <prefix>_<code>, e.g. eb_stunting, gi_z_stunting)
//     are NULL too.
// Works on any desa/kecamatan schema that has the count fields (n_total, n_<code>), whatever else it holds.
#include <cstddef>
#include <span>
#include <vector>

#include "aggregate/category_taxonomy.hpp"
#include "aggregate/suppression.hpp"
#include "output/layer.hpp"

namespace peta {

struct UnitExtrasOptions {
  bool public_profile = true;
  int k = 5;
  bool lengths = false;  // add panjang_m (damaged length of line findings, m in EPSG:32749)
};

class UnitExtras {
 public:
  UnitExtras(const CategoryTaxonomy& categories, UnitExtrasOptions options);
  // Appends the extra fields (panjang_m, then s_<short> per sensitive category in the public profile).
  void extend(LayerSchema& schema);
  // For a feature of the extended schema: suppresses what `withheld` (the unit's row of the Suppression,
  // per category; required in the public profile) says, fixes n_total and appends the extra values.
  void apply(Feature& feature, double length_m, std::span<const Withheld> withheld) const;

 private:
  const CategoryTaxonomy& categories_;
  UnitExtrasOptions options_;
  int total_ = -1;
  std::vector<int> sensitive_;  // field indexes of n_<code> of sensitive categories
  std::vector<std::size_t> sensitive_category_;  // their indexes in the taxonomy
  std::vector<std::vector<int>> derived_;  // per sensitive category: fields <prefix>_<code> derived from the count
};

}  // namespace peta
