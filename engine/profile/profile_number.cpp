#include "profile/profile_number.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

namespace peta::profile {
namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view unsigned_part(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  return s;
}

// "1.298.000" -> "1298000" when the dots group by three, else nullopt.
std::optional<std::string> ungrouped(std::string_view whole, char separator) {
  std::string out;
  std::size_t start = 0;
  bool first = true;
  while (true) {
    const std::size_t at = whole.find(separator, start);
    const std::string_view group = whole.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start);
    if (!all_digits(group) || (first ? group.size() > 3 : group.size() != 3)) return std::nullopt;
    out += group;
    first = false;
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return out;
}

}  // namespace

bool is_missing_text(std::string_view t) {
  if (t.empty()) return true;
  std::string s;
  for (char c : t) s += char(std::tolower(static_cast<unsigned char>(c)));
  return s == "-" || s == "n/a" || s == "#n/a" || s == "null" || s == "na" || s == "--";
}

NumberConvention detect_convention(const std::vector<std::string_view>& cells) {
  bool comma = false, decimal_dot = false;
  for (auto c : cells) {
    if (c.find(',') != std::string_view::npos) comma = true;
    const std::string_view u = unsigned_part(c);
    const std::size_t dot = u.find('.');
    if (dot == std::string_view::npos || u.find('.', dot + 1) != std::string_view::npos) continue;
    const std::string_view whole = u.substr(0, dot), fraction = u.substr(dot + 1);
    if (!all_digits(fraction) || (!whole.empty() && !all_digits(whole))) continue;
    if (fraction.size() != 3 || whole.empty() || whole.size() > 3 || whole == "0") decimal_dot = true;
  }
  return !comma && decimal_dot ? NumberConvention::dot_decimal : NumberConvention::indonesian;
}

std::optional<double> parse_number(std::string_view text, NumberConvention convention) {
  if (text.empty()) return std::nullopt;
  const bool negative = text[0] == '-';
  std::string_view u = unsigned_part(text);
  std::string plain;
  if (convention == NumberConvention::dot_decimal) {
    if (u.find(',') != std::string_view::npos) return std::nullopt;
    plain = std::string(u);
  } else {
    const std::size_t comma = u.find(',');
    if (comma != std::string_view::npos && u.find(',', comma + 1) != std::string_view::npos) return std::nullopt;
    const std::string_view whole = u.substr(0, comma), fraction = comma == std::string_view::npos ? "" : u.substr(comma + 1);
    if (comma != std::string_view::npos && !all_digits(fraction)) return std::nullopt;
    std::string digits;
    if (whole.find('.') != std::string_view::npos) {
      auto g = ungrouped(whole, '.');
      if (!g) return std::nullopt;
      digits = *g;
    } else {
      if (!whole.empty() && !all_digits(whole)) return std::nullopt;
      digits = std::string(whole);
    }
    if (digits.empty()) digits.push_back('0');
    if (whole.empty() && fraction.empty()) return std::nullopt;
    // Appends: `"." + std::string(...)` trips GCC 12's -Wrestrict false positive (GCC bug 105329).
    plain = digits;
    if (!fraction.empty()) {
      plain += '.';
      plain += fraction;
    }
  }
  if (plain.empty() || plain == ".") return std::nullopt;
  // from_chars: digits and at most one '.', nothing else (no exponent surprises in a table of counts).
  if (!std::all_of(plain.begin(), plain.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; })) return std::nullopt;
  double v = 0;
  const auto [end, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), v);
  if (ec != std::errc() || end != plain.data() + plain.size() || !std::isfinite(v)) return std::nullopt;
  return negative ? -v : v;
}

}  // namespace peta::profile
