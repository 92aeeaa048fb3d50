#pragma once
// Findings travel in batches whose storage is reused from one batch to the next, so that streaming
// millions of rows allocates almost nothing after the first batch.
//
// A reader hands out raw units sequentially (next_unit); the heavy part (splitting CSV text into rows,
// reading coordinates, geocoding) runs on worker threads. CSV readers hand out text (split on a worker by
// split()); readers of small sources (XLSX, OGR layers) hand out rows already split, with their geometry.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/finding.hpp"
#include "core/rejection.hpp"
#include "findings/column_detection.hpp"
#include "findings/csv_chunk.hpp"

namespace peta {

struct FindingBatch {
  std::vector<Finding> findings;     // only the first `size` are live; the rest keep their capacity
  std::size_t size = 0;
  std::vector<Rejection> rejections; // rows the reader itself could not use

  void clear() {
    size = 0;
    rejections.clear();
  }
  // The next slot, reused if it exists.
  Finding& append() {
    if (size == findings.size()) findings.emplace_back();
    return findings[size++];
  }
};

// The geometry a vector layer gives a row (EPSG:4326).
struct RowGeometry {
  enum class Kind : std::uint8_t { none, point, lines };
  Kind kind = Kind::none;
  Coord point;
  std::vector<LineString> lines;
};

struct RawFindingUnit {
  bool is_text = false;
  CsvChunk text;                      // CSV: whole records, split by FindingReader::split on a worker
  FindingBatch rows;                  // rows with `row` and `attributes` set (nothing else yet)
  std::vector<RowGeometry> geometry;  // per live row of `rows` when the source has geometry, else empty

  void clear() {
    is_text = false;
    rows.clear();
    geometry.clear();
  }
};

// A source of findings: CSV, XLSX, an OGR vector layer (GeoJSON, GeoPackage, Shapefile), Kobo/ODK exports.
class FindingReader {
 public:
  virtual ~FindingReader() = default;
  // Names of every column, in source order: Finding::attributes and Rejection::values follow them.
  virtual const std::vector<std::string>& columns() const = 0;
  // Which column holds what.
  virtual const ColumnIndexes& indexes() const = 0;
  // The next raw unit (sequential); false when the source is exhausted.
  virtual bool next_unit(RawFindingUnit& unit) = 0;
  // Turns a text unit into rows (and rows of the wrong width into rejections). Thread-safe.
  virtual void split(RawFindingUnit& unit) const { (void)unit; }
  // Share of the source read so far, 0..1, for progress bars.
  virtual double progress() const = 0;
  virtual const std::string& path() const = 0;
};

}  // namespace peta
