#include "findings/csv_finding_reader.hpp"

#include "findings/decimal_coordinate.hpp"

namespace peta {

CsvFindingReader::CsvFindingReader(const CsvSourceOptions& options)
    : chunks_(options.path, options.delimiter, options.chunk_bytes) {
  indexes_ = resolve_columns(options.columns, chunks_.header(), options.path);
}

bool CsvFindingReader::next_batch(FindingBatch& batch, std::size_t) {
  CsvChunk chunk;
  batch.clear();
  if (!next_chunk(chunk)) return false;
  parse(chunk, batch);
  return true;
}

void CsvFindingReader::parse(const CsvChunk& chunk, FindingBatch& batch) const {
  batch.clear();
  const std::string& path = chunks_.path();
  const auto& header = chunks_.header();
  const std::size_t width = header.size();
  const auto lon = static_cast<std::size_t>(indexes_.lon), lat = static_cast<std::size_t>(indexes_.lat);
  CsvChunkCursor cursor(chunk, chunks_.delimiter());
  for (;;) {
    Finding& f = batch.append();
    if (!cursor.next(f.attributes)) {
      --batch.size;
      break;
    }
    f.row = cursor.row();
    auto reject = [&](std::string field, std::string reason, std::string detail) {
      batch.rejections.push_back({path, f.row, std::move(field), std::move(reason), std::move(detail), f.attributes});
      --batch.size;
    };
    if (f.attributes.size() != width) {
      reject("", "column_count",
             "expected " + std::to_string(width) + " fields, found " + std::to_string(f.attributes.size()));
      continue;
    }
    if (auto e = parse_decimal_degree(f.attributes[lon], 180, f.lonlat.x); e != CoordinateError::none) {
      reject(header[lon], coordinate_error_code(e), "longitude '" + f.attributes[lon] + "'");
      continue;
    }
    if (auto e = parse_decimal_degree(f.attributes[lat], 90, f.lonlat.y); e != CoordinateError::none) {
      reject(header[lat], coordinate_error_code(e), "latitude '" + f.attributes[lat] + "'");
      continue;
    }
    f.id = indexes_.id >= 0 ? f.attributes[static_cast<std::size_t>(indexes_.id)] : std::to_string(f.row);
    f.category = f.attributes[static_cast<std::size_t>(indexes_.category)];
  }
}

}  // namespace peta
