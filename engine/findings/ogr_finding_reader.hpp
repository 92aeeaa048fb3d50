#pragma once
// Findings from an OGR vector layer: GeoJSON, GeoPackage, Shapefile (points or lines, any CRS), and
// through the same code the XLSX driver (findings/xlsx_finding_reader.hpp). Every attribute is read as
// text; geometries are reprojected to EPSG:4326. Points carry their location; lines go to the line path.
// A polygon (or other) geometry is rejected as `geometry_unsupported`.
// Row numbers: the feature's position in the layer, from 1; for spreadsheets the sheet row (header = 1).
#include <memory>
#include <string>
#include <vector>

#include "findings/column_detection.hpp"
#include "findings/finding_batch.hpp"

namespace peta {

struct OgrSourceOptions {
  std::string path;
  std::string layer;                       // empty: the first layer
  std::string crs;                         // overrides the layer's CRS
  FindingColumns columns;
  bool category_required = true;
  std::vector<std::string> open_options;
  // Thread-local GDAL configuration while the source is opened and its layer loaded (GDAL 3.6's XLSX
  // driver takes OGR_XLSX_HEADERS / OGR_XLSX_FIELD_TYPES this way, not as open options).
  std::vector<std::pair<std::string, std::string>> config_options;
  std::vector<std::string> allowed_drivers;  // empty: any
  bool use_geometry = true;
  long long first_row = 1;                 // row number of the first feature
  std::size_t rows_per_unit = 16384;
};

class OgrFindingReader : public FindingReader {
 public:
  explicit OgrFindingReader(const OgrSourceOptions& options);
  ~OgrFindingReader() override;
  const std::vector<std::string>& columns() const override { return columns_; }
  const ColumnIndexes& indexes() const override { return indexes_; }
  bool next_unit(RawFindingUnit& unit) override;
  double progress() const override;
  const std::string& path() const override { return path_; }
  bool has_geometry() const { return geometry_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string path_;
  std::vector<std::string> columns_;
  ColumnIndexes indexes_;
  bool geometry_ = false;
};

}  // namespace peta
