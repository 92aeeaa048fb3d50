#pragma once
// Findings from a CSV file with a coordinate pair per row. Reading (next_chunk) is sequential;
// parsing a chunk (parse) may run on several threads at once.
#include <string>

#include "findings/column_detection.hpp"
#include "findings/csv_chunk.hpp"
#include "findings/finding_batch.hpp"

namespace peta {

struct CsvSourceOptions {
  std::string path;
  FindingColumns columns;
  char delimiter = 0;  // 0: detect
  std::size_t chunk_bytes = 4u << 20;
};

class CsvFindingReader : public FindingReader {
 public:
  explicit CsvFindingReader(const CsvSourceOptions& options);
  const std::vector<std::string>& columns() const override { return chunks_.header(); }
  // Reads and parses one chunk (about 4 MiB of rows); `max_rows` is not used.
  bool next_batch(FindingBatch& batch, std::size_t max_rows) override;
  double progress() const override { return chunks_.progress(); }
  const std::string& path() const override { return chunks_.path(); }
  const ColumnIndexes& indexes() const { return indexes_; }

  bool next_chunk(CsvChunk& chunk) { return chunks_.next(chunk); }
  // Turns a chunk's rows into findings and rejections. Thread-safe.
  void parse(const CsvChunk& chunk, FindingBatch& batch) const;

 private:
  CsvChunkReader chunks_;
  ColumnIndexes indexes_;
};

}  // namespace peta
