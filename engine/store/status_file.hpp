#pragma once
// The status file a department sends back (CSV or XLSX; columns id, status, tanggal, catatan, oleh; names
// compare case-insensitively, `jadi` is taken for `status`), and the rejects CSV of a status run.
#include <string>
#include <vector>

#include "store/finding_store.hpp"

namespace peta::store {

struct StatusFile {
  std::vector<StatusRequest> requests;   // one per data row that has an id or a status
  std::vector<StatusOutcome> rejected;   // rows refused while reading (no status value)
  long long rows_read = 0;
};

// Throws peta::Error naming the file when it cannot be read or lacks an id or status column.
StatusFile read_status_file(const std::string& path);

// file,baris,kolom,alasan,id,status; written atomically.
void write_status_rejects(const std::string& path, const std::vector<StatusOutcome>& rejected);

}  // namespace peta::store
