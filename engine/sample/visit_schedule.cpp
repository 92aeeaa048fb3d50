#include "sample/visit_schedule.hpp"

#include "core/date.hpp"

namespace peta {

std::string visit_schedule_csv(const Boundaries& b, int year) {
  std::string out = "kecamatan,kode_kec,mulai,selesai,tim\n";
  const std::size_t per_month = (b.kecamatan.size() + 11) / 12;
  for (std::size_t k = 0; k < b.kecamatan.size(); ++k) {
    const int month = int(k / per_month) + 1;
    const int slot = int(k % per_month);
    // The Tuesday of the month's second (slot 0) or fourth (slot 1, ...) week.
    const Date first = *Date::from_ymd(year, month, 1);
    const int to_tuesday = (2 - first.iso_weekday() + 7) % 7;
    const Date start = Date::from_days(first.days() + to_tuesday + 7 * (1 + 2 * slot) % 28);
    const Date end = Date::from_days(start.days() + 2);
    const AdminUnit& u = b.kecamatan[k];
    std::string name = u.name;
    if (name.find_first_of(",\"") != std::string::npos) name = "\"" + name + "\"";
    out += name + "," + u.code.dotted() + "," + start.iso() + "," + end.iso() + ",Tim " + std::to_string(k % 3 + 1) + "\n";
  }
  return out;
}

}  // namespace peta
