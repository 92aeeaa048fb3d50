#pragma once
// Opens the reader a findings source needs: CSV (the parallel fast path), XLSX (GDAL's XLSX driver) or an
// OGR vector layer (GeoJSON, GeoPackage, Shapefile). Kobo/ODK exports are CSV or XLSX files whose
// geopoint columns the column detection recognises.
#include <memory>

#include "findings/finding_batch.hpp"
#include "project/project_settings.hpp"

namespace peta {

// Throws peta::Error naming the file when it cannot be opened or lacks the columns it needs.
std::unique_ptr<FindingReader> open_finding_source(const FindingSourceSettings& source);

}  // namespace peta
