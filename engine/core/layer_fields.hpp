#pragma once
// The names of the fields of the layers peta writes (desa, kecamatan, kabupaten, temuan, and the store's status
// fields), in one place: the layer schemas (output/peta_layers.cpp, output/status_fields.cpp) are declared with
// these names, and every module that reads a layer back (query, report, render, styles, statistics, the web map's
// data) looks its fields up by them, so a name is spelled once.
#include <string>
#include <string_view>

namespace peta::layer_field {

// Identity of a desa, kecamatan or kabupaten feature.
inline constexpr const char* kode = "kode";
inline constexpr const char* nama = "nama";
inline constexpr const char* jenis = "jenis";         // desa or kelurahan
inline constexpr const char* kode_kec = "kode_kec";   // the desa's kecamatan
inline constexpr const char* nama_kec = "nama_kec";
inline constexpr const char* luas_km2 = "luas_km2";   // area, km² in UTM 49S
inline constexpr const char* n_desa = "n_desa";       // villages in a kecamatan or kabupaten
inline constexpr const char* n_kecamatan = "n_kecamatan";

// Counts of findings.
inline constexpr const char* n_total = "n_total";      // all categories (public profile: sensitive ones left out)
inline constexpr const char* n_lainnya = "n_lainnya";  // findings of a category the taxonomy does not know
inline constexpr std::string_view count_prefix = "n_";
// n_<code>: the findings of one category.
inline std::string count_of(std::string_view category) {
  std::string name(count_prefix);
  name += category;
  return name;
}
inline constexpr const char* panjang_m = "panjang_m";  // length of line findings (damaged road), m

// Per-category statistics of the desa layer (hotspots): <prefix><code>.
inline constexpr std::string_view rate_prefix = "rate_";
inline constexpr std::string_view eb_prefix = "eb_";
inline std::string rate_of(std::string_view category) { return std::string(rate_prefix) + std::string(category); }
inline std::string eb_of(std::string_view category) { return std::string(eb_prefix) + std::string(category); }

// The life of a problem, from the findings store (output/status_fields.hpp).
inline constexpr const char* n_terbuka = "n_terbuka";
inline constexpr const char* n_selesai = "n_selesai";
inline constexpr const char* persen_selesai = "persen_selesai";
inline constexpr const char* umur_median_hari = "umur_median_hari";
inline constexpr const char* n_lewat_target = "n_lewat_target";

}  // namespace peta::layer_field
