#pragma once
// The CSV unit reader checked against a sequential reading of the same file: cut into units of any size, a
// file must give exactly the header, records and row numbers that one pass over the whole file gives.
// Used by csv_units_fuzzer.cpp and by the regression tests of what it found (tests/findings/).
#include <algorithm>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "findings/csv_chunk.hpp"

namespace peta::fuzz {

struct CsvReading {
  std::string error;  // the reader's peta::Error, if it threw
  std::vector<std::string> header;
  char delimiter = 0;
  std::vector<std::pair<long long, std::vector<std::string>>> records;  // (row, fields)
};

inline CsvReading read_csv_in_units(const std::string& path, std::size_t unit_bytes) {
  CsvReading out;
  try {
    CsvChunkReader reader(path, 0, unit_bytes);
    out.header = reader.header();
    out.delimiter = reader.delimiter();
    CsvChunk chunk;
    std::vector<std::string> fields;
    while (reader.next(chunk)) {
      CsvChunkCursor cursor(chunk, reader.delimiter());
      while (cursor.next(fields)) out.records.emplace_back(cursor.row(), fields);
    }
  } catch (const Error& e) {
    out.error = e.what();
  }
  return out;
}

// The whole file as one unit: the sequential reading.
inline CsvReading read_csv_sequentially(const std::string& path) {
  std::error_code ec;
  const auto size = static_cast<std::size_t>(std::filesystem::file_size(path, ec));
  return read_csv_in_units(path, (ec ? 0 : size) + 1);
}

inline std::string show(const std::vector<std::string>& fields) {
  std::string s = "[";
  for (const auto& f : fields) s += (s.size() > 1 ? "|" : "") + f;
  return s + "]";
}

// Empty when both readings agree, else where they first differ.
inline std::string first_difference(const CsvReading& units, const CsvReading& whole) {
  if (units.error != whole.error) return "error '" + units.error + "' vs '" + whole.error + "'";
  if (units.header != whole.header) return "header " + show(units.header) + " vs " + show(whole.header);
  if (units.delimiter != whole.delimiter) return "delimiter";
  const std::size_t n = std::min(units.records.size(), whole.records.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (units.records[i] != whole.records[i])
      return "record " + std::to_string(i) + ": row " + std::to_string(units.records[i].first) + " " +
             show(units.records[i].second) + " vs row " + std::to_string(whole.records[i].first) + " " +
             show(whole.records[i].second);
  }
  if (units.records.size() != whole.records.size())
    return std::to_string(units.records.size()) + " records vs " + std::to_string(whole.records.size());
  return {};
}

}  // namespace peta::fuzz
