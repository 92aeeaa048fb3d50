#pragma once
// Higher units made from lower ones when no layer gives them, in one place: kecamatan dissolved from their desa
// (at load), a kabupaten's outline dissolved from its kecamatan (when the kabupaten layer is written). Both drop
// holes under 1 ha: the sliver gaps between independently simplified neighbours, not enclaves (README
// "Boundaries").
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "core/admin_unit.hpp"

namespace peta {

inline constexpr double kDissolveDropHolesKm2 = 0.01;  // 1 ha

// Kecamatan dissolved from their desa, one for each dotted code in `codes`, named from `names` (dotted code ->
// name; unnamed when absent), with their areas. Every code must be the kecamatan of at least one desa.
std::vector<AdminUnit> dissolve_kecamatan(const std::vector<AdminUnit>& desa, const std::map<std::string, std::string>& names,
                                          const std::vector<std::string>& codes);

// The outline of b.kabupaten[kabupaten] dissolved from its kecamatan, and the sum of their areas (the area a
// kabupaten without a layer of its own is given).
struct DissolvedOutline {
  MultiPolygon geometry;
  double area_km2 = 0;
};
DissolvedOutline dissolve_kabupaten(const Boundaries& b, std::size_t kabupaten);

}  // namespace peta
