#include "findings/duplicate_ids.hpp"

#include <functional>

namespace peta {

std::uint64_t DuplicateIds::hash(std::string_view id) { return std::hash<std::string_view>{}(id); }

std::int64_t DuplicateIds::first_row_of_hash(std::uint64_t key, std::int64_t row) {
  auto [it, fresh] = first_row_.emplace(key, row);
  return fresh ? 0 : it->second;
}

}  // namespace peta
