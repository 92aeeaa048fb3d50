#pragma once
// Administrative units and the desa -> kecamatan -> kabupaten hierarchy that the boundaries stage builds.
#include <optional>
#include <string>
#include <vector>

#include "core/admin_code.hpp"
#include "core/geometry.hpp"

namespace peta {

struct AdminUnit {
  AdminCode code;
  std::string name;
  std::string jenis;      // "desa" or "kelurahan" for desa-level units, empty above
  MultiPolygon geometry;  // EPSG:4326, longitude/latitude
  double area_km2 = 0;    // computed in EPSG:32749
};

// Every level sorted by code. desa_kecamatan[i] is the index in `kecamatan` of desa[i]'s kecamatan, or -1 for an
// orphan desa: its kecamatan is in no kecamatan layer (the loader reports it and never invents a kecamatan for
// it when a kecamatan layer was given). Such a desa is counted on its own but in no kecamatan.
struct Boundaries {
  std::vector<AdminUnit> kabupaten;
  std::vector<AdminUnit> kecamatan;
  std::vector<AdminUnit> desa;
  std::vector<int> desa_kecamatan;
  std::vector<int> kecamatan_kabupaten;  // index in `kabupaten`, or -1 when that level was not given

  // The kecamatan of a desa; an empty unit (no code, no name) for an orphan desa.
  const AdminUnit& kecamatan_of(std::size_t desa_index) const { return kecamatan_at(desa_kecamatan[desa_index]); }
  // kecamatan[index], or an empty unit for -1.
  const AdminUnit& kecamatan_at(int index) const;
  // Index of a unit by code at its level, or -1.
  int find_desa(const AdminCode& code) const;
  int find_kecamatan(const AdminCode& code) const;
};

}  // namespace peta
