#include "project/store_segments_stage.hpp"

#include <memory>

#include "core/error.hpp"
#include "store/finding_status.hpp"
#include "store/store_aggregates.hpp"
#include "store/store_dates.hpp"

namespace peta {

void add_store_segments(const ProjectSettings& settings, const Boundaries& b, store::FindingStore& store,
                        const PublicationPolicy& policy, const store::StatusTimeline& timeline, int as_of,
                        RejectionSpool& spool, StoredSegmentSink* sink, RunSummary& summary, FindingsResult& result) {
  const std::string label = summary.store.empty() ? std::string("store") : summary.store;
  SourceCounts& counts = summary.sources[label];
  std::unique_ptr<LineCutter> cutter;  // made when the first segment comes (GEOS prepared desa)
  store.scan_lines([&](const store::StoredFinding& stored) {
    const auto then = timeline.empty() ? std::nullopt : timeline.as_of(stored, as_of);
    const store::StoredFinding& f = then ? *then : stored;
    summary.store_status[f.status]++;
    if (store::is_excluded_status(f.status)) return;
    if (const auto first = store::start_day(f); first && *first > as_of) {
      summary.store_status["setelah_tanggal"]++;
      return;
    }
    counts.rows_read++;
    if (!cutter) cutter = std::make_unique<LineCutter>(b);
    const std::vector<LinePiece> pieces = f.lines.empty() ? std::vector<LinePiece>{} : cutter->cut(f.lines);
    if (pieces.empty()) {  // no geometry (emptied in QGIS), or the boundaries changed since the import
      Rejection r = make_rejection(label, f.fid, "geom", RejectionReason::outside_boundaries,
                                   "ruas " + quote(f.id) + " di store tidak melewati desa mana pun / the stored segment "
                                   "crosses no desa", {});
      counts.rejected++;
      counts.rejected_by_reason[std::string(r.code())]++;
      spool.add(r, 0);
      return;
    }
    // As the findings stage accounts a line: placed by its coordinates, one of the lines.
    counts.by_coordinates++;
    counts.lines++;
    counts.geocoded++;
    result.stored_lines++;
    const auto category = settings.categories.match(f.category);
    if (!category) summary.unknown_categories[f.category]++;
    const bool shown = policy.shows_point(category ? static_cast<int>(*category) : -1);
    const FindingLife life = finding_life(f, as_of, settings.opd);
    for (const auto& piece : pieces) {
      result.length_m[static_cast<std::size_t>(piece.desa)] += piece.length_m;
      if (sink && shown) sink->write(f, piece, life);
    }
  });
}

}  // namespace peta
