#pragma once
// Record by record over a CSV file (for small files and tests; findings use the chunks directly).
#include <memory>
#include <string>
#include <vector>

#include "findings/csv_chunk.hpp"

namespace peta {

class CsvRecordReader {
 public:
  // Throws peta::Error naming the file if it cannot be opened or has no header. `unit_bytes`: how much is read at
  // a time (small in the fuzz target, where a 4 MiB buffer per input would cost most of the time).
  explicit CsvRecordReader(const std::string& path, char delimiter = 0, std::size_t unit_bytes = 4u << 20)
      : chunks_(path, delimiter, unit_bytes) {}

  const std::vector<std::string>& header() const { return chunks_.header(); }
  char delimiter() const { return chunks_.delimiter(); }
  // Reads the next non-empty record into `fields` (reusing their storage). false at end of file.
  bool next(std::vector<std::string>& fields);
  // Spreadsheet row number of the record last returned (the header is row 1).
  long long row() const { return cursor_ ? cursor_->row() : 1; }
  double progress() const { return chunks_.progress(); }

 private:
  CsvChunkReader chunks_;
  CsvChunk chunk_;
  std::unique_ptr<CsvChunkCursor> cursor_;
};

}  // namespace peta
