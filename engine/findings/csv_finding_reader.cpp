#include "findings/csv_finding_reader.hpp"

#include <string>

namespace peta {
namespace {

// A NUL byte would cut the text short wherever a C string carries it (GDAL fields, shapefile DBF, logs):
// each becomes U+FFFD, the replacement character, so the field keeps its length and shows the damage.
void replace_nul_bytes(std::string& text) {
  if (text.find('\0') == std::string::npos) return;
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    if (c == '\0') out += "\xEF\xBF\xBD";
    else out += c;
  }
  text.swap(out);
}

}  // namespace

CsvFindingReader::CsvFindingReader(const CsvSourceOptions& options)
    : chunks_(options.path, options.delimiter, options.chunk_bytes), encoding_(options.encoding), header_(chunks_.header()) {
  if (encoding_ == TextEncoding::detect) {
    std::string all;
    for (const auto& h : header_) all += h;
    if (!is_valid_utf8(all)) encoding_ = TextEncoding::cp1252;  // a header already says so for the whole file
  }
  for (auto& h : header_) {
    to_utf8(h, encoding_);
    replace_nul_bytes(h);
  }
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
  replace_nul_bytes(unit.text.bytes);
  const std::size_t width = header_.size();
  CsvChunkCursor cursor(unit.text, chunks_.delimiter());
  for (;;) {
    Finding& f = batch.append();
    if (!cursor.next(f.attributes)) {
      --batch.size;
      break;
    }
    f.row = cursor.row();
    if (cursor.broken()) {
      const std::size_t cell = cursor.broken_cell();
      batch.rejections.push_back(
          {chunks_.path(), f.row, cell < width ? header_[cell] : "", RejectionReason::unclosed_quote,
           "a quote opened on line " + std::to_string(cursor.broken_quote_row()) +
               " never closes (no closing quote followed by a delimiter or line end within " +
               std::to_string(kMaxQuotedFieldLines) + " lines); this record ends with that line and reading " +
               "goes on with the next",
           f.attributes.to_strings()});
      --batch.size;
    } else if (f.attributes.size() != width) {
      batch.rejections.push_back({chunks_.path(), f.row, "", RejectionReason::column_count,
                                  "expected " + std::to_string(width) + " fields, found " +
                                      std::to_string(f.attributes.size()),
                                  f.attributes.to_strings()});
      --batch.size;
    }
  }
}

}  // namespace peta
