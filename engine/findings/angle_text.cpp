#include "findings/angle_text.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>

#include "core/error.hpp"

namespace peta {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Length of the space at text[i] (space, tab, CR/LF, no-break space U+00A0), 0 if none.
std::size_t space_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  char c = s[i];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
  if (s.compare(i, 2, "\xC2\xA0") == 0) return 2;
  return 0;
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (std::size_t n = space_at(s, i)) i += n;
  return i;
}

// The unit symbol at text[i]: returns its place (0 degree, 1 minute, 2 second) and sets `length`; -1 if none.
int unit_at(std::string_view s, std::size_t i, std::size_t& length) {
  struct Symbol { const char* text; int place; };
  // Longest first: two apostrophes (or primes) are seconds, one is minutes.
  static constexpr std::array<Symbol, 15> symbols{{
      {"''", 2}, {"\xE2\x80\xB2\xE2\x80\xB2", 2}, {"\xE2\x80\x99\xE2\x80\x99", 2},
      {"\xC2\xB0", 0}, {"\xC2\xBA", 0}, {"\xCB\x9A", 0},                        // ° º ˚
      {"'", 1}, {"\xE2\x80\xB2", 1}, {"\xE2\x80\x99", 1}, {"\xE2\x80\x98", 1},  // ' ′ ’ ‘
      {"\xC2\xB4", 1}, {"`", 1},                                               // ´ `
      {"\"", 2}, {"\xE2\x80\xB3", 2}, {"\xE2\x80\x9D", 2},                      // " ″ ”
  }};
  for (const auto& sym : symbols) {
    std::size_t n = std::strlen(sym.text);
    if (s.compare(i, n, sym.text) == 0) { length = n; return sym.place; }
  }
  if (s.compare(i, 3, "\xE2\x80\x9C") == 0) { length = 3; return 2; }  // “ typed for a second
  return -1;
}

// Length of a minus or plus sign at text[i] (ASCII or U+2212), 0 if none; `negative` says which.
std::size_t sign_at(std::string_view s, std::size_t i, bool& negative) {
  if (i >= s.size()) return 0;
  if (s[i] == '-' || s[i] == '+') { negative = s[i] == '-'; return 1; }
  if (s.compare(i, 3, "\xE2\x88\x92") == 0) { negative = true; return 3; }
  return 0;
}

Hemisphere hemisphere_of_word(std::string_view w) {
  if (w == "n" || w == "u" || w == "lu" || w == "north" || w == "utara") return Hemisphere::north;
  if (w == "s" || w == "ls" || w == "south" || w == "selatan") return Hemisphere::south;
  if (w == "e" || w == "t" || w == "bt" || w == "east" || w == "timur") return Hemisphere::east;
  if (w == "w" || w == "b" || w == "bb" || w == "west" || w == "barat") return Hemisphere::west;
  return Hemisphere::none;
}

// A word of ASCII letters at text[i], lower-cased; "lintang"/"bujur" take the following word with them.
std::size_t word_at(std::string_view s, std::size_t i, std::string& word) {
  std::size_t j = i;
  word.clear();
  while (j < s.size() && is_alpha(s[j])) word += lower(s[j++]);
  if (j < s.size() && s[j] == '.') ++j;  // "L.S." style abbreviations are not expected, a trailing dot is
  if (word == "lintang" || word == "bujur") {
    std::size_t k = skip_spaces(s, j);
    std::string next;
    while (k < s.size() && is_alpha(s[k])) next += lower(s[k++]);
    if (!next.empty()) { word = next; j = k; }
  }
  return j - i;
}

bool is_separator(char c) { return c == ',' || c == ';' || c == '/' || c == '|'; }

struct Component {
  double value = 0;
  int place = 0;
  bool fraction = false;
  std::string_view text;
};

