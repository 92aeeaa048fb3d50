#include "core/csv_quote.hpp"

namespace peta {

std::string csv_quote(const std::string& field) {
  if (field.find_first_of(",;\"\n\r") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace peta
