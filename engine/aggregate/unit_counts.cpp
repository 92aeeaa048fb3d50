#include "aggregate/unit_counts.hpp"

namespace peta {

std::vector<std::vector<std::int64_t>> UnitCounts::by_kecamatan(const Boundaries& b) const {
  std::vector<std::vector<std::int64_t>> out(b.kecamatan.size(), std::vector<std::int64_t>(categories_ + 1, 0));
  for (std::size_t d = 0; d < b.desa.size(); ++d) {
    if (b.desa_kecamatan[d] < 0) continue;  // an orphan desa is in no kecamatan
    auto& row = out[static_cast<std::size_t>(b.desa_kecamatan[d])];
    for (std::size_t c = 0; c <= categories_; ++c) row[c] += desa(d, c);
  }
  return out;
}

}  // namespace peta
