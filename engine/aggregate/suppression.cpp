#include "aggregate/suppression.hpp"

#include <algorithm>

namespace peta {

Suppression::Suppression(const Boundaries& b, const UnitCounts& counts, const CategoryTaxonomy& taxonomy, int k)
    : categories_(taxonomy.size()),
      k_(k),
      desa_(b.desa.size() * taxonomy.size(), Withheld::no),
      kecamatan_(b.kecamatan.size() * taxonomy.size(), Withheld::no) {
  std::vector<std::vector<std::size_t>> members(b.kecamatan.size());
  for (std::size_t d = 0; d < b.desa.size(); ++d)
    if (b.desa_kecamatan[d] >= 0) members[static_cast<std::size_t>(b.desa_kecamatan[d])].push_back(d);
  for (std::size_t c = 0; c < categories_; ++c) {
    if (!taxonomy.categories()[c].sensitive) continue;
    for (std::size_t d = 0; d < b.desa.size(); ++d)
      if (counts.desa(d, c) < k) desa_[d * categories_ + c] = Withheld::below_k;
    for (std::size_t kec = 0; kec < members.size(); ++kec) {
      std::int64_t total = 0, withheld_sum = 0;
      std::size_t withheld = 0;
      for (std::size_t d : members[kec]) {
        total += counts.desa(d, c);
        if (desa_[d * categories_ + c] != Withheld::no) ++withheld, withheld_sum += counts.desa(d, c);
      }
      if (total < k) {
        kecamatan_[kec * categories_ + c] = Withheld::below_k;  // and so is every one of its desa
        continue;
      }
      if (withheld == 0 || (withheld >= 2 && withheld_sum >= k)) continue;
      // The smallest published count (the first by code on a tie) covers the withheld ones: with it they are
      // at least two, and their sum is at least k.
      std::size_t cover = members[kec].size();
      for (std::size_t m = 0; m < members[kec].size(); ++m) {
        std::size_t d = members[kec][m];
        if (desa_[d * categories_ + c] != Withheld::no) continue;
        if (cover == members[kec].size() || counts.desa(d, c) < counts.desa(members[kec][cover], c)) cover = m;
      }
      if (cover < members[kec].size()) desa_[members[kec][cover] * categories_ + c] = Withheld::complementary;
    }
  }
}

std::size_t Suppression::withheld_desa_count(Withheld why) const {
  return static_cast<std::size_t>(std::count(desa_.begin(), desa_.end(), why));
}

std::vector<double> Suppression::visible_desa_counts(const UnitCounts& counts, std::size_t category) const {
  const double fill = (k_ - 1) / 2.0;
  std::vector<double> out;
  for (std::size_t d = 0; d < counts.desa_count(); ++d) {
    const bool withheld = !desa_.empty() && desa_[d * categories_ + category] != Withheld::no;
    out.push_back(withheld ? fill : static_cast<double>(counts.desa(d, category)));
  }
  return out;
}

}  // namespace peta
