#pragma once
// Gazetteers of the real lists for the geocode tests: Kabupaten Probolinggo's official list (the example
// project's), the same told every other East Java village as an outside name, and all of East Java as the region.
#include <algorithm>
#include <string>
#include <vector>

#include "geocode/code_list.hpp"
#include "geocode/name_placer.hpp"
#include "test_support.hpp"

namespace peta::test {

// Boundaries without geometry, from a code list: what the gazetteer needs of them.
inline Boundaries boundaries_of(const std::vector<WilayahRow>& rows) {
  Boundaries b;
  std::vector<const WilayahRow*> sorted;
  for (const auto& r : rows) sorted.push_back(&r);
  std::sort(sorted.begin(), sorted.end(), [](auto* x, auto* y) { return x->code < y->code; });
  for (const auto* r : sorted) {
    if (r->code.level() == AdminLevel::kabupaten) b.kabupaten.push_back({r->code, r->name, "", {}, 0});
    if (r->code.level() == AdminLevel::kecamatan) b.kecamatan.push_back({r->code, r->name, "", {}, 0});
    if (r->code.level() == AdminLevel::desa) b.desa.push_back({r->code, r->name, r->jenis, {}, 0});
  }
  for (const auto& k : b.kecamatan) {
    int kab = -1;
    for (std::size_t i = 0; i < b.kabupaten.size(); ++i)
      if (b.kabupaten[i].code == k.code.at(AdminLevel::kabupaten)) kab = static_cast<int>(i);
    b.kecamatan_kabupaten.push_back(kab);
  }
  for (const auto& d : b.desa) b.desa_kecamatan.push_back(b.find_kecamatan(*d.code.parent()));
  return b;
}

inline const std::string& probolinggo_code_list() {
  static const std::string path = data("probolinggo/wilayah_3513.csv");
  return path;
}
inline const std::string& jatim_layer() {
  static const std::string path = data("jatim/desa.gpkg");
  return path;
}
inline const std::vector<WilayahRow>& jatim_rows() {
  static const auto rows = read_code_list(jatim_layer());
  return rows;
}
inline const Boundaries& probolinggo_without_geometry() {
  static const Boundaries b = boundaries_of(read_code_list(probolinggo_code_list()));
  return b;
}
// Kabupaten Probolinggo with its official list: the gazetteer of the example project.
inline const Gazetteer& regency_gazetteer() {
  static const Gazetteer g = build_gazetteer(probolinggo_without_geometry(), {probolinggo_code_list()});
  return g;
}
// The same, told the names of all of East Java: every other desa and kelurahan is an outside name.
inline const Gazetteer& regency_gazetteer_with_neighbours() {
  static const Gazetteer g =
      build_gazetteer(probolinggo_without_geometry(), {probolinggo_code_list(), jatim_layer()});
  return g;
}
// Province scale: all 8,494 desa of East Java are the region.
inline const Gazetteer& province_gazetteer() {
  static const Boundaries b = boundaries_of(jatim_rows());
  static const Gazetteer g = build_gazetteer(b, {});
  return g;
}

}  // namespace peta::test
