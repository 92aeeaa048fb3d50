#include "core/json_object_reader.hpp"

#include <algorithm>
#include <cstring>

#include "core/error.hpp"

namespace peta {

JsonObjectReader::JsonObjectReader(const nlohmann::json& j, std::string where, std::initializer_list<const char*> allowed)
    : j_(j), where_(std::move(where)) {
  if (!j.is_object()) throw Error((where_.empty() ? std::string("the project") : where_) + ": must be a JSON object");
  for (const auto& item : j.items()) {
    const std::string& key = item.key();  // not a structured binding: clang 14 cannot capture one in a lambda
    bool known = std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; });
    if (!known) {
      std::string list;
      for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      throw Error((where_.empty() ? key : where_ + "." + key) + ": unknown key (expected one of: " + list + ")");
    }
  }
}

std::optional<std::string> JsonObjectReader::text(const char* key) const {
  if (!has(key)) return std::nullopt;
  if (!j_.at(key).is_string()) throw Error(where(key) + ": must be a string");
  return j_.at(key).get<std::string>();
}

std::optional<double> JsonObjectReader::number(const char* key) const {
  if (!has(key)) return std::nullopt;
  if (!j_.at(key).is_number()) throw Error(where(key) + ": must be a number");
  return j_.at(key).get<double>();
}

std::optional<long long> JsonObjectReader::integer(const char* key) const {
  if (!has(key)) return std::nullopt;
  if (!j_.at(key).is_number_integer()) throw Error(where(key) + ": must be an integer");
  return j_.at(key).get<long long>();
}

std::optional<bool> JsonObjectReader::boolean(const char* key) const {
  if (!has(key)) return std::nullopt;
  if (!j_.at(key).is_boolean()) throw Error(where(key) + ": must be true or false");
  return j_.at(key).get<bool>();
}

std::optional<std::vector<std::string>> JsonObjectReader::texts(const char* key) const {
  if (!has(key)) return std::nullopt;
  const auto& a = j_.at(key);
  if (!a.is_array() || !std::all_of(a.begin(), a.end(), [](const nlohmann::json& v) { return v.is_string(); }))
    throw Error(where(key) + ": must be an array of strings");
  return a.get<std::vector<std::string>>();
}

std::string JsonObjectReader::required_text(const char* key) const {
  auto t = text(key);
  if (!t) throw Error(where(key) + ": missing (required)");
  return *t;
}

}  // namespace peta
