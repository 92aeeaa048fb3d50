#include "project/store_findings_stage.hpp"

#include <optional>
#include <unordered_map>

#include "aggregate/period_tally.hpp"
#include "boundaries/geos_unit_index.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "core/geos_handle.hpp"
#include "output/store_temuan_layer.hpp"
#include "project/store_segments_stage.hpp"
#include "store/finding_status.hpp"
#include "store/store_aggregates.hpp"
#include "store/store_dates.hpp"
#include "store/status_timeline.hpp"

namespace peta {
namespace {

// The source-like accounting of the store's findings: every finding read is counted once as placed by
// coordinates, by name or code, or rejected, so the summary adds up as a source's does.
void account_placed(SourceCounts& counts, const store::StoredFinding& f) {
  if (f.placed_by == "desa") counts.by_name_or_code++;
  else counts.by_coordinates++;
  if (f.flags.empty()) {
    counts.geocoded++;
    return;
  }
  counts.flagged++;
  std::size_t from = 0;
  while (from <= f.flags.size()) {
    const std::size_t to = std::min(f.flags.find(';', from), f.flags.size());
    if (to > from) counts.flagged_by_flag[f.flags.substr(from, to - from)]++;
    from = to + 1;
  }
}

}  // namespace

std::string store_label(const std::string& path) {
  if (path.rfind("PG:", 0) == 0) return "PostGIS";
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

StoreFindingsResult run_store_findings_stage(const ProjectSettings& settings, const Boundaries& b,
                                             store::FindingStore& store, const PublicationPolicy& policy,
                                             RejectionSpool& spool, StoredFindingSink* sink, RunSummary& summary,
                                             const StoreFindingsOptions& options) {
  const CategoryTaxonomy& categories = settings.categories;
  StoreFindingsResult out{FindingsResult(b.desa.size(), categories.size(), options.period), {}};
  FindingsResult& result = out.findings;
  const auto as_of_day = store::day_number(options.as_of);
  if (!as_of_day) throw Error("build: " + quote(options.as_of) + " is not a date (YYYY-MM-DD)");
  const int as_of = *as_of_day;
  std::unordered_map<std::string, int> desa_of_code;
  for (std::size_t d = 0; d < b.desa.size(); ++d) desa_of_code.emplace(b.desa[d].code.digits(), static_cast<int>(d));
  std::vector<std::optional<Coord>> anchors(b.desa.size());  // desa points on surface, made when first needed
  auto anchor = [&](int d) {
    auto& a = anchors[static_cast<std::size_t>(d)];
    if (!a) a = representative_point(to_geos(b.desa[static_cast<std::size_t>(d)].geometry).get());
    return *a;
  };

  // One pass over the store, a finding at a time (FindingStore::scan): memory does not grow with the store.
  StageTimer timer(summary, "store_read_aggregate");
  const std::string label = store_label(store.path());
  summary.store = label;
  SourceCounts& counts = summary.sources[label];
  PeriodTally periods(options.period, b.desa.size(), categories.size());
  store::StatusAccumulator status(options.as_of, settings.opd);
  // A finding whose status changed after the as-of date counts with the status it had on that date.
  const store::StatusTimeline timeline(store.status_changes(options.as_of));
  std::size_t done = 0;
  store.scan([&](const store::StoredFinding& stored) {
    if (options.progress && ++done % 65536 == 0) options.progress(0.0, "temuan");  // the store's size is not known ahead
    const auto then = timeline.empty() ? std::nullopt : timeline.as_of(stored, as_of);
    const store::StoredFinding& f = then ? *then : stored;
    summary.store_status[f.status]++;
    if (store::is_excluded_status(f.status)) return;
    if (const auto first = store::start_day(f); first && *first > as_of) {  // the store's clock (first seen, else the date)
      summary.store_status["setelah_tanggal"]++;
      return;
    }
    counts.rows_read++;
    const auto desa_it = desa_of_code.find(f.desa_code);
    if (desa_it == desa_of_code.end()) {
      Rejection r = make_rejection(label, f.fid, "kode_desa", RejectionReason::stored_desa_code_unknown,
                                   "kode desa " + quote(f.desa_code) + " dari " + quote(f.id) +
                                       " di store tidak ada di batas wilayah / the stored desa code is not in the boundaries",
                                   {});
      counts.rejected++;
      counts.rejected_by_reason[std::string(r.code())]++;
      spool.add(r, 0);
      return;
    }
    const int desa = desa_it->second;
    const auto match = categories.match(f.category);
    const int category = match ? static_cast<int>(*match) : -1;
    if (category < 0) summary.unknown_categories[f.category]++;
    result.counts.add(desa, category);
    account_placed(counts, f);

    const FindingLife life = finding_life(f, as_of, settings.opd);
    const DateReading date = read_finding_date(f.date);
    if (policy.counts_in_detail(category)) {  // the public profile: no time series, visits or status of sensitive ones
      status.add(f);
      if (date.ok()) {
        periods.add(desa, category, *date.date);
        if (options.visits) {
          const int visit = options.visits->add(desa, category, *date.date);
          int days = -1;
          if (f.status == store::kStatusDone)
            if (const auto handled = store::day_number(f.status_date); handled && *handled >= date.date->days())
              days = *handled - date.date->days();
          options.visits->add_outcome(visit, f.status == store::kStatusDone, days);
        }
      } else {
        result.periods.add_undated(date.status != DateStatus::empty);
      }
    }
    const Coord where = f.placed_by == "desa" ? anchor(desa) : Coord{f.lon, f.lat};
    if (policy.shows_point(category)) {
      if (options.keep_points) {
        result.points.push_back(where);
        result.point_categories.push_back(category >= 0 ? policy.code(category) : std::string("lainnya"));
      }
      if (sink) sink->write(f, desa, where, life);
    }
  });
  // The segments (ruas) after the points: lengths per desa, pieces to the ruas layer (project/store_segments_stage).
  add_store_segments(settings, b, store, policy, timeline, as_of, spool, options.segments, summary, result);
  if (summary.store_status.empty())
    throw Error(label + ": store temuan masih kosong: jalankan dulu peta import PROYEK [BERKAS...] / the findings store "
                        "holds no finding yet: import the exports first");
  periods.flush_into(result.periods, policy);
  out.status = status.result();
  if (options.progress) options.progress(1.0, "temuan");
  return out;
}

}  // namespace peta
