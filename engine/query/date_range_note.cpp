#include "query/date_range_note.hpp"

#include "core/date_text.hpp"

namespace peta::query {

std::string empty_date_range_note(const QueryModel& m, const QuerySpec& spec) {
  const int from = spec.findings.date_from, to = spec.findings.date_to;
  if (!from && !to) return "";
  auto in_range = [&](int d) { return d && (!from || d >= from) && (!to || d <= to); };
  int date_min = m.date_min, date_max = m.date_max;
  if (m.store) {  // a project with a store counts filtered findings there: its dates are the ones that matter
    date_min = date_max = 0;
    for (const auto& row : m.store->rows) {
      if (in_range(row.date)) return "";
      if (row.date && (!date_min || row.date < date_min)) date_min = row.date;
      if (row.date > date_max) date_max = row.date;
    }
  } else {
    for (const std::int32_t d : m.findings.date)
      if (in_range(d)) return "";
  }
  const bool en = spec.lang == "en";
  std::string range = (from ? format_date(from) : std::string("…")) + " – " + (to ? format_date(to) : std::string("…"));
  std::string note = en ? "No finding is dated in " + range + ": every count below is 0."
                        : "Tidak ada temuan bertanggal pada " + range + ": semua jumlah di bawah 0.";
  if (date_min)
    note += (en ? " The project's dated findings run from " : " Temuan bertanggal di proyek ini: ") +
            format_date(date_min) + (en ? " to " : " sampai ") + format_date(date_max) + ".";
  else
    note += en ? " The project holds no dated findings." : " Proyek ini tidak memuat temuan bertanggal.";
  return note;
}

}  // namespace peta::query
