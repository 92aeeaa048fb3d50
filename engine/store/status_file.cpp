#include "store/status_file.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include "core/atomic_write.hpp"
#include "core/csv_quote.hpp"
#include "core/error.hpp"
#include "core/gdal_init.hpp"
#include "findings/csv_record_reader.hpp"

namespace peta::store {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trimmed(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

struct Columns {
  int id = -1, status = -1, date = -1, note = -1, who = -1;
};

Columns find_columns(const std::vector<std::string>& header, const std::string& path) {
  Columns c;
  for (int i = 0; i < static_cast<int>(header.size()); ++i) {
    const std::string h = lower(trimmed(header[i]));
    if (h == "id" || h == "id_temuan") c.id = i;
    else if (h == "status" || h == "jadi") c.status = i;
    else if (h == "tanggal" || h == "date") c.date = i;
    else if (h == "catatan" || h == "note") c.note = i;
    else if (h == "oleh" || h == "who") c.who = i;
  }
  if (c.id < 0) throw Error(path + ": no id column (expected id or id_temuan)");
  if (c.status < 0) throw Error(path + ": no status column (expected status or jadi)");
  return c;
}

void add_row(StatusFile& out, const Columns& c, const std::vector<std::string>& cells, const std::string& path,
             long long row) {
  auto cell = [&](int i) { return i >= 0 && i < static_cast<int>(cells.size()) ? trimmed(cells[i]) : std::string(); };
  StatusRequest r{cell(c.id), lower(cell(c.status)), cell(c.date), cell(c.who), cell(c.note), path, row};
  ++out.rows_read;
  if (r.to.empty()) {
    out.rejected.push_back({r, false, "status", "status kosong"});
    return;
  }
  // A row with no date takes the run's date; a date cell that is there but not a date is refused by the store.
  if (!r.date.empty() && r.date.find_first_not_of(" ") == std::string::npos) r.date.clear();
  out.requests.push_back(std::move(r));
}

bool is_xlsx(const std::string& path) {
  return path.size() >= 5 && lower(path.substr(path.size() - 5)) == ".xlsx";
}

}  // namespace

StatusFile read_status_file(const std::string& path) {
  StatusFile out;
  if (!is_xlsx(path)) {
    CsvRecordReader reader(path);
    const Columns c = find_columns(reader.header(), path);
    std::vector<std::string> cells;
    while (reader.next(cells)) add_row(out, c, cells, path, reader.row());
    return out;
  }
  // XLSX through GDAL's XLSX driver: the first sheet, every cell as text. The header is read as the first row
  // (HEADERS=DISABLE: the driver's own header guess fails when every cell is text); feature ids are
  // spreadsheet row numbers.
  ensure_gdal_registered();
  const char* open_options[] = {"HEADERS=DISABLE", "FIELD_TYPES=STRING", nullptr};
  const char* drivers[] = {"XLSX", nullptr};
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, open_options, nullptr));
  if (!ds || ds->GetLayerCount() == 0) throw Error(path + ": cannot open as an XLSX workbook");
  OGRLayer* layer = ds->GetLayer(0);
  const int n = layer->GetLayerDefn()->GetFieldCount();
  std::vector<std::string> cells(n);
  std::optional<Columns> c;
  for (auto& f : *layer) {
    for (int i = 0; i < n; ++i) cells[i] = f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "";
    if (!c) c = find_columns(cells, path);
    else add_row(out, *c, cells, path, f->GetFID());
  }
  if (!c) throw Error(path + ": empty workbook (no header row)");
  return out;
}

void write_status_rejects(const std::string& path, const std::vector<StatusOutcome>& rejected) {
  write_atomically(path, [&](std::ostream& out) {
    out << "berkas,baris,kolom,alasan,id,status\n";
    for (const auto& o : rejected)
      out << csv_quote(o.request.file) << ',' << o.request.row << ',' << csv_quote(o.field) << ','
          << csv_quote(o.reason) << ',' << csv_quote(o.request.id) << ',' << csv_quote(o.request.to) << '\n';
  });
}

}  // namespace peta::store
