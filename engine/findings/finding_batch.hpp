#pragma once
// Findings travel in batches whose storage is reused from one batch to the next, so that streaming
// millions of rows allocates almost nothing after the first batch.
#include <cstddef>
#include <string>
#include <vector>

#include "core/finding.hpp"
#include "core/rejection.hpp"

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

// A source of findings (CSV now; XLSX, OGR layers and Kobo exports later).
class FindingReader {
 public:
  virtual ~FindingReader() = default;
  // Names of every column, in source order: Finding::attributes and Rejection::values follow them.
  virtual const std::vector<std::string>& columns() const = 0;
  // Fills the batch with up to `max_rows` rows; false when the source is exhausted.
  virtual bool next_batch(FindingBatch& batch, std::size_t max_rows) = 0;
  // Share of the source read so far, 0..1, for progress bars.
  virtual double progress() const = 0;
  virtual const std::string& path() const = 0;
};

}  // namespace peta
