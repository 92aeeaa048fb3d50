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

FindingSources::FindingSources(const ProjectSettings& settings, const PublicationPolicy& policy) {
  std::vector<std::vector<std::string>> headers;
  std::vector<std::vector<int>> published, rejects;
  for (const auto& src : settings.findings) {
    OpenSource s;
    s.settings = &src;
    s.reader = open_finding_source(src);
    const ColumnIndexes& c = s.reader->indexes();
    any_names |= c.has_place_names();
    s.columns = policy.columns(s.reader->columns(), c.descriptive_columns(), c.location_columns(), c.category, src.publish,
                               src.category, settings.file + ": findings source '" + src.path + "'");
    headers.push_back(s.reader->columns());
    published.push_back(s.columns.published);
    rejects.push_back(s.columns.rejects);
    sources.push_back(std::move(s));
  }
  this->published = union_columns(headers, published);
  this->rejects = union_columns(headers, rejects);
}

FindingSources FindingSources::none() {
  FindingSources s;
  s.published.maps = {{}};
  s.rejects.maps = {{}};
  return s;
}

}  // namespace peta
