#pragma once
// A small table (CSV or XLSX) as rows of text cells with their spreadsheet row numbers: the desa profile
// tables and the BPS crosswalk. CSV through the project's CSV reader (findings/csv_record_reader.hpp: ',' or
// ';' detected, quoting, encodings), XLSX through GDAL's XLSX driver with every cell read as text, as the
// finding sources and the visits table do.
#include <cstdint>
#include <string>
#include <vector>

namespace peta::profile {

struct TableRows {
  std::string path;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // data rows (blank lines skipped)
  std::vector<std::int64_t> row_numbers;       // spreadsheet row of each data row (the header is row 1)

  // Index of the column named `name` (exact first, then case-insensitively), or -1.
  int column(const std::string& name) const;
  // The column, or throws peta::Error naming the file, the key and the columns it has.
  std::size_t required_column(const std::string& name, const std::string& key) const;
};

// Throws peta::Error naming the file when it cannot be read. `sheet`: XLSX sheet name, empty for the first.
TableRows read_table_rows(const std::string& path, const std::string& sheet = "");

// The cell trimmed of spaces; "" when the row is shorter.
std::string cell(const std::vector<std::string>& row, std::size_t column);

}  // namespace peta::profile
