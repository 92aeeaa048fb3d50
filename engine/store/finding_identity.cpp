#include "store/finding_identity.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <set>

#include <nlohmann/json.hpp>

#include "store/sha256.hpp"

namespace peta::store {
namespace {

// ASCII only (locale-free and several times faster than std::tolower on the import's hot path).
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }
bool ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string lower(std::string s) {
  for (char& c : s) c = ascii_lower(c);
  return s;
}

// Trimmed, lower case, runs of white space as one space: "  Jalan  Berlubang " == "jalan berlubang".
std::string normalised(const std::string& s) {
  std::string out;
  bool space = false;
  out.reserve(s.size());
  for (char c : s) {
    if (ascii_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ascii_lower(c);
  }
  return out;
}

std::string last_segment(const std::string& column) {
  auto slash = column.find_last_of('/');
  return slash == std::string::npos ? column : column.substr(slash + 1);
}

// The normalised content, one "name=value" line each, values sorted by column name so that a reordered
// export gives the same digest.
std::string content_text(const StoreFinding& f) {
  std::vector<std::pair<std::string, std::string>> values;
  for (const auto& [k, v] : f.values)
    if (!is_metadata_column(k)) values.emplace_back(lower(k), normalised(v));
  std::sort(values.begin(), values.end());
  std::string s;
  s.reserve(256);
  s += "kategori=" + f.category + "\ntanggal=" + normalised(f.date) + "\n";
  if (f.has_point) {
    char buf[64];
    char* end = std::to_chars(buf, buf + 30, f.lon, std::chars_format::fixed, 5).ptr;
    *end++ = ' ';
    end = std::to_chars(end, buf + 62, f.lat, std::chars_format::fixed, 5).ptr;
    s += "titik=";
    s.append(buf, end);
    s += '\n';
  }
  s += "desa=" + f.desa_code + "\n";
  for (const auto& [k, v] : values) s += k + "=" + v + "\n";
  return s;
}

}  // namespace

bool is_metadata_column(const std::string& column) {
  static const std::set<std::string> names = {
      "id", "key", "submissiondate", "submitterid", "submittername", "attachmentspresent", "attachmentsexpected",
      "status", "reviewstate", "deviceid", "edits", "formversion", "start", "end", "today", "deviceid",
      "instanceid", "deprecatedid", "no", "nomor", "row", "baris"};
  const std::string c = lower(column);
  if (c.rfind("meta/", 0) == 0 || c.find("/meta/") != std::string::npos) return true;
  const std::string last = last_segment(c);
  return last.empty() || last[0] == '_' || names.count(last) > 0;
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
