#include "core/finding.hpp"

namespace peta {

std::string flag_names(std::uint32_t flags) {
  std::string out;
  auto add = [&](std::uint32_t bit, const char* name) {
    if (!(flags & bit)) return;
    if (!out.empty()) out += ';';
    out += name;
  };
  add(kFlagInGap, "celah");
  add(kFlagInOverlap, "tumpang_tindih");
  return out;
}

}  // namespace peta
