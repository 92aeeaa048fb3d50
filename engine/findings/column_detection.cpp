#include "findings/column_detection.hpp"

#include <algorithm>
#include <cctype>

#include "core/error.hpp"

namespace peta {
namespace {

std::string key(const std::string& s) {
  std::string out;
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int find(const std::vector<std::string>& header, const std::string& name) {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (key(header[i]) == key(name)) return static_cast<int>(i);
  return -1;
}

int detect(const std::vector<std::string>& header, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (int i = find(header, n); i >= 0) return i;
  return -1;
}

int resolve(const std::string& wanted, std::initializer_list<const char*> usual, const std::vector<std::string>& header,
            const std::string& file, const char* role, bool required) {
  if (!wanted.empty()) {
    int i = find(header, wanted);
    if (i < 0) throw Error(file + ": column '" + wanted + "' (" + role + ") is not in the header");
    return i;
  }
  int i = detect(header, usual);
  if (i < 0 && required) {
    std::string tried;
    for (const char* n : usual) tried += (tried.empty() ? "" : ", ") + std::string(n);
    throw Error(file + ": no " + role + " column found (looked for " + tried + "); name it in the project file");
  }
  return i;
}

}  // namespace

ColumnIndexes resolve_columns(const FindingColumns& wanted, const std::vector<std::string>& header,
                              const std::string& file) {
  ColumnIndexes c;
  c.lon = resolve(wanted.lon, {"lon", "lng", "long", "longitude", "bujur", "x"}, header, file, "longitude", true);
  c.lat = resolve(wanted.lat, {"lat", "latitude", "lintang", "y"}, header, file, "latitude", true);
  c.category = resolve(wanted.category, {"kategori", "category", "jenis_masalah", "masalah"}, header, file, "category", true);
  c.id = resolve(wanted.id, {"id", "no", "nomor", "kode_temuan"}, header, file, "id", false);
  return c;
}

}  // namespace peta
