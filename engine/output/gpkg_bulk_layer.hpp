#pragma once
// One GeoPackage layer (points, lines, polygons or no geometry) written at the speed SQLite allows: GDAL creates the
// table, its fields, its R-tree and triggers (so the layer is exactly what GDAL makes), then the rows go in
// through one prepared INSERT on GDAL's own SQLite connection, in GDAL's transaction, and the R-tree is
// packed once at the end (store/sqlite_rtree_bulk.hpp) from the envelopes kept while writing (28 bytes each)
// instead of growing entry by entry or reading the table back. The geometry blobs are GDAL's bytes exactly
// (store/gpkg_geometry.hpp).
//
// Why not OGRLayer::CreateFeature: measured on 1 M findings (BENCHMARKS.md, "The point layer"), GDAL 3.6's
// GPKG driver spends most of the layer's time filling the R-tree one insert at a time when the layer is
// closed (the deferred spatial index), and the rest building an INSERT per feature; the Arrow write API
// (WriteArrowBatch) that avoids the latter needs GDAL >= 3.8 (Debian 12: 3.6.2). The insert and feature-count
// triggers are held back while the rows go in and recreated from their stored text before the commit.
// The polygon layers gain the same way: GDAL filled the 8,494 East Java desa's R-tree at close, one insert at
// a time, in 0.1 s of a 0.26 s layer stage (BENCHMARKS.md, "Fifth session").
#include <sqlite3.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gdal_priv.h>

#include "output/layer.hpp"
#include "store/sqlite_rtree_bulk.hpp"

namespace peta::output_detail {

class GpkgBulkLayer {
 public:
  // Creates the layer in `dataset` (a GeoPackage GDAL is writing; a transaction must be open around the
  // writes) with GDAL: fid, geom (EPSG:4326) and the full-name fields; `where` names file and layer in errors.
  GpkgBulkLayer(GDALDataset& dataset, const LayerSchema& schema, std::string where);
  ~GpkgBulkLayer();
  GpkgBulkLayer(const GpkgBulkLayer&) = delete;
  GpkgBulkLayer& operator=(const GpkgBulkLayer&) = delete;

  void write(const Feature& feature);
  // Packs the R-tree, sets the feature count and extent, recreates the held-back triggers; in the caller's
  // transaction, which must be open.
  void finish();

 private:
  // Binds the geometry blob (parameter 1) and returns its envelope (nullopt: NULL or empty geometry).
  std::optional<store::Envelope> bind_geometry(const FeatureGeometry& geometry);
  void exec(const std::string& sql);
  [[noreturn]] void fail(const std::string& what);

  sqlite3* db_ = nullptr;
  std::string table_;
  std::string where_;
  GeometryKind geometry_;
  bool spatial_ = false;
  std::vector<FieldType> types_;
  std::vector<std::string> names_;
  sqlite3_stmt* insert_ = nullptr;
  std::vector<std::pair<std::string, std::string>> held_triggers_;  // name, CREATE TRIGGER text
  std::string blob_;
  std::string scratch_;
  long long rows_ = 0;
  // Every feature's fid and box, packed into the R-tree by finish(). Past 256 K entries (7 MB) they are sorted
  // into runs in a temporary file and merged at the end: 10 M East Java findings in one build peaked at 933 MB
  // with every box in memory (BENCHMARKS.md).
  static constexpr std::size_t kEntriesInMemory = 262'144;
  store::RtreeEntries rtree_{kEntriesInMemory};
  double extent_[4] = {1e300, 1e300, -1e300, -1e300};
  bool finished_ = false;
};

}  // namespace peta::output_detail
