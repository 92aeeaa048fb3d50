#include "store/identity_columns.hpp"

namespace peta::store {
namespace {

std::string lower(const std::string& s) {
  std::string out = s;
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  return out;
}

}  // namespace

IdentityColumns detect_identity_columns(const std::vector<std::string>& header) {
  IdentityColumns c;
  for (int i = 0; i < static_cast<int>(header.size()); ++i) {
    const std::string full = lower(header[i]);
    const auto slash = full.find_last_of('/');
    const std::string last = slash == std::string::npos ? full : full.substr(slash + 1);
    const bool in_meta = full.rfind("meta/", 0) == 0 || full.find("/meta/") != std::string::npos;
    if (last == "_id" && c.kobo_id < 0) c.kobo_id = i;
    else if (last == "_uuid" && c.kobo_uuid < 0) c.kobo_uuid = i;
    else if (last == "deprecatedid" && (in_meta || slash == std::string::npos) && c.deprecated_id < 0) c.deprecated_id = i;
    else if (full == "key" && c.odk_key < 0) c.odk_key = i;
    else if (last == "instanceid" && (in_meta || slash == std::string::npos) && c.instance_id < 0) c.instance_id = i;
  }
  return c;
}

void fill_identity(const IdentityColumns& c, const std::vector<std::string>& cells, StoreFinding& f) {
  auto cell = [&](int i) { return i >= 0 && i < static_cast<int>(cells.size()) ? cells[i] : std::string(); };
  f.kobo_id = cell(c.kobo_id);
  f.kobo_uuid = cell(c.kobo_uuid);
  f.deprecated_id = cell(c.deprecated_id);
  f.odk_key = cell(c.odk_key);
  f.instance_id = cell(c.instance_id);
}

}  // namespace peta::store
