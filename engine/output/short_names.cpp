#include "output/short_names.hpp"

#include <algorithm>
#include <cctype>

namespace peta {
namespace {

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string ascii_base(const std::string& name) {
  std::string out;
  for (unsigned char c : name) {
    if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    else if ((c == '_' || c == ' ' || c == '-' || c == '/' || c == '.') && !out.empty() && out.back() != '_') out += '_';
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  if (out.empty()) out = "kolom";
  if (std::isdigit(static_cast<unsigned char>(out[0]))) out = "k" + out;
  return out;
}

}  // namespace

std::vector<std::string> make_short_names(const std::vector<std::string>& full_names, std::vector<std::string> taken) {
  for (auto& t : taken) t = upper(t);
  std::vector<std::string> out;
  for (const auto& full : full_names) {
    std::string base = ascii_base(full).substr(0, 10);
    std::string candidate = base;
    for (int n = 2; std::find(taken.begin(), taken.end(), upper(candidate)) != taken.end(); ++n) {
      std::string suffix = std::to_string(n);
      suffix.insert(0, 1, '_');  // not "_" + ...: GCC 12's -Wrestrict false positive (GCC bug 105329)
      candidate = base.substr(0, 10 - suffix.size()) + suffix;
    }
    taken.push_back(upper(candidate));
    out.push_back(candidate);
  }
  return out;
}

}  // namespace peta
