#pragma once
#include <cstddef>
#include <string_view>

namespace peta::output_detail {

// The longest prefix of `text` that fits in `max_bytes` without splitting a UTF-8 character.
std::string_view truncate_utf8(std::string_view text, std::size_t max_bytes);

}  // namespace peta::output_detail
