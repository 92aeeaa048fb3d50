#include "store/finding_identity.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/sha256.hpp"

namespace peta::store {
namespace {

// ASCII only (locale-free and several times faster than std::tolower on the import's hot path).
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }
bool ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The normalised content, one "name=value" line each, values sorted by column name so that a reordered
// export gives the same digest. Built in one reused buffer per thread (the names and values are appended to an
// arena and sorted as views): the same text as before, without a heap string per value on the import's hot path.
struct ContentBuffers {
  std::string arena, text;
  std::vector<std::pair<std::string_view, std::string_view>> values;
};

void append_normalised(std::string& out, const std::string& s) {
  bool space = false, any = false;
  for (char c : s) {
    if (ascii_space(c)) {
      space = any;
      continue;
    }
    if (space) out += ' ';
    space = false;
    any = true;
    out += ascii_lower(c);
  }
}

const std::string& content_text(const StoreFinding& f) {
  thread_local ContentBuffers b;
  b.arena.clear();
  b.values.clear();
  // Offsets first (the arena may move while it grows), views after.
  std::vector<std::size_t>& bounds = *[] {
    thread_local std::vector<std::size_t> v;
    return &v;
  }();
  bounds.clear();
  for (const auto& [k, v] : f.values) {
    if (is_metadata_column(k)) continue;
    bounds.push_back(b.arena.size());
    for (char c : k) b.arena += ascii_lower(c);
    bounds.push_back(b.arena.size());
    append_normalised(b.arena, v);
    bounds.push_back(b.arena.size());
  }
  const std::string_view arena(b.arena);
  for (std::size_t i = 0; i < bounds.size(); i += 3)
    b.values.emplace_back(arena.substr(bounds[i], bounds[i + 1] - bounds[i]),
                          arena.substr(bounds[i + 1], bounds[i + 2] - bounds[i + 1]));
  std::sort(b.values.begin(), b.values.end());
  std::string& s = b.text;
  s.clear();
  s += "kategori=";
  s += f.category;
  s += "\ntanggal=";
  append_normalised(s, f.date);
  s += '\n';
  if (f.has_point) {
    char buf[64];
    char* end = std::to_chars(buf, buf + 30, f.lon, std::chars_format::fixed, 5).ptr;
    *end++ = ' ';
    end = std::to_chars(end, buf + 62, f.lat, std::chars_format::fixed, 5).ptr;
    s += "titik=";
    s.append(buf, end);
    s += '\n';
  }
  if (!f.lines.empty()) {
    // A segment: its normalised coordinates (rounded as a point's, 1e-5 degrees), part by part, in place of the
    // point. Points have no such line, so the digest of every point finding is as before.
    s += "garis=";
    char buf[64];
    for (std::size_t part = 0; part < f.lines.size(); ++part) {
      if (part) s += " | ";
      for (std::size_t i = 0; i < f.lines[part].size(); ++i) {
        const Coord& c = f.lines[part][i];
        char* end = std::to_chars(buf, buf + 30, c.x, std::chars_format::fixed, 5).ptr;
        *end++ = ' ';
        end = std::to_chars(end, buf + 62, c.y, std::chars_format::fixed, 5).ptr;
        if (i) s += ", ";
        s.append(buf, end);
      }
    }
    s += '\n';
  }
  s += "desa=";
  s += f.desa_code;
  s += '\n';
  for (const auto& [k, v] : b.values) {
    s += k;
    s += '=';
    s += v;
    s += '\n';
  }
  return s;
}

}  // namespace

bool is_metadata_column(const std::string& column) {
  // Compared in place, case-insensitively (no lower-case copy: this runs for every value of every row).
  static const std::string_view names[] = {
      "id", "key", "submissiondate", "submitterid", "submittername", "attachmentspresent", "attachmentsexpected",
      "status", "reviewstate", "deviceid", "edits", "formversion", "start", "end", "today", "instanceid",
      "deprecatedid", "no", "nomor", "row", "baris"};
  auto iequals = [](std::string_view a, std::string_view lower_b) {
    if (a.size() != lower_b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (ascii_lower(a[i]) != lower_b[i]) return false;
    return true;
  };
  const std::string_view c(column);
  if (c.size() >= 5 && iequals(c.substr(0, 5), "meta/")) return true;
  for (std::size_t i = 0; i + 6 <= c.size(); ++i)
    if (c[i] == '/' && iequals(c.substr(i, 6), "/meta/")) return true;
  const auto slash = c.find_last_of('/');
  const std::string_view last = slash == std::string_view::npos ? c : c.substr(slash + 1);
  if (last.empty() || last[0] == '_') return true;
  for (const auto& n : names)
    if (iequals(last, n)) return true;
  return false;
}

std::string identity_of(const StoreFinding& f) {
  if (!f.kobo_id.empty()) return f.kobo_id;
  if (!f.odk_key.empty()) return f.odk_key;
  if (!f.instance_id.empty()) return f.instance_id;
  if (!f.id.empty()) return f.id;
  return "sidik:" + sha256_hex(content_text(f)).substr(0, 20);
}

std::string content_digest(const StoreFinding& f) { return sha256_hex(content_text(f)).substr(0, 32); }

std::pair<std::string, std::string> identity_and_digest(const StoreFinding& f) {
  const std::string hex = sha256_hex(content_text(f));
  std::string digest = hex.substr(0, 32);
  if (!f.kobo_id.empty()) return {f.kobo_id, std::move(digest)};
  if (!f.odk_key.empty()) return {f.odk_key, std::move(digest)};
  if (!f.instance_id.empty()) return {f.instance_id, std::move(digest)};
  if (!f.id.empty()) return {f.id, std::move(digest)};
  return {"sidik:" + hex.substr(0, 20), std::move(digest)};
}

namespace {
// A JSON string. By hand rather than through nlohmann::json, which builds an object per row: this runs once per
// new finding, a million times in a large import. Bytes that are not valid UTF-8 are passed on as they are
// (the readers hand on UTF-8).
void append_json_string(std::string& out, const std::string& s) {
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}
}  // namespace

std::string values_json(const StoreFinding& f) {
  std::string out = "{";
  out.reserve(64 + 32 * f.values.size());
  for (const auto& [k, v] : f.values) {
    if (out.size() > 1) out += ',';
    append_json_string(out, k);
    out += ':';
    append_json_string(out, v);
  }
  return out + "}";
}

}  // namespace peta::store
