#include "findings/xlsx_finding_reader.hpp"

namespace peta {

std::unique_ptr<FindingReader> open_xlsx_findings(const XlsxSourceOptions& options) {
  OgrSourceOptions o;
  o.path = options.path;
  o.layer = options.sheet;
  o.columns = options.columns;
  o.category_required = options.category_required;
  o.config_options = {{"OGR_XLSX_HEADERS", "FORCE"}, {"OGR_XLSX_FIELD_TYPES", "STRING"}};
  o.allowed_drivers = {"XLSX"};
  o.use_geometry = false;
  o.first_row = 2;
  return std::make_unique<OgrFindingReader>(o);
}

}  // namespace peta
