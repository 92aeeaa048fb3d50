#include "core/admin_unit.hpp"

#include <algorithm>

namespace peta {
namespace {
int find_sorted(const std::vector<AdminUnit>& units, const AdminCode& code) {
  auto it = std::lower_bound(units.begin(), units.end(), code,
                             [](const AdminUnit& u, const AdminCode& c) { return u.code < c; });
  return (it != units.end() && it->code == code) ? static_cast<int>(it - units.begin()) : -1;
}
}  // namespace

int Boundaries::find_desa(const AdminCode& code) const { return find_sorted(desa, code); }
int Boundaries::find_kecamatan(const AdminCode& code) const { return find_sorted(kecamatan, code); }

const AdminUnit& Boundaries::kecamatan_at(int index) const {
  static const AdminUnit kNone{AdminCode::none(), "", "", {}, 0};
  return index < 0 ? kNone : kecamatan[static_cast<std::size_t>(index)];
}

}  // namespace peta
