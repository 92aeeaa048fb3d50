#include "project/finding_sources.hpp"

#include "findings/csv_finding_reader.hpp"
#include "findings/ogr_finding_reader.hpp"
#include "findings/xlsx_finding_reader.hpp"

namespace peta {

std::unique_ptr<FindingReader> open_finding_source(const FindingSourceSettings& s) {
  const bool category_required = s.category.empty();
  switch (s.format) {
    case SourceFormat::csv: {
      CsvSourceOptions o;
      o.path = s.path;
      o.columns = s.columns;
      o.delimiter = s.delimiter;
      o.encoding = s.encoding;
      o.category_required = category_required;
      return std::make_unique<CsvFindingReader>(o);
    }
    case SourceFormat::xlsx:
      return open_xlsx_findings({s.path, s.layer, s.columns, category_required});
    case SourceFormat::vector: {
      OgrSourceOptions o;
      o.path = s.path;
      o.layer = s.layer;
      o.crs = s.crs;
      o.columns = s.columns;
      o.category_required = category_required;
      return std::make_unique<OgrFindingReader>(o);
    }
  }
  return nullptr;
}

}  // namespace peta
