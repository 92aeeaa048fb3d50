#include "findings/duplicate_ids.hpp"

#include <functional>

namespace peta {

std::int64_t DuplicateIds::first_row(std::string_view id, std::int64_t row) {
  const std::uint64_t key = std::hash<std::string_view>{}(id);
  auto [it, fresh] = first_row_.emplace(key, row);
  return fresh ? 0 : it->second;
}

}  // namespace peta
