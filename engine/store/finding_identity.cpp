#include "store/finding_identity.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

#include <nlohmann/json.hpp>

#include "store/sha256.hpp"

namespace peta::store {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Trimmed, lower case, runs of white space as one space: "  Jalan  Berlubang " == "jalan berlubang".
std::string normalised(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
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
  std::string s = "kategori=" + f.category + "\ntanggal=" + normalised(f.date) + "\n";
  if (f.has_point) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "titik=%.5f %.5f\n", f.lon, f.lat);
    s += buf;
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

std::string values_json(const StoreFinding& f) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& [k, v] : f.values) j[k] = v;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace peta::store
