// The date reader of query filters and serve (query/date_text): a date it accepts is a real calendar date in
// 1900..2199, and written back with format_date it reads as the same date.
#include "core/date_text.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 256) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto date = peta::parse_date(text);
  if (!date) return 0;
  const int y = *date / 10000, m = (*date / 100) % 100, d = *date % 100;
  PETA_FUZZ_CHECK(y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= 31, std::to_string(*date));
  const std::string written = peta::format_date(*date);
  PETA_FUZZ_CHECK(peta::parse_date(written) == date, written);
  return 0;
}
