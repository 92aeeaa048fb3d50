#pragma once
// The format writers of one output set (GeoPackage, GeoJSON, shapefile, FlatGeobuf), driven together: each
// layer is opened, written and closed in every format. With `parallel`, every writer runs on its own thread,
// fed batches of features through a bounded queue, so the formats are written side by side and beside the
// thread that produces the features (the build's merging thread). GDAL datasets are not thread-safe, but each
// writer owns its datasets and only its thread touches them after construction.
//
// The files are the same as a serial run's, byte for byte: each writer sees the same layers and features in
// the same order; the staging order (the run's list of files) is kept by StagingFolder's steps. An error on
// a writer's thread is rethrown on the driving thread at its next call (or at finish()), unchanged.
// Memory: at most kQueuedBatches batches of kBatchFeatures features in flight, shared by all writers.
#include <memory>
#include <vector>

#include "output/atomic_file.hpp"
#include "output/format_writer.hpp"

namespace peta::output_detail {

class FormatWriters {
 public:
  static constexpr std::size_t kBatchFeatures = 512;
  static constexpr std::size_t kQueuedBatches = 16;

  FormatWriters(StagingFolder& staging, std::vector<std::unique_ptr<FormatWriter>> writers, bool parallel);
  ~FormatWriters();  // without finish(): stops the threads; the writers' files stay unstaged
  FormatWriters(const FormatWriters&) = delete;
  FormatWriters& operator=(const FormatWriters&) = delete;

  void begin_layer(const LayerSchema& schema);
  void write(const Feature& feature);
  void write(Feature&& feature);
  void end_layer();
  // Every writer finishes (closes and stages its files); waits for the threads; rethrows the first error.
  void finish();

 private:
  struct Worker;
  void flush_batch();
  void send_all(int kind, std::shared_ptr<const LayerSchema> schema = nullptr);
  void rethrow_failure();

  StagingFolder& staging_;
  std::vector<std::unique_ptr<FormatWriter>> serial_;  // when not parallel
  std::vector<std::unique_ptr<Worker>> workers_;
  std::vector<Feature> batch_;
  bool finished_ = false;
};

}  // namespace peta::output_detail
