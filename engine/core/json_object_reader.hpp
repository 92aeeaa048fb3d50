#pragma once
// Strict reading of one JSON object of a settings file: every key must be known, every value of the
// right type, and every error names the file and the key path.
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace peta {

class JsonObjectReader {
 public:
  // Throws if `j` is not an object or has a key outside `allowed`.
  JsonObjectReader(const nlohmann::json& j, std::string where, std::initializer_list<const char*> allowed);

  bool has(const char* key) const { return j_.contains(key); }
  std::string where(const char* key) const { return where_.empty() ? key : where_ + "." + key; }
  const nlohmann::json& at(const char* key) const { return j_.at(key); }

  std::optional<std::string> text(const char* key) const;
  std::optional<double> number(const char* key) const;
  std::optional<long long> integer(const char* key) const;
  std::optional<bool> boolean(const char* key) const;
  std::optional<std::vector<std::string>> texts(const char* key) const;
  std::string required_text(const char* key) const;

 private:
  const nlohmann::json& j_;
  std::string where_;
};

}  // namespace peta
