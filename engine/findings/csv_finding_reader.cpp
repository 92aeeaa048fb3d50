#include "findings/csv_finding_reader.hpp"

#include "findings/decimal_coordinate.hpp"

namespace peta {

CsvFindingReader::CsvFindingReader(const CsvSourceOptions& options)
    : path_(options.path), records_(options.path, options.delimiter) {
  indexes_ = resolve_columns(options.columns, records_.header(), path_);
}

bool CsvFindingReader::next_batch(FindingBatch& batch, std::size_t max_rows) {
  batch.clear();
  const std::size_t width = records_.header().size();
  while (batch.size < max_rows) {
    Finding& f = batch.append();
    if (!records_.next(f.attributes)) {
      --batch.size;
      break;
    }
    f.row = records_.row();
    auto reject = [&](std::string field, std::string reason, std::string detail) {
      batch.rejections.push_back({path_, f.row, std::move(field), std::move(reason), std::move(detail), f.attributes});
      --batch.size;
    };
    if (f.attributes.size() != width) {
      reject("", "column_count",
             "expected " + std::to_string(width) + " fields, found " + std::to_string(f.attributes.size()));
      continue;
    }
    const std::string& lon_text = f.attributes[static_cast<std::size_t>(indexes_.lon)];
    const std::string& lat_text = f.attributes[static_cast<std::size_t>(indexes_.lat)];
    if (auto e = parse_decimal_degree(lon_text, 180, f.lonlat.x); e != CoordinateError::none) {
      reject(columns()[static_cast<std::size_t>(indexes_.lon)], coordinate_error_code(e), "longitude '" + lon_text + "'");
      continue;
    }
    if (auto e = parse_decimal_degree(lat_text, 90, f.lonlat.y); e != CoordinateError::none) {
      reject(columns()[static_cast<std::size_t>(indexes_.lat)], coordinate_error_code(e), "latitude '" + lat_text + "'");
      continue;
    }
    f.id = indexes_.id >= 0 ? f.attributes[static_cast<std::size_t>(indexes_.id)] : std::to_string(f.row);
    f.category = f.attributes[static_cast<std::size_t>(indexes_.category)];
  }
  return batch.size > 0 || !batch.rejections.empty();
}

}  // namespace peta
