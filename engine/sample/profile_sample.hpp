#pragma once
// Synthetic desa profile tables for the example, made by peta (no third-party data), deterministic for a seed:
//   profile_sample_csv: kode_desa (dotted for half the desa, digits only for the other half), nama_desa,
//     penduduk (Indonesian thousands dots for some rows: "4.523"), status_idm (Sangat Tertinggal .. Mandiri, from the
//     score by the IDM thresholds 0,4907 / 0,5989 / 0,7072 / 0,8155), skor_idm (decimal comma), jumlah_sd,
//     jumlah_posyandu; every third desa of the last kecamatan left out (listed as without a value); then the
//     deliberately bad rows: a second row for the first desa (desa_ganda), a code no desa has
//     (desa_code_unknown), an empty code (kunci_kosong), a population that is no number (nilai_tidak_valid).
//   bumdes_sample_csv: by name (desa, kecamatan): bumdes (aktif / tidak aktif / belum ada) and unit_usaha, for every
//     second desa; plus a name no desa has (desa_not_found) and a duplicated desa name given without its kecamatan
//     (desa_ambiguous), when the boundaries have one.
// The IDM status is the category of the score, as the Indeks Desa Membangun defines its classes.
#include <cstdint>
#include <string>

#include "core/admin_unit.hpp"

namespace peta {

std::string profile_sample_csv(const Boundaries& b, std::uint64_t seed);
std::string bumdes_sample_csv(const Boundaries& b, std::uint64_t seed);

// "Sangat Tertinggal" (<= 0,4907), "Tertinggal" (<= 0,5989), "Berkembang" (<= 0,7072), "Maju" (<= 0,8155), "Mandiri".
const char* idm_status(double score);

}  // namespace peta
