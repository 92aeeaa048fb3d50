#include "findings/csv_finding_reader.hpp"

namespace peta {

CsvFindingReader::CsvFindingReader(const CsvSourceOptions& options)
    : chunks_(options.path, options.delimiter, options.chunk_bytes), encoding_(options.encoding), header_(chunks_.header()) {
  if (encoding_ == TextEncoding::detect) {
    std::string all;
    for (const auto& h : header_) all += h;
    if (!is_valid_utf8(all)) encoding_ = TextEncoding::cp1252;  // a header already says so for the whole file
  }
  for (auto& h : header_) to_utf8(h, encoding_);
  indexes_ = resolve_columns(options.columns, header_, options.path, false, options.category_required);
}

bool CsvFindingReader::next_unit(RawFindingUnit& unit) {
  unit.clear();
  unit.is_text = true;
  return chunks_.next(unit.text);
}

void CsvFindingReader::split(RawFindingUnit& unit) const {
  FindingBatch& batch = unit.rows;
  batch.clear();
  if (!unit.is_text) return;
  to_utf8(unit.text.bytes, encoding_);
  const std::size_t width = header_.size();
  CsvChunkCursor cursor(unit.text, chunks_.delimiter());
  for (;;) {
    Finding& f = batch.append();
    if (!cursor.next(f.attributes)) {
      --batch.size;
      break;
    }
    f.row = cursor.row();
    if (f.attributes.size() != width) {
      batch.rejections.push_back({chunks_.path(), f.row, "", "column_count",
                                  "expected " + std::to_string(width) + " fields, found " +
                                      std::to_string(f.attributes.size()),
                                  f.attributes.to_strings()});
      --batch.size;
    }
  }
}

}  // namespace peta
