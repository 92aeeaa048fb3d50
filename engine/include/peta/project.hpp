#pragma once
/// @file project.hpp
/// @brief Load a project file and build it: boundaries, geocoding, counts, hotspots, every layer.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "peta/export.hpp"

namespace peta::api {

namespace detail {
struct ProjectData;  // the validated settings; internal to libpeta
}

/// A project file (`project.json`), read and validated.
///
/// Paths inside it are resolved against the file's folder. A Project is cheap to copy (the settings are
/// shared and never change) and may be used from several threads.
class PETA_API Project {
 public:
  /// Reads and validates a project file.
  /// @param path the project JSON file
  /// @throws Error naming the file and the key path of the first problem (unknown key, wrong type, missing file)
  static Project load(const std::string& path);

  /// The project's `name`.
  const std::string& name() const;
  /// The project file, as given to load().
  const std::string& file() const;
  /// The output folder (absolute or relative to the working directory), where build() writes.
  const std::string& output_folder() const;
  /// The output GeoPackage that build() writes and top_units() / write_report() read; empty when the project's
  /// `output.formats` has no `geopackage`.
  std::string output_geopackage() const;
  /// The findings store (`store.path`: a `.gpkg` file or `PG:...`); empty when the project has none.
  const std::string& store() const;
  /// The codes of the project's finding categories (e.g. `jalan_rusak`, `stunting`), in taxonomy order.
  std::vector<std::string> categories() const;
  /// The language of labels in reports and summaries: `id` or `en`.
  const std::string& language() const;

  /// For libpeta itself.
  const detail::ProjectData& data() const { return *data_; }

 private:
  explicit Project(std::shared_ptr<const detail::ProjectData> data);
  std::shared_ptr<const detail::ProjectData> data_;
};

/// Called while findings are read and geocoded: `fraction` runs from 0 to 1, `stage` names what is running.
/// Called from the thread that called build() or import_findings(); it must not throw.
using Progress = std::function<void(double fraction, const std::string& stage)>;

/// How build() runs.
struct BuildOptions {
  Progress progress;     ///< progress callback; empty: silent
  unsigned threads = 0;  ///< worker threads that read, parse and geocode findings; 0: all cores
};

/// What happened to the rows of one findings source (or of all of them: BuildSummary::total).
///
/// Every row ends in exactly one state: placed by coordinates, placed by desa name or code, or rejected;
/// so `rows_read == by_coordinates + by_name_or_code + rejected`.
struct SourceSummary {
  std::string source;                 ///< the source file (`total` for BuildSummary::total)
  std::int64_t rows_read = 0;         ///< rows (records) read
  std::int64_t by_coordinates = 0;    ///< placed by their coordinates or geometry (lines included)
  std::int64_t lines = 0;             ///< of by_coordinates: line findings (road stretches)
  std::int64_t by_name_or_code = 0;   ///< placed by desa name or Kemendagri code
  std::int64_t rejected = 0;          ///< rejected; each with its reason in the rejects file `ditolak.csv`
  std::int64_t flagged = 0;           ///< placed with at least one flag (e.g. `celah`: in a sliver gap)
  std::map<std::string, std::int64_t> rejected_by_reason;  ///< e.g. `outside_boundaries` -> 12
  std::map<std::string, std::int64_t> flagged_by_flag;     ///< e.g. `tumpang_tindih` -> 3
  /// True when the three states add up to the rows read.
  bool balanced() const { return rows_read == by_coordinates + by_name_or_code + rejected; }
};

/// How long one stage of the build took.
struct StageTime {
  std::string stage;   ///< e.g. `boundaries`, `findings`, `statistics`, `layers`
  double seconds = 0;  ///< wall-clock seconds
};

/// The run summary of build() (also written by build() as `ringkasan.json` in the output folder).
struct BuildSummary {
  std::vector<SourceSummary> sources;  ///< one per findings source, by file name
  SourceSummary total;                 ///< all sources together
  std::vector<StageTime> stages;       ///< in run order
  std::vector<std::string> outputs;    ///< every file written
  std::int64_t point_clusters = -1;    ///< DBSCAN clusters, when the project asks for DBSCAN; else -1
  std::int64_t point_noise = -1;       ///< DBSCAN noise points, when DBSCAN ran; else -1
  std::string json;                    ///< the summary as JSON (what `peta build --json` prints)
  std::string text;                    ///< the summary as readable text (what `peta build` prints)
};

/// Builds the project: loads the boundaries, reads and geocodes every findings source, counts per desa and
/// kecamatan, computes the hotspot statistics and writes every layer in every format into the output folder,
/// with the rejects and the run summary. The same as `peta build PROJECT.json`.
/// @throws Error when a boundary or findings file cannot be read, or an output cannot be written
BuildSummary build(const Project& project, const BuildOptions& options = {});

}  // namespace peta::api
