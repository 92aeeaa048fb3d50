#pragma once
// Reader for the official code list in the form of shared/data/probolinggo/wilayah_3513.csv:
//   kode,nama,level,jenis,kode_kec,nama_kec,nama_lama,lat,lng
// UTF-8, comma-separated, one header row, RFC 4180 quoting. kode, nama and level are required columns,
// the others optional; nama_lama holds older spellings separated by ';'.
// A malformed row throws peta::Error naming the file, the row (header = row 1) and the field: this is a
// small trusted reference file, so a bad row means a bad file.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/admin_code.hpp"
#include "core/geometry.hpp"

namespace peta {

struct WilayahRow {
  std::int64_t row = 0;  // row number in the file, header = 1
  AdminCode code;
  std::string name;
  std::string level;     // "provinsi", "kabupaten", "kecamatan" or "desa_kelurahan"
  std::string jenis;     // "desa" / "kelurahan" for desa rows
  std::string kecamatan_name;
  std::vector<std::string> old_names;
  std::optional<Coord> centroid;  // lng/lat when both are given
};

std::vector<WilayahRow> read_wilayah_csv(const std::string& path);
// The same from text in memory; `file` names it in error messages.
std::vector<WilayahRow> parse_wilayah_csv(std::string_view text, const std::string& file);

}  // namespace peta
