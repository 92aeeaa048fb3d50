#pragma once
// The findings stage of a build from the findings store (`"store"` in the project): the store's findings,
// already read, located and flagged by `peta import`, counted as the sources' findings are, plus the life of
// each problem as of a date.
//
//   takes:   the boundaries, the opened store, the policy, a sink for the findings to draw (temuan)
//   returns: FindingsResult (counts per desa and category, periods, visits, points for KDE/DBSCAN) and the
//            status aggregates per desa and kecamatan (store/store_aggregates.hpp); the store's accounting
//            goes to the summary (as a source named "store"), findings whose desa code is not in the
//            boundaries to the rejection spool (reason desa_tidak_dikenal).
//
// Left out of every count: bukan_masalah and duplikat (not problems), and findings first seen after the date
// (a build "as of" an earlier day). In the public profile the status aggregates leave the sensitive categories
// out, as n_total does, so that no withheld count can be recovered from them.
#include <string>

#include "project/findings_stage.hpp"
#include "store/finding_store.hpp"
#include "store/store_aggregates.hpp"

namespace peta {

struct FindingLife;
class StoredSegmentSink;

// Where the store's findings that may be drawn go (the temuan layer). Called on one thread, in store order.
class StoredFindingSink {
 public:
  virtual ~StoredFindingSink() = default;
  // `where`: the finding's point, or its desa's point on surface when it was placed by name or code.
  virtual void write(const store::StoredFinding& f, int desa, Coord where, const FindingLife& life) = 0;
};

struct StoreFindingsOptions {
  PeriodKind period = PeriodKind::month;
  VisitFollowUp* visits = nullptr;  // when given, every dated finding is linked to its visit, with its outcome
  bool keep_points = false;
  std::string as_of;  // YYYY-MM-DD: ages, due dates and what is overdue are as of this day
  StoredSegmentSink* segments = nullptr;  // the store's segments (ruas), cut at the desa borders
  ProgressFn progress;
};

struct StoreFindingsResult {
  FindingsResult findings;
  store::StatusAggregates status;
};

// The label of the store in summaries and rejects: the GeoPackage's file name, or "PostGIS" (a PG: path may
// hold a password).
std::string store_label(const std::string& path);

StoreFindingsResult run_store_findings_stage(const ProjectSettings& settings, const Boundaries& b,
                                             store::FindingStore& store, const PublicationPolicy& policy,
                                             RejectionSpool& spool, StoredFindingSink* sink, RunSummary& summary,
                                             const StoreFindingsOptions& options);

}  // namespace peta
