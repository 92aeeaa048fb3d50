#include "boundaries/unit_dissolve.hpp"

#include "boundaries/polygon_ops.hpp"
#include "core/crs.hpp"
#include "core/parallel.hpp"

namespace peta {

std::vector<AdminUnit> dissolve_kecamatan(const std::vector<AdminUnit>& desa, const std::map<std::string, std::string>& names,
                                          const std::vector<std::string>& codes) {
  std::vector<AdminUnit> out;
  for (const auto& kec : codes) out.push_back({*AdminCode::parse(kec), names.count(kec) ? names.at(kec) : std::string(), {}, {}, 0});
  std::map<std::string, std::vector<const MultiPolygon*>> pieces_of;
  for (const auto& d : desa) pieces_of[d.code.at(AdminLevel::kecamatan).dotted()].push_back(&d.geometry);
  parallel_for(out.size(), thread_count(), [&](std::size_t k) {
    const auto& pieces = pieces_of.at(codes[k]);
    out[k].geometry = dissolve(pieces, kDissolveDropHolesKm2);
    out[k].area_km2 = area_km2(out[k].geometry);
  });
  return out;
}

DissolvedOutline dissolve_kabupaten(const Boundaries& b, std::size_t kabupaten) {
  std::vector<const MultiPolygon*> pieces;
  DissolvedOutline out;
  for (std::size_t k = 0; k < b.kecamatan.size(); ++k) {
    if (k >= b.kecamatan_kabupaten.size() || b.kecamatan_kabupaten[k] != static_cast<int>(kabupaten)) continue;
    pieces.push_back(&b.kecamatan[k].geometry);
    out.area_km2 += b.kecamatan[k].area_km2;
  }
  out.geometry = dissolve(pieces, kDissolveDropHolesKm2);
  return out;
}

}  // namespace peta
