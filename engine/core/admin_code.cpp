#include "core/admin_code.hpp"

#include <cctype>

namespace peta {

std::optional<AdminCode> AdminCode::parse(std::string_view text) {
  std::string digits;
  for (char ch : text) {
    if (std::isdigit(static_cast<unsigned char>(ch))) digits += ch;
    else if (ch == '.' || ch == ' ' || ch == '-' || ch == '_' || ch == '\t') continue;
    else return std::nullopt;
  }
  AdminLevel level;
  switch (digits.size()) {
    case 2: level = AdminLevel::provinsi; break;
    case 4: level = AdminLevel::kabupaten; break;
    case 6: level = AdminLevel::kecamatan; break;
    case 10: level = AdminLevel::desa; break;
    default: return std::nullopt;
  }
  // Appended piece by piece: `"." + digits.substr(..)` trips GCC 12's -Wrestrict false positive (GCC bug 105329).
  std::string dotted = digits.substr(0, 2);
  if (digits.size() >= 4) dotted.append(".").append(digits, 2, 2);
  if (digits.size() >= 6) dotted.append(".").append(digits, 4, 2);
  if (digits.size() == 10) {
    if (digits[6] != '1' && digits[6] != '2') return std::nullopt;
    dotted.append(".").append(digits, 6, 4);
  }
  return AdminCode(level, std::move(dotted));
}

std::string AdminCode::digits() const {
  std::string d;
  for (char ch : dotted_)
    if (ch != '.') d += ch;
  return d;
}

AdminCode AdminCode::at(AdminLevel level) const {
  static constexpr std::size_t lengths[] = {0, 2, 5, 8, 13};
  auto n = lengths[static_cast<int>(level)];
  if (static_cast<int>(level) >= static_cast<int>(level_)) return *this;
  return AdminCode(level, dotted_.substr(0, n));
}

std::optional<AdminCode> AdminCode::parent() const {
  if (level_ == AdminLevel::provinsi) return std::nullopt;
  return at(static_cast<AdminLevel>(static_cast<int>(level_) - 1));
}

}  // namespace peta