// Lexes an unsigned number at text[i]: digits, then at most one '.' or ',' followed by digits.
std::size_t number_at(std::string_view s, std::size_t i, Component& c) {
  std::size_t j = i;
  while (j < s.size() && is_digit(s[j])) ++j;
  if (j == i) return 0;
  c.fraction = false;
  if (j + 1 < s.size() && (s[j] == '.' || s[j] == ',') && is_digit(s[j + 1])) {
    c.fraction = true;
    ++j;
    while (j < s.size() && is_digit(s[j])) ++j;
  }
  char buffer[64];
  std::size_t n = j - i;
  if (n >= sizeof buffer) return 0;
  std::memcpy(buffer, s.data() + i, n);
  for (std::size_t k = 0; k < n; ++k)
    if (buffer[k] == ',') buffer[k] = '.';
  auto r = std::from_chars(buffer, buffer + n, c.value);
  if (r.ec != std::errc() || r.ptr != buffer + n) return 0;
  c.text = s.substr(i, n);
  return n;
}

AngleText fail(std::string message) {
  AngleText a;
  a.error = std::move(message);
  return a;
}

AngleText parse_angle_impl(std::string_view s, bool whole, std::size_t& consumed) {
  Hemisphere prefix = Hemisphere::none, suffix = Hemisphere::none;
  bool has_sign = false, negative = false;
  std::array<Component, 3> parts{};
  int count = 0;
  bool any_unit = false;
  std::size_t i = skip_spaces(s, 0);
  std::size_t end_of_angle = i;  // just after the last token that belongs to this angle
  std::string word;

  while (true) {
    i = skip_spaces(s, i);
    if (i >= s.size()) break;
    char c = s[i];
    if (is_alpha(c)) {
      std::size_t n = word_at(s, i, word);
      Hemisphere h = hemisphere_of_word(word);
      if (h == Hemisphere::none) {
        if (!whole && count > 0) break;
        return fail("unexpected " + quote(s.substr(i, n)));
      }
      if (count == 0) {
        if (prefix != Hemisphere::none) return fail("two hemispheres in " + quote(s));
        prefix = h;
        i += n;
        end_of_angle = i;
        continue;
      }
      if (prefix != Hemisphere::none) break;  // the next angle's prefix (or, for a whole cell, an error below)
      suffix = h;
      i += n;
      end_of_angle = i;
      break;
    }
    bool neg = false;
    std::size_t sign_len = sign_at(s, i, neg);
    std::size_t j = i + sign_len;
    if (sign_len || is_digit(c)) {
      if (sign_len && count > 0) break;  // a signed number starts the next angle
      Component part;
      std::size_t n = number_at(s, j, part);
      if (n == 0) return fail("unexpected " + quote(s.substr(i)));
      std::size_t k = skip_spaces(s, j + n);
      std::size_t unit_len = 0;
      int unit = unit_at(s, k, unit_len);
      if (count > 0) {
        const Component& last = parts[static_cast<std::size_t>(count - 1)];
        if (unit >= 0 && unit <= last.place) break;
        if (!whole && (last.fraction || last.place == 2 || (unit < 0 && part.value >= 60))) break;
      }
      part.place = unit >= 0 ? unit : (count == 0 ? 0 : parts[static_cast<std::size_t>(count - 1)].place + 1);
      if (part.place > 2) return fail("too many numbers in " + quote(s));
      if (count == 0 && part.place != 0) return fail("minutes or seconds without degrees in " + quote(s));
      if (sign_len) { has_sign = true; negative = neg; }
      parts[static_cast<std::size_t>(count++)] = part;
      any_unit = any_unit || unit >= 0;
      i = unit >= 0 ? k + unit_len : j + n;
      end_of_angle = i;
      continue;
    }
    std::size_t unit_len = 0;
    if (unit_at(s, i, unit_len) >= 0) return fail("a unit without a number in " + quote(s));
    if (is_separator(c)) {
      if (!whole && count > 0) break;
      return fail("unexpected " + quote(s.substr(i, 1)) + " in " + quote(s));
    }
    return fail("unexpected " + quote(s.substr(i)) + " in " + quote(s));
  }

  consumed = end_of_angle;
  if (whole && skip_spaces(s, end_of_angle) < s.size())
    return fail("unexpected " + quote(trim_spaces(s.substr(end_of_angle))) + " after an angle in " + quote(s));
  if (count == 0) return fail("no number in " + quote(s));
  for (int k = 0; k + 1 < count; ++k)
    if (parts[static_cast<std::size_t>(k)].fraction)
      return fail("only the last number may have a fraction in " + quote(s));
  double degrees = 0;
  for (int k = 0; k < count; ++k) {
    const Component& p = parts[static_cast<std::size_t>(k)];
    if (p.place > 0 && p.value >= 60)
      return fail(std::string(p.place == 1 ? "minutes " : "seconds ") + quote(p.text) + " not below 60 in " + quote(s));
    degrees += p.value / (p.place == 0 ? 1 : p.place == 1 ? 60 : 3600);
  }
  Hemisphere h = prefix != Hemisphere::none ? prefix : suffix;
  bool south_or_west = h == Hemisphere::south || h == Hemisphere::west;
  bool north_or_east = h == Hemisphere::north || h == Hemisphere::east;
  if (has_sign && negative && north_or_east)
    return fail(std::string("a minus sign contradicts hemisphere ") + hemisphere_name(h) + " in " + quote(s));
  AngleText a;
  a.ok = true;
  a.value = (negative || south_or_west) ? -degrees : degrees;
  a.hemisphere = h;
  a.explicit_sign = has_sign;
  a.plain_number = count == 1 && !any_unit && h == Hemisphere::none;
  return a;
}

}  // namespace

