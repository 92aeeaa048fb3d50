#include "program/visit_table.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <memory>

#include "core/admin_code.hpp"
#include "core/atomic_write.hpp"
#include "core/csv_quote.hpp"
#include "core/error.hpp"
#include "core/gdal_init.hpp"
#include "findings/csv_record_reader.hpp"

namespace peta {
namespace {

std::string key(std::string_view s) {
  std::string out;
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c))) out += char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string trimmed(const std::string& s) {
  const auto a = s.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) return "";
  return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

int column(const std::vector<std::string>& header, std::initializer_list<const char*> names) {
  for (const char* n : names)
    for (std::size_t i = 0; i < header.size(); ++i)
      if (key(header[i]) == n) return int(i);
  return -1;
}

// Kecamatan by code (with or without dots) or by name (without "Kec."/"Kecamatan", case and spaces ignored).
class KecamatanLookup {
 public:
  explicit KecamatanLookup(const Boundaries& b) {
    for (std::size_t k = 0; k < b.kecamatan.size(); ++k) {
      by_key_[digits(b.kecamatan[k].code.dotted())] = int(k);
      by_key_[name_key(b.kecamatan[k].name)] = int(k);
    }
  }
  int find(const std::string& text) const {
    const bool code = std::all_of(text.begin(), text.end(), [](char c) {
      return std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == ' ';
    });
    if (code) {
      auto it = by_key_.find(digits(text));
      return it == by_key_.end() ? -1 : it->second;
    }
    auto it = by_key_.find(name_key(text));
    return it == by_key_.end() ? -1 : it->second;
  }

 private:
  static std::string digits(const std::string& s) {
    std::string out;
    for (char c : s)
      if (std::isdigit(static_cast<unsigned char>(c))) out += c;
    return out;
  }
  static std::string name_key(const std::string& s) {
    std::string k = key(s);
    for (const char* prefix : {"kecamatan", "kec."})
      if (k.rfind(prefix, 0) == 0) k = k.substr(std::string(prefix).size());
    std::string out;
    for (char c : k)
      if (std::isalnum(static_cast<unsigned char>(c))) out += c;
    return "n:" + out;
  }
  std::map<std::string, int> by_key_;
};

}  // namespace

int VisitTable::visit_of(int kecamatan, Date date) const {
  for (std::size_t v = 0; v < visits.size(); ++v)
    if (visits[v].kecamatan == kecamatan && visits[v].start <= date && date <= visits[v].end) return int(v);
  return -1;
}

std::vector<int> VisitTable::first_visit(std::size_t kecamatan_count) const {
  std::vector<int> out(kecamatan_count, -1);
  for (std::size_t v = 0; v < visits.size(); ++v) {
    const auto k = std::size_t(visits[v].kecamatan);
    if (k < out.size() && (out[k] < 0 || visits[v].start < visits[std::size_t(out[k])].start)) out[k] = int(v);
  }
  return out;
}

