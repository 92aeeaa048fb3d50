#include "geocode/name_normalizer.hpp"

#include <vector>

namespace peta {
namespace {

char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_alnum_ascii(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

enum class Marker { none, desa, kecamatan, kabupaten };

Marker marker_of(const std::string& lower_word) {
  if (lower_word == "desa" || lower_word == "ds" || lower_word == "kel" || lower_word == "kelurahan")
    return Marker::desa;
  if (lower_word == "kec" || lower_word == "kecamatan") return Marker::kecamatan;
  if (lower_word == "kab" || lower_word == "kabupaten") return Marker::kabupaten;
  return Marker::none;
}

void append_word(std::string& to, const std::string& word) {
  if (!to.empty()) to += ' ';
  to += word;
}

}  // namespace

std::string name_key(std::string_view name) {
  std::string compact;
  compact.reserve(name.size());
  for (char c : name) {
    char l = lower_ascii(c);
    if (is_alnum_ascii(l)) compact += l;
  }
  std::string key;
  key.reserve(compact.size());
  for (std::size_t i = 0; i < compact.size(); ++i) {
    char c = compact[i];
    char next = i + 1 < compact.size() ? compact[i + 1] : '\0';
    if (c == 'o' && next == 'e') { key += 'u'; ++i; }
    else if (c == 'd' && next == 'j') { key += 'y'; ++i; }
    else if (c == 't' && next == 'j') { key += 'c'; ++i; }
    else if (c == 'c' && next == 'h') { key += "kh"; ++i; }
    else if (c == 'j') key += 'y';
    else key += c;
  }
  return key;
}

std::size_t qualifier_start(std::string_view key) {
  // Keys of the qualifiers as name_key() writes them (krajan -> krayan), longest first.
  static constexpr std::string_view kQualifiers[] = {"selatan", "tengah", "krayan", "kidul", "wetan", "kulon",
                                                     "timur",   "barat",  "utara",  "baru",  "lor"};
  for (std::string_view q : kQualifiers)
    if (key.size() >= q.size() + 3 && key.substr(key.size() - q.size()) == q) return key.size() - q.size();
  return key.size();
}

PlaceText split_place_text(std::string_view text) {
  // Words are runs of letters, digits and apostrophes (Remba'an); everything else separates them.
  // A comma is remembered so that "Sumberanom, Sumber" can offer "Sumber" as a possible kecamatan.
  struct Word { std::string text; std::string lower; bool after_comma; };
  std::vector<Word> words;
  std::string current, current_lower;
  bool comma_seen = false, word_after_comma = false;
  auto flush = [&] {
    if (current.empty()) return;
    words.push_back({current, current_lower, word_after_comma});
    current.clear();
    current_lower.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (text.compare(i, 2, "\xC2\xA0") == 0) {  // a no-break space separates like a space
      flush();
      ++i;
      continue;
    }
    char l = lower_ascii(c);
    bool part_of_word = is_alnum_ascii(l) || c == '\'' || static_cast<unsigned char>(c) >= 0x80;
    if (part_of_word) {
      if (current.empty()) word_after_comma = comma_seen;
      current += c;
      current_lower += l;
    } else {
      flush();
      if (c == ',') comma_seen = true;
    }
  }
  flush();

  PlaceText out;
  Marker target = Marker::desa;
  bool any_kecamatan_marker = false;
  for (const auto& w : words)
    if (marker_of(w.lower) == Marker::kecamatan) any_kecamatan_marker = true;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    // "Kota" marks a kota after the desa ("Mayangan, Kota Probolinggo"), not a name's first word.
    Marker m = i > 0 && w.lower == "kota" ? Marker::kabupaten : marker_of(w.lower);
    if (m != Marker::none) {
      target = m;
      if (m == Marker::kabupaten) append_word(out.kabupaten, w.lower == "kota" ? "Kota" : "Kab.");
      continue;
    }
    if (target == Marker::kabupaten) append_word(out.kabupaten, w.text);
    if (target == Marker::kecamatan) append_word(out.kecamatan, w.text);
    else if (target == Marker::desa) {
      if (!any_kecamatan_marker && w.after_comma) append_word(out.trailing, w.text);
      else append_word(out.desa, w.text);
    }
  }
  return out;
}

}  // namespace peta
