#include "output/geopackage_writer.hpp"

#include <optional>

#include <sqlite3.h>

#include <cpl_conv.h>
#include <gdal_priv.h>

#include "core/error.hpp"
#include "output/gpkg_bulk_layer.hpp"
#include "output/ogr_layer_output.hpp"

namespace peta::output_detail {
namespace {

// SQLite's page cache for the GeoPackage being written. The rows are appended (only the right edge of the
// table's b-tree is touched) and the R-trees are packed from memory, not read back, so a small cache does:
// 1 M findings, temuan-only build, the same CPU time with 512, 64 and 16 MB; peak 389, 218 and 176 MB
// (BENCHMARKS.md).
constexpr const char* kCacheMegabytes = "16";

class GeoPackageWriter final : public FormatWriter {
 public:
  GeoPackageWriter(StagingFolder& staging, std::string file_name, std::size_t batch_size)
      : staging_(staging), file_name_(std::move(file_name)), batch_size_(batch_size) {
    const std::string path = staging_.temp_path(file_name_).string();
    where_file_ = (staging_.final_folder() / file_name_).string();
    {
      // Up to kCacheMegabytes of page cache (allocated only as used) unless the user set OGR_SQLITE_CACHE.
      const bool user_cache = CPLGetConfigOption("OGR_SQLITE_CACHE", nullptr) != nullptr;
      if (!user_cache) CPLSetThreadLocalConfigOption("OGR_SQLITE_CACHE", kCacheMegabytes);
      struct RestoreCache {  // also when create_dataset throws
        bool user_cache;
        ~RestoreCache() {
          if (!user_cache) CPLSetThreadLocalConfigOption("OGR_SQLITE_CACHE", nullptr);
        }
      } restore{user_cache};
      dataset_ = create_dataset("GPKG", path, where_file_);
    }
    fill_without_journal();
  }

  void begin_layer(const LayerSchema& schema) override {
    where_ = where_file_ + ", layer " + schema.name;
    // Every layer: prepared inserts, R-tree packed at the end (the findings may be millions of points, the
    // East Java desa 830,000 vertices).
    layer_.emplace(*dataset_, schema, where_);
    begin_transaction();
  }

  void write(const Feature& feature) override {
    layer_->write(feature);
    if (++in_transaction_ >= batch_size_) {
      commit_transaction();
      begin_transaction();
    }
  }

  void end_layer() override {
    if (!transaction_open_) begin_transaction();
    layer_->finish();
    commit_transaction();
    layer_.reset();
  }

  void finish() override {
    dataset_.reset();  // closes the file
    staging_.stage(file_name_);
  }

 private:
  // The file is new and written under a temporary name, renamed into place only when complete
  // (StagingFolder): a crash or an error leaves no file behind whatever state it is in, so SQLite's rollback
  // journal (a copy of every page changed, for a rollback nobody will do) and its fsyncs at each commit buy
  // nothing here. Only for this new file: the store's GeoPackage keeps its journal.
  void fill_without_journal() {
    auto* db = static_cast<sqlite3*>(dataset_->GetInternalHandle("SQLITE_HANDLE"));
    if (!db) return;
    for (const char* pragma : {"PRAGMA journal_mode = OFF", "PRAGMA synchronous = OFF"}) {
      char* message = nullptr;
      if (sqlite3_exec(db, pragma, nullptr, nullptr, &message) != SQLITE_OK) {
        const std::string m = message ? message : "";
        sqlite3_free(message);
        throw Error(where_file_ + ": " + pragma + ": " + m);
      }
    }
  }

  void begin_transaction() {
    if (dataset_->StartTransaction(FALSE) != OGRERR_NONE)
      throw Error(where_ + ": cannot start a transaction: " + CPLGetLastErrorMsg());
    in_transaction_ = 0;
    transaction_open_ = true;
  }
  void commit_transaction() {
    if (!transaction_open_) return;
    transaction_open_ = false;
    if (dataset_->CommitTransaction() != OGRERR_NONE)
      throw Error(where_ + ": cannot commit a transaction: " + CPLGetLastErrorMsg());
  }

  StagingFolder& staging_;
  std::string file_name_;
  std::size_t batch_size_;
  GDALDatasetUniquePtr dataset_;
  std::optional<GpkgBulkLayer> layer_;
  std::size_t in_transaction_ = 0;
  bool transaction_open_ = false;
  std::string where_file_;
  std::string where_;
};

}  // namespace

std::unique_ptr<FormatWriter> make_geopackage_writer(StagingFolder& staging, std::string file_name,
                                                     std::size_t batch_size) {
  return std::make_unique<GeoPackageWriter>(staging, std::move(file_name), batch_size);
}

}  // namespace peta::output_detail
