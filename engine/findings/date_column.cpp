#include "findings/date_column.hpp"

#include <cctype>

namespace peta {
namespace {

std::string key(const std::string& name) {
  const auto slash = name.rfind('/');
  std::string out;
  for (char c : slash == std::string::npos ? name : name.substr(slash + 1))
    if (!std::isspace(static_cast<unsigned char>(c))) out += char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

int find_date_column(const std::vector<std::string>& columns, const std::string& named) {
  if (!named.empty()) {
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (key(columns[i]) == key(named)) return int(i);
    return -1;
  }
  for (const char* candidate : {"tanggal", "tgl", "date", "waktu", "today", "start", "_submission_time"})
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (key(columns[i]) == candidate) return int(i);
  return -1;
}

}  // namespace peta