VisitTable visits_from_rows(const std::vector<std::vector<std::string>>& rows, const std::vector<std::int64_t>& row_numbers,
                            const std::string& path, const Boundaries& b) {
  if (rows.empty()) throw Error(path + ": no header row");
  const auto& header = rows[0];
  const int kec = column(header, {"kecamatan", "kec", "nama_kec", "nama_kecamatan", "kode_kec"});
  const int start = column(header, {"mulai", "tanggal_mulai", "start", "dari"});
  const int end = column(header, {"selesai", "tanggal_selesai", "end", "sampai"});
  const int team = column(header, {"tim", "team"});
  if (kec < 0) throw Error(path + ": no kecamatan column (kecamatan, kec, kode_kec)");
  if (start < 0) throw Error(path + ": no start-date column (mulai, tanggal_mulai, start)");
  if (end < 0) throw Error(path + ": no end-date column (selesai, tanggal_selesai, end)");
  const KecamatanLookup lookup(b);
  VisitTable t;
  t.path = path;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& cells = rows[r];
    const std::int64_t row = r < row_numbers.size() ? row_numbers[r] : std::int64_t(r + 1);
    auto cell = [&](int c) { return c >= 0 && std::size_t(c) < cells.size() ? trimmed(cells[std::size_t(c)]) : std::string(); };
    ++t.rows;
    auto reject = [&](const char* field, RejectionReason reason, const std::string& value) {
      t.rejected.push_back({row, field, reason, value});
    };
    const std::string k = cell(kec);
    if (k.empty()) { reject(header[std::size_t(kec)].c_str(), RejectionReason::kecamatan_empty, k); continue; }
    Visit v;
    v.row = row;
    v.kecamatan = lookup.find(k);
    if (v.kecamatan < 0) { reject(header[std::size_t(kec)].c_str(), RejectionReason::kecamatan_unknown, k); continue; }
    bool ok = true;
    for (auto [c, target] : {std::pair{start, &v.start}, std::pair{end, &v.end}}) {
      const std::string text = cell(c);
      const DateReading d = read_date(text);
      if (!d.ok()) {
        reject(header[std::size_t(c)].c_str(), text.empty() ? RejectionReason::date_empty : RejectionReason::date_invalid, text);
        ok = false;
        break;
      }
      *target = *d.date;
    }
    if (!ok) continue;
    if (v.end < v.start) { reject(header[std::size_t(end)].c_str(), RejectionReason::end_before_start, cell(end)); continue; }
    v.team = cell(team);
    const bool overlaps = std::any_of(t.visits.begin(), t.visits.end(), [&](const Visit& o) {
      return o.kecamatan == v.kecamatan && o.start <= v.end && v.start <= o.end;
    });
    if (overlaps) { reject(header[std::size_t(start)].c_str(), RejectionReason::visits_overlap, cell(start)); continue; }
    t.visits.push_back(std::move(v));
  }
  return t;
}

VisitTable read_visits(const std::string& path, const Boundaries& b) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::int64_t> numbers;
  std::string ext = std::filesystem::path(path).extension().string();
  for (auto& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".xlsx") {
    ensure_gdal_registered();
    CPLSetThreadLocalConfigOption("OGR_XLSX_HEADERS", "FORCE");
    CPLSetThreadLocalConfigOption("OGR_XLSX_FIELD_TYPES", "STRING");
    const char* drivers[] = {"XLSX", nullptr};
    std::unique_ptr<GDALDataset> ds(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
    CPLSetThreadLocalConfigOption("OGR_XLSX_HEADERS", nullptr);
    CPLSetThreadLocalConfigOption("OGR_XLSX_FIELD_TYPES", nullptr);
    if (!ds || ds->GetLayerCount() < 1) throw Error(path + ": cannot open the workbook");
    OGRLayer* layer = ds->GetLayer(0);
    std::vector<std::string> header;
    for (int i = 0; i < layer->GetLayerDefn()->GetFieldCount(); ++i)
      header.push_back(layer->GetLayerDefn()->GetFieldDefn(i)->GetNameRef());
    rows.push_back(header);
    numbers.push_back(1);
    for (auto& f : *layer) {
      std::vector<std::string> cells;
      for (int i = 0; i < int(header.size()); ++i)
        cells.push_back(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "");
      rows.push_back(std::move(cells));
      numbers.push_back(f->GetFID());  // the XLSX driver numbers features by sheet row
    }
  } else {
    CsvRecordReader reader(path);
    rows.push_back(reader.header());
    numbers.push_back(1);
    std::vector<std::string> fields;
    while (reader.next(fields)) {
      rows.push_back(fields);
      numbers.push_back(reader.row());
    }
  }
  return visits_from_rows(rows, numbers, path, b);
}

std::string write_visit_rejects(const VisitTable& table, const std::string& folder) {
  const std::string path = folder + "/ditolak_kunjungan.csv";
  write_atomically(path, [&](std::ostream& out) {
    out << "berkas,baris,kolom,alasan,nilai\n";
    for (const auto& r : table.rejected)
      out << csv_quote(table.path) << ',' << r.row << ',' << csv_quote(r.field) << ',' << csv_quote(std::string(code(r.reason))) << ','
          << csv_quote(r.value) << '\n';
  });
  return path;
}

}  // namespace peta
