#pragma once
// Opens the reader a findings source needs: CSV (the parallel fast path), XLSX (GDAL's XLSX driver) or an
// OGR vector layer (GeoJSON, GeoPackage, Shapefile). Kobo/ODK exports are CSV or XLSX files whose
// geopoint columns the column detection recognises.
#include <memory>
#include <vector>

#include "aggregate/publication_policy.hpp"
#include "findings/finding_batch.hpp"
#include "project/project_settings.hpp"

namespace peta {

// Throws peta::Error naming the file when it cannot be opened or lacks the columns it needs.
std::unique_ptr<FindingReader> open_finding_source(const FindingSourceSettings& source);

// One opened source and which of its columns may be published.
struct OpenSource {
  const FindingSourceSettings* settings = nullptr;
  std::unique_ptr<FindingReader> reader;
  SourceColumns columns;
};

// Every source of a project, opened first: the point and rejects layers need the union of their columns.
struct FindingSources {
  FindingSources(const ProjectSettings& settings, const PublicationPolicy& policy);
  // No source opened: a build from the findings store. Its rejections are of one "source" without columns.
  static FindingSources none();

  std::vector<OpenSource> sources;
  ColumnUnion published;  // temuan and ruas
  ColumnUnion rejects;    // ditolak: published + location columns
  bool any_names = false; // some source names desa (the gazetteer is needed)

 private:
  FindingSources() = default;
};

}  // namespace peta
