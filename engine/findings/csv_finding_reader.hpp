#pragma once
// Findings from a CSV file (comma or semicolon; UTF-8 with or without a BOM, or Windows-1252). Reading
// (next_unit) is sequential; splitting a unit into rows (split) may run on several threads at once.
#include <string>

#include "findings/column_detection.hpp"
#include "findings/csv_chunk.hpp"
#include "findings/finding_batch.hpp"
#include "findings/text_encoding.hpp"

namespace peta {

struct CsvSourceOptions {
  std::string path;
  FindingColumns columns;
  char delimiter = 0;  // 0: detect
  TextEncoding encoding = TextEncoding::detect;
  bool category_required = true;
  std::size_t chunk_bytes = 512u << 10;  // units this small stay in the cores' caches while parsed and located
};

class CsvFindingReader : public FindingReader {
 public:
  explicit CsvFindingReader(const CsvSourceOptions& options);
  const std::vector<std::string>& columns() const override { return header_; }
  const ColumnIndexes& indexes() const override { return indexes_; }
  // Hands out about chunk_bytes (512 KiB) of whole records as text.
  bool next_unit(RawFindingUnit& unit) override;
  void split(RawFindingUnit& unit) const override;
  double progress() const override { return chunks_.progress(); }
  const std::string& path() const override { return chunks_.path(); }
  char delimiter() const { return chunks_.delimiter(); }

 private:
  CsvChunkReader chunks_;
  TextEncoding encoding_;
  std::vector<std::string> header_;  // in UTF-8
  ColumnIndexes indexes_;
};

}  // namespace peta
