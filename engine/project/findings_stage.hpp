#pragma once
// The findings stage: every source's rows through the readers, the geocoding stage and the counts.
// Sources are read one after another; within a source each worker thread reads its next unit of ~512 KiB,
// splits and geocodes it (geocode/geocoding_stage.hpp), while the calling thread merges the units in read
// order: counts, cut lines, rejections (scrubbed by the publication policy, spooled to disk) and every placed
// point handed to the sink. So the outputs do not depend on the thread count.
//
//   takes:   the boundaries and geocoding context, the opened sources, the policy, a sink for placed points
//   returns: FindingsResult (counts per desa and category, line findings and their pieces, the points kept for
//            point statistics); the rejections go to the spool; per-source accounting and stage times to the
//            summary.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "aggregate/period_counts.hpp"
#include "aggregate/publication_policy.hpp"
#include "aggregate/unit_counts.hpp"
#include "core/run_summary.hpp"
#include "geocode/geocoding_stage.hpp"
#include "geocode/line_cutter.hpp"
#include "output/rejection_spool.hpp"
#include "program/visit_follow_up.hpp"
#include "project/finding_sources.hpp"

namespace peta {

// Progress of a run: the share done (0..1) of the stage named.
using ProgressFn = std::function<void(double fraction, const char* stage)>;

// A point finding the geocoding stage placed in a desa, as the sinks see it.
struct PlacedFinding {
  const Finding& finding;
  // Its flags include tanggal_tidak_valid when the date cell holds no real date.
  const Assignment& assignment;
  int category;             // index in the taxonomy, -1 for an unknown value
  std::size_t source;       // index in FindingSources::sources
  bool by_name_or_code;     // precision "desa" (the desa's point on surface), else "titik"
  int named_desa;           // the desa the row names when it disagrees with the coordinates, else -1
  double named_distance_m;  // distance from the point to that desa, else -1
  float confidence;         // placed by name: the gazetteer's 0..1 (1 by code); by coordinates: -1
};

// Where placed points go (the temuan layer, the store). Called on one thread, in read order.
class PlacedFindingSink {
 public:
  virtual ~PlacedFindingSink() = default;
  virtual void write(const PlacedFinding& finding) = 0;
};

// The line findings that crossed at least one desa, and their pieces in read order.
struct LineFindings {
  struct Piece {
    std::size_t line;  // index in rows
    LinePiece piece;
  };
  std::vector<LineRow> rows;
  std::vector<std::size_t> source;
  std::vector<int> category;
  std::vector<Piece> pieces;
};

struct FindingsResult {
  FindingsResult(std::size_t desa_count, std::size_t category_count, PeriodKind period)
      : counts(desa_count, category_count), periods(period), length_m(desa_count, 0.0) {}
  UnitCounts counts;
  // Point findings per desa x period x category by the finding's date (core/date.hpp); undated and
  // tanggal_tidak_valid ones counted apart.
  PeriodCounts periods;
  std::vector<double> length_m;  // damaged length per desa, m (EPSG:32749)
  LineFindings lines;
  std::size_t stored_lines = 0;  // a build from the store: the segments counted (their pieces are not kept)
  bool has_lines() const { return !lines.rows.empty() || stored_lines > 0; }
  // For KDE and DBSCAN, when asked for: the points the policy lets be seen, and their category codes.
  std::vector<Coord> points;
  std::vector<std::string> point_categories;
};

struct FindingsStageOptions {
  unsigned threads = 1;
  PeriodKind period = PeriodKind::month;
  VisitFollowUp* visits = nullptr;  // when given, every dated point finding is linked to its visit
  bool keep_points = false;  // fill FindingsResult::points (24 bytes a finding)
  ProgressFn progress;       // may be empty
};

FindingsResult run_findings_stage(const ProjectSettings& settings, const GeocodingContext& geocoding,
                                  FindingSources& sources, const PublicationPolicy& policy, RejectionSpool& spool,
                                  PlacedFindingSink* sink, RunSummary& summary, const FindingsStageOptions& options);

}  // namespace peta
