#include "profile/table_rows.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>

#include "core/error.hpp"
#include "core/gdal_init.hpp"
#include "findings/csv_record_reader.hpp"

namespace peta::profile {
namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trimmed(const std::string& s) {
  const auto a = s.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) return "";
  return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

void read_xlsx(TableRows& t, const std::string& sheet) {
  ensure_gdal_registered();
  CPLSetThreadLocalConfigOption("OGR_XLSX_HEADERS", "FORCE");
  CPLSetThreadLocalConfigOption("OGR_XLSX_FIELD_TYPES", "STRING");
  const char* drivers[] = {"XLSX", nullptr};
  std::unique_ptr<GDALDataset> ds(
      GDALDataset::Open(t.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
  CPLSetThreadLocalConfigOption("OGR_XLSX_HEADERS", nullptr);
  CPLSetThreadLocalConfigOption("OGR_XLSX_FIELD_TYPES", nullptr);
  if (!ds || ds->GetLayerCount() < 1) throw Error(t.path + ": cannot open the workbook");
  OGRLayer* layer = sheet.empty() ? ds->GetLayer(0) : ds->GetLayerByName(sheet.c_str());
  if (!layer) throw Error(t.path + ": no sheet '" + sheet + "'");
  for (int i = 0; i < layer->GetLayerDefn()->GetFieldCount(); ++i)
    t.header.push_back(layer->GetLayerDefn()->GetFieldDefn(i)->GetNameRef());
  for (auto& f : *layer) {
    std::vector<std::string> cells;
    bool blank = true;
    for (int i = 0; i < int(t.header.size()); ++i) {
      cells.push_back(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "");
      blank = blank && trimmed(cells.back()).empty();
    }
    if (blank) continue;
    t.rows.push_back(std::move(cells));
    t.row_numbers.push_back(f->GetFID());  // the XLSX driver numbers features by sheet row
  }
}

}  // namespace

int TableRows::column(const std::string& name) const {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (trimmed(header[i]) == name) return int(i);
  const std::string key = lower(name);
  for (std::size_t i = 0; i < header.size(); ++i)
    if (lower(trimmed(header[i])) == key) return int(i);
  return -1;
}

std::size_t TableRows::required_column(const std::string& name, const std::string& key) const {
  const int c = column(name);
  if (c >= 0) return std::size_t(c);
  std::string have;
  for (const auto& h : header) have += (have.empty() ? "" : ", ") + h;
  throw Error(path + ": no column '" + name + "' (" + key + "); the table has: " + have);
}

std::string cell(const std::vector<std::string>& row, std::size_t column) {
  return column < row.size() ? trimmed(row[column]) : std::string();
}

TableRows read_table_rows(const std::string& path, const std::string& sheet) {
  TableRows t;
  t.path = path;
  if (!std::filesystem::exists(path)) throw Error(path + ": no such file");
  std::string ext = lower(std::filesystem::path(path).extension().string());
  if (ext == ".xlsx") {
    read_xlsx(t, sheet);
  } else {
    CsvRecordReader reader(path);
    t.header = reader.header();
    std::vector<std::string> fields;
    while (reader.next(fields)) {
      t.rows.push_back(fields);
      t.row_numbers.push_back(reader.row());
    }
  }
  return t;
}

}  // namespace peta::profile
