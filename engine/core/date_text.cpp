#include "core/date_text.hpp"

#include <cctype>
#include <cstdio>

namespace peta {
namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

std::optional<int> checked(int y, int m, int d) {
  static constexpr int kDays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return std::nullopt;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m == 2 && d == 29 && !leap) return std::nullopt;
  return y * 10000 + m * 100 + d;
}

bool separator(char c) { return c == '-' || c == '/'; }

}  // namespace

std::optional<int> parse_date(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  int a = 0, b = 0, c = 0;
  if (s.size() >= 10 && digits(s, 0, 4, a) && separator(s[4]) && digits(s, 5, 2, b) && s[7] == s[4] &&
      digits(s, 8, 2, c) && (s.size() == 10 || s[10] == 'T' || s[10] == ' '))
    return checked(a, b, c);
  if (s.size() == 10 && digits(s, 0, 2, a) && separator(s[2]) && digits(s, 3, 2, b) && s[5] == s[2] &&
      digits(s, 6, 4, c))
    return checked(c, b, a);
  return std::nullopt;
}

std::string format_date(int v) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", v / 10000, (v / 100) % 100, v % 100);
  return text;
}

}  // namespace peta
