#pragma once
// Which counts of sensitive categories the public profile withholds (UU 27/2022: children's health data is
// specific personal data), at desa and kecamatan level.
//   - below k: a count under k, zero included;
//   - complementary: a kecamatan count that is published, minus the published counts of its desa, gives the
//     sum of its withheld desa counts. That sum must not pin them down: when one desa alone is withheld, or
//     the withheld ones add up to less than k (a sum of 0 would show every one of them to be 0), the smallest
//     published desa count of the kecamatan is withheld too.
// Non-sensitive categories are never withheld.
#include <cstdint>
#include <span>
#include <vector>

#include "aggregate/category_taxonomy.hpp"
#include "aggregate/unit_counts.hpp"
#include "core/admin_unit.hpp"

namespace peta {

enum class Withheld : std::uint8_t { no = 0, below_k = 1, complementary = 2 };

class Suppression {
 public:
  Suppression() = default;  // withholds nothing (internal profile)
  Suppression(const Boundaries& b, const UnitCounts& counts, const CategoryTaxonomy& taxonomy, int k);

  // Per category of the taxonomy, for one desa or kecamatan; empty when nothing is withheld anywhere.
  std::span<const Withheld> desa(std::size_t d) const { return row(desa_, d); }
  std::span<const Withheld> kecamatan(std::size_t k) const { return row(kecamatan_, k); }
  std::size_t withheld_desa_count(Withheld why) const;

  // A category's desa counts as statistics that look beyond one desa (Gi*, Local Moran, the global rate of
  // EB) may see them: every withheld count reads as (k - 1) / 2, the middle of what a count below k can be,
  // so that no published value carries a withheld one. With nothing withheld, the counts themselves.
  std::vector<double> visible_desa_counts(const UnitCounts& counts, std::size_t category) const;

 private:
  std::span<const Withheld> row(const std::vector<Withheld>& v, std::size_t i) const {
    if (v.empty()) return {};
    return {v.data() + i * categories_, categories_};
  }

  std::size_t categories_ = 0;
  int k_ = 0;
  std::vector<Withheld> desa_, kecamatan_;  // [unit * categories_ + category]
};

}  // namespace peta
