#pragma once
// What a run did: rows in, rows out, rejections by reason, and the time each stage took.
#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace peta {

struct SourceCounts {
  std::int64_t rows_read = 0;
  std::int64_t geocoded = 0;   // assigned with no flag
  std::int64_t flagged = 0;    // assigned, with at least one flag
  std::int64_t rejected = 0;
  std::map<std::string, std::int64_t> rejected_by_reason;
  std::map<std::string, std::int64_t> flagged_by_flag;
  // The three states (flags come on top): placed by coordinates (points and lines), placed by desa name or
  // code, rejected.
  std::int64_t by_coordinates = 0;
  std::int64_t by_name_or_code = 0;
  std::int64_t lines = 0;      // of by_coordinates: line findings (road stretches)
  bool balanced() const { return rows_read == geocoded + flagged + rejected; }
  bool states_balanced() const { return rows_read == by_coordinates + by_name_or_code + rejected; }
};

struct StageTime {
  std::string stage;
  double seconds = 0;
  std::string note = {};  // e.g. what the boundary cache did; empty for most stages
};

struct RunSummary {
  std::map<std::string, SourceCounts> sources;  // keyed by source file
  std::vector<StageTime> stages;
  std::vector<std::string> outputs;             // files written
  std::map<std::string, std::int64_t> unknown_categories;
  // What a person should know but that lost no row, e.g. a header naming a column twice (the first is used).
  std::vector<std::string> warnings;
  // A build from the findings store: its label (file name, or "PostGIS") and the findings read per status
  // (plus "setelah_tanggal": first seen after the build's date, not counted).
  std::string store;
  std::map<std::string, std::int64_t> store_status;
  std::int64_t point_clusters = -1;  // DBSCAN clusters and noise points, when DBSCAN ran
  std::int64_t point_noise = -1;
  nlohmann::json indicator_statistics;  // the global results of the project's "statistik", when it has any
  // The desa profile tables (engine/profile): per table rows, joined, rejected by reason, desa without a row;
  // the matrix counts per class. Null when the project has none.
  nlohmann::json profile;
  std::vector<std::string> profile_text;  // its lines for the terminal summary

  SourceCounts total() const;
  nlohmann::json to_json() const;
  std::string to_text() const;  // readable, for the terminal
};

// Times a scope and appends it to a summary's stages: `StageTimer t(summary, "geocode");`
class StageTimer {
 public:
  StageTimer(RunSummary& summary, std::string stage)
      : summary_(summary), stage_(std::move(stage)), start_(std::chrono::steady_clock::now()) {}
  ~StageTimer() { stop(); }
  double stop();
  void note(std::string text) { note_ = std::move(text); }

 private:
  RunSummary& summary_;
  std::string stage_;
  std::chrono::steady_clock::time_point start_;
  std::string note_;
  bool stopped_ = false;
};

}  // namespace peta
