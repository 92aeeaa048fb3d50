#include "query/date_range_note.hpp"

#include "query/date_text.hpp"

namespace peta::query {

std::string empty_date_range_note(const QueryModel& m, const QuerySpec& spec) {
  const int from = spec.findings.date_from, to = spec.findings.date_to;
  if (!from && !to) return "";
  for (const std::int32_t d : m.findings.date)
    if (d && (!from || d >= from) && (!to || d <= to)) return "";
  const bool en = spec.lang == "en";
  std::string range = (from ? format_date(from) : std::string("…")) + " – " + (to ? format_date(to) : std::string("…"));
  std::string note = en ? "No finding is dated in " + range + ": every count below is 0."
                        : "Tidak ada temuan bertanggal pada " + range + ": semua jumlah di bawah 0.";
  if (m.date_min)
    note += (en ? " The project's dated findings run from " : " Temuan bertanggal di proyek ini: ") +
            format_date(m.date_min) + (en ? " to " : " sampai ") + format_date(m.date_max) + ".";
  else
    note += en ? " The project holds no dated findings." : " Proyek ini tidak memuat temuan bertanggal.";
  return note;
}

}  // namespace peta::query
