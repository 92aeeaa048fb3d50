#pragma once
// The programme's visit schedule ("Ngantor di Kecamatan"): which team visited which kecamatan from when to
// when, named in the project as "program": {"kunjungan": "kunjungan.csv"} (CSV or XLSX).
//
// Columns (names compared case-insensitively, spaces ignored): kecamatan (a name, "Kec. Sukapura", or a
// code 35.13.01 / 351301; also kec, kode_kec, nama_kec), mulai (also tanggal_mulai, start, dari), selesai
// (also tanggal_selesai, end, sampai), tim (also team; optional). Dates in any form core/date.hpp reads.
// A missing column is an error naming the file and column. A bad row is rejected with its row number, the
// field and the reason; nothing is dropped silently (rows = visits + rejected):
//   kecamatan_kosong / kecamatan_tidak_dikenal   the kecamatan cell is empty / names no kecamatan
//   tanggal_kosong / tanggal_tidak_valid         mulai or selesai empty / no real date
//   selesai_sebelum_mulai                        the visit ends before it starts
//   kunjungan_tumpang_tindih                     overlaps an earlier row's visit to the same kecamatan (a
//                                                finding could not be linked to one visit)
#include <cstdint>
#include <string>
#include <vector>

#include "core/admin_unit.hpp"
#include "core/date.hpp"
#include "core/rejection_reason.hpp"

namespace peta {

struct Visit {
  int kecamatan = -1;  // index in Boundaries::kecamatan
  Date start, end;     // inclusive
  std::string team;
  std::int64_t row = 0;
};

struct VisitRejection {
  std::int64_t row = 0;
  std::string field;
  RejectionReason reason = RejectionReason::kecamatan_empty;
  std::string value;
};

struct VisitTable {
  std::string path;
  std::int64_t rows = 0;  // data rows read (header excluded, blank lines skipped)
  std::vector<Visit> visits;
  std::vector<VisitRejection> rejected;

  // The visit of `kecamatan` whose days hold `date`, or -1.
  int visit_of(int kecamatan, Date date) const;
  // The first visit of each kecamatan (index into visits), -1 when never visited.
  std::vector<int> first_visit(std::size_t kecamatan_count) const;
};

// Reads a CSV (any delimiter the CSV reader detects) or an .xlsx workbook (first sheet).
VisitTable read_visits(const std::string& path, const Boundaries& b);

// Writes the rejected rows of a visits table to <folder>/ditolak_kunjungan.csv (berkas, baris, kolom, alasan,
// nilai), atomically; returns the path.
std::string write_visit_rejects(const VisitTable& table, const std::string& folder);

// The same rules over rows already split into cells (header first); `path` names them in messages.
VisitTable visits_from_rows(const std::vector<std::vector<std::string>>& rows, const std::vector<std::int64_t>& row_numbers,
                            const std::string& path, const Boundaries& b);

}  // namespace peta
