#pragma once
// The store's line findings (layer `ruas`: damaged road segments) in a build from the store, counted as the
// one-shot build counts line findings (project/findings_stage.hpp): each segment cut at the desa borders by the
// same LineCutter from its stored parts (the exact coordinates read), its pieces' lengths added to the damaged
// length per desa (FindingsResult::length_m), the pieces handed to a sink (the ruas layer). Lines add length,
// not counts (n_total and the status counts are the points', as without a store).
//
//   takes:   the boundaries, the opened store, the policy, the status timeline and the as-of day of the point pass
//   returns: adds to FindingsResult (length_m, stored_lines) and the summary (the store's source: rows read, lines,
//            rejected; the statuses read); a segment that crosses no desa goes to the spool (outside_boundaries).
//
// Left out, as for the points: bukan_masalah and duplikat, and segments first seen after the as-of day.
#include "geocode/line_cutter.hpp"
#include "output/store_temuan_layer.hpp"
#include "project/findings_stage.hpp"
#include "store/finding_store.hpp"
#include "store/status_timeline.hpp"

namespace peta {

// Where the pieces of the counted segments that may be drawn go (the ruas layer). One thread, store order.
class StoredSegmentSink {
 public:
  virtual ~StoredSegmentSink() = default;
  virtual void write(const store::StoredFinding& f, const LinePiece& piece, const FindingLife& life) = 0;
};

void add_store_segments(const ProjectSettings& settings, const Boundaries& b, store::FindingStore& store,
                        const PublicationPolicy& policy, const store::StatusTimeline& timeline, int as_of,
                        RejectionSpool& spool, StoredSegmentSink* sink, RunSummary& summary, FindingsResult& result);

}  // namespace peta
