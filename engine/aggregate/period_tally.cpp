#include "aggregate/period_tally.hpp"

#include <string>

namespace peta {

void PeriodTally::add(int desa, int category, Date date) {
  const auto period = static_cast<std::uint32_t>(period_of(kind_, date));
  // desa: 20 bits (a million desa), category + 1: 12 bits, period: 32 bits.
  const std::uint64_t key = (static_cast<std::uint64_t>(desa) << 44) | (static_cast<std::uint64_t>(category + 1) << 32) | period;
  ++cells_[key];
}

void PeriodTally::flush_into(PeriodCounts& counts, const PublicationPolicy& policy) const {
  static const std::string kOther = "lainnya";
  for (const auto& [key, n] : cells_) {
    const int desa = static_cast<int>(key >> 44);
    const int category = static_cast<int>((key >> 32) & 0xfff) - 1;
    const int period = static_cast<int>(static_cast<std::int32_t>(key & 0xffffffffu));
    counts.add(desa, period, category >= 0 ? policy.code(category) : kOther, n);
  }
}

}  // namespace peta
