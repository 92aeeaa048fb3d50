#pragma once
// Findings from a CSV file with a coordinate pair per row.
#include <memory>
#include <string>

#include "findings/column_detection.hpp"
#include "findings/csv_record_reader.hpp"
#include "findings/finding_batch.hpp"

namespace peta {

struct CsvSourceOptions {
  std::string path;
  FindingColumns columns;
  char delimiter = 0;  // 0: detect
};

class CsvFindingReader : public FindingReader {
 public:
  explicit CsvFindingReader(const CsvSourceOptions& options);
  const std::vector<std::string>& columns() const override { return records_.header(); }
  bool next_batch(FindingBatch& batch, std::size_t max_rows) override;
  double progress() const override { return records_.progress(); }
  const std::string& path() const override { return path_; }
  const ColumnIndexes& indexes() const { return indexes_; }

 private:
  std::string path_;
  CsvRecordReader records_;
  ColumnIndexes indexes_;
};

}  // namespace peta
