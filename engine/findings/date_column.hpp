#pragma once
// Which column holds a finding's date: the one the project names (`columns.tanggal`), else the first of
// tanggal, tgl, date, waktu, today, start, _submission_time (KoboToolbox's metadata, in that order of
// preference), compared case-insensitively, ignoring spaces, on the part after the last '/' (Kobo groups).
#include <string>
#include <vector>

namespace peta {

// Index in `columns`, or -1 when none matches. A named column that is absent also gives -1 (the caller
// decides whether that is an error: the findings readers already check the project's named columns).
int find_date_column(const std::vector<std::string>& columns, const std::string& named = "");

}  // namespace peta
