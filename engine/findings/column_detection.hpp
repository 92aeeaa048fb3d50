#pragma once
// Which column holds what: the usual names officers use, or what the project file says.
#include <string>
#include <vector>

namespace peta {

struct FindingColumns {
  std::string id;        // empty: detect (id, no, nomor, kode_temuan), else none
  std::string lon;       // empty: detect (lon, lng, long, longitude, bujur, x)
  std::string lat;       // empty: detect (lat, latitude, lintang, y)
  std::string category;  // empty: detect (kategori, category, jenis_masalah, masalah)
};

// Column indexes resolved against a header. -1 when absent (only id may be absent).
struct ColumnIndexes {
  int id = -1, lon = -1, lat = -1, category = -1;
};

// Throws peta::Error naming the file and the column when a required one is missing.
ColumnIndexes resolve_columns(const FindingColumns& wanted, const std::vector<std::string>& header,
                              const std::string& file);

}  // namespace peta