std::string_view trim_spaces(std::string_view text) {
  std::size_t b = skip_spaces(text, 0);
  std::size_t e = text.size();
  while (e > b) {
    if (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r' || text[e - 1] == '\n') --e;
    else if (e - b >= 2 && text.compare(e - 2, 2, "\xC2\xA0") == 0) e -= 2;
    else break;
  }
  return text.substr(b, e - b);
}

std::optional<double> parse_plain_decimal(std::string_view text) {
  double v = 0;
  const char* first = text.data();
  const char* last = first + text.size();
  auto r = std::from_chars(first, last, v);
  if (r.ec == std::errc() && r.ptr == last) {
    if (!std::isfinite(v)) return std::nullopt;
    return v;
  }
  // A comma as decimal separator: exactly one, no dot.
  if (text.size() >= 64 || text.find('.') != std::string_view::npos) return std::nullopt;
  std::size_t comma = text.find(',');
  if (comma == std::string_view::npos || text.find(',', comma + 1) != std::string_view::npos) return std::nullopt;
  char buffer[64];
  std::memcpy(buffer, first, text.size());
  buffer[comma] = '.';
  r = std::from_chars(buffer, buffer + text.size(), v);
  if (r.ec != std::errc() || r.ptr != buffer + text.size() || !std::isfinite(v)) return std::nullopt;
  // "7," or ",5" are not numbers we accept.
  if (comma == 0 || comma + 1 == text.size() || !is_digit(text[comma - 1]) || !is_digit(text[comma + 1]))
    return std::nullopt;
  return v;
}

AngleText parse_angle(std::string_view text) {
  std::size_t consumed = 0;
  return parse_angle_impl(text, true, consumed);
}

AngleText parse_angle_prefix(std::string_view text, std::size_t& consumed) {
  consumed = 0;
  return parse_angle_impl(text, false, consumed);
}

const char* hemisphere_name(Hemisphere h) {
  switch (h) {
    case Hemisphere::north: return "N";
    case Hemisphere::south: return "S";
    case Hemisphere::east: return "E";
    case Hemisphere::west: return "W";
    default: return "";
  }
}

}  // namespace peta
