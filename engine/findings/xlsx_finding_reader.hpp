#pragma once
// Findings from an Excel workbook (.xlsx) through GDAL's XLSX driver: the first sheet or a named one
// (sheet = layer), the first row always read as the header (OGR_XLSX_HEADERS=FORCE), every cell as text
// (OGR_XLSX_FIELD_TYPES=STRING) so that coordinates such as 7°45'12"LS reach the coordinate parser as typed.
// Row numbers are the sheet's (header = row 1).
#include <memory>
#include <string>

#include "findings/ogr_finding_reader.hpp"

namespace peta {

struct XlsxSourceOptions {
  std::string path;
  std::string sheet;  // empty: the first sheet
  FindingColumns columns;
  bool category_required = true;
};

std::unique_ptr<FindingReader> open_xlsx_findings(const XlsxSourceOptions& options);

}  // namespace peta
