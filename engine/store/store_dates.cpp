#include "store/store_dates.hpp"

#include <chrono>
#include <cstdio>

#include "core/date_text.hpp"

namespace peta::store {

std::optional<int> day_number(std::string_view text) {
  auto ymd = parse_date(text);
  if (!ymd) return std::nullopt;
  using namespace std::chrono;
  const year_month_day d{year(*ymd / 10000), month(static_cast<unsigned>(*ymd / 100 % 100)),
                         day(static_cast<unsigned>(*ymd % 100))};
  return static_cast<int>(sys_days(d).time_since_epoch().count());
}

std::string date_text(int day) {
  using namespace std::chrono;
  const year_month_day d{sys_days(days(day))};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  return buf;
}

std::string normalised_date(std::string_view text) {
  auto d = day_number(text);
  return d ? date_text(*d) : std::string();
}

}  // namespace peta::store
