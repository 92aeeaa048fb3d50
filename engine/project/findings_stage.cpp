#include "project/findings_stage.hpp"

#include <algorithm>
#include <chrono>
#include <numeric>

#include "aggregate/period_tally.hpp"
#include "core/date.hpp"
#include "core/ordered_pipeline.hpp"
#include "findings/duplicate_ids.hpp"
#include "findings/date_column.hpp"

namespace peta {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// One unit of a source on its way through the parallel part of the stage.
struct UnitWork {
  RawFindingUnit unit;
  std::unique_ptr<Geocoder> geocoder;  // this slot's, for the current source
  GeocodedUnit geocoded;
  std::vector<int> category;  // per placed finding: index in the taxonomy, -1 for an unknown value
  std::vector<std::optional<Date>> date;  // per placed finding: its date, when the date cell holds one
  std::vector<std::uint64_t> id_hash;  // per placed finding: its id's hash (DuplicateIds::hash), when ids are checked
  double read_seconds = 0, classify_seconds = 0;
  double progress = 0;  // share of the source read once this unit was read
};

// The category and the date of every placed finding; a date cell that holds no real date flags the finding
// tanggal_tidak_valid (it stays placed; time statistics leave it out). With `check_ids`, the hash of each id,
// so that the merge only looks it up.
void classify(const CategoryTaxonomy& categories, int date_column, bool check_ids, UnitWork& w) {
  auto t0 = Clock::now();
  const FindingBatch& batch = w.unit.rows;
  w.category.resize(batch.size);
  w.date.assign(batch.size, std::nullopt);
  w.id_hash.resize(check_ids ? batch.size : 0);
  for (std::size_t i = 0; i < batch.size; ++i) {
    const Finding& f = batch.findings[i];
    if (check_ids) w.id_hash[i] = DuplicateIds::hash(f.id);
    auto cat = categories.match(f.category);
    w.category[i] = cat ? static_cast<int>(*cat) : -1;
    if (date_column < 0) continue;
    const DateReading date = read_finding_date(f.attributes.get(date_column));
    if (date.ok()) w.date[i] = date.date;
    else if (date.status != DateStatus::empty) w.geocoded.assigned[i].flags |= kFlagInvalidDate;
  }
  w.classify_seconds = seconds_since(t0);
}

// The accounting of one source, and where its rejections go: scrubbed by the policy, then spooled in row
// order unit by unit.
class SourceAccounting {
 public:
  SourceAccounting(SourceCounts& counts, const PublicationPolicy& policy, const SourceColumns& columns, RejectionSpool& spool,
                   std::size_t source)
      : counts_(counts), policy_(policy), columns_(columns), spool_(spool), source_(source) {}

  void reject(Rejection&& r) {
    policy_.scrub(r, columns_);
    counts_.rejected++;
    counts_.rejected_by_reason[std::string(r.code())]++;
    pending_.push_back(std::move(r));
  }
  void placed(std::uint32_t flags, bool by_name_or_code) {
    if (by_name_or_code) counts_.by_name_or_code++;
    else counts_.by_coordinates++;
    if (flags) {
      counts_.flagged++;
      for (std::uint32_t bit = 1; bit; bit <<= 1)
        if (flags & bit) counts_.flagged_by_flag[flag_names(bit)]++;
    } else {
      counts_.geocoded++;
    }
  }
  void line_placed() {
    counts_.by_coordinates++;
    counts_.lines++;
    counts_.geocoded++;
  }
  // This unit's rejections in row order, then out of memory into the spool.
  void flush() {
    std::stable_sort(pending_.begin(), pending_.end(), [](const Rejection& x, const Rejection& y) { return x.row < y.row; });
    for (const auto& r : pending_) spool_.add(r, source_);
    pending_.clear();
  }

 private:
  SourceCounts& counts_;
  const PublicationPolicy& policy_;
  const SourceColumns& columns_;
  RejectionSpool& spool_;
  std::size_t source_;
  std::vector<Rejection> pending_;
};

}  // namespace

FindingsResult run_findings_stage(const ProjectSettings& settings, const GeocodingContext& geocoding,
                                  FindingSources& sources, const PublicationPolicy& policy, RejectionSpool& spool,
                                  PlacedFindingSink* sink, RunSummary& summary, const FindingsStageOptions& options) {
  const Boundaries& b = geocoding.boundaries;
  const CategoryTaxonomy& categories = settings.categories;
  FindingsResult result(b.desa.size(), categories.size(), options.period);
  PeriodTally periods(options.period, b.desa.size(), categories.size());
  std::unique_ptr<LineCutter> cutter;
  Box extent;
  for (const auto& d : b.desa) extent.expand(d.geometry.bounds());
  if (!extent.empty()) {
    constexpr double kMargin = 0.1;  // degrees (about 11 km): what a coordinate fix may land in
    extent = {extent.min_x - kMargin, extent.min_y - kMargin, extent.max_x + kMargin, extent.max_y + kMargin};
  }
  const unsigned threads = std::max(1u, options.threads);
  const double share = 1.0 / static_cast<double>(threads);  // stage times: the workers' busy time over the threads
  double t_ingest = 0, t_geocode = 0, t_aggregate = 0, t_points = 0;
  std::vector<UnitWork> work(threads + 1);  // units in flight: one a worker, one being merged

  for (std::size_t s = 0; s < sources.sources.size(); ++s) {
    OpenSource& src = sources.sources[s];
    FindingReader& reader = *src.reader;
    SourceAccounting account(summary.sources[reader.path()], policy, src.columns, spool, s);
    CoordinateParserOptions po;
    po.source_crs = src.settings->format == SourceFormat::vector ? "" : src.settings->crs;
    po.expected_extent = extent;
    for (auto& w : work) w.geocoder = std::make_unique<Geocoder>(geocoding, reader, po, src.settings->category);
    for (const auto& warning : reader.indexes().warnings) summary.warnings.push_back(warning);
    const int date_column = find_date_column(reader.columns());
    // Ids of one file: a second row with an id already seen is kept and flagged id_ganda (ids made from the
    // file and row for blank cells are unique by construction).
    const bool check_ids = reader.indexes().id >= 0;
    DuplicateIds ids;

    auto read_unit = [&](UnitWork& w) {
      auto t0 = Clock::now();
      const bool more = reader.next_unit(w.unit);
      w.read_seconds = seconds_since(t0);
      w.progress = reader.progress();
      return more;
    };
    auto work_unit = [&](UnitWork& w) {
      w.geocoder->geocode(w.unit, w.geocoded);
      classify(categories, date_column, check_ids, w);
    };
    auto merge_unit = [&](UnitWork& w) {
      t_ingest += (w.read_seconds + w.geocoder->parse_seconds) * share;
      t_geocode += (w.geocoder->locate_seconds + w.classify_seconds) * share;
      auto t2 = Clock::now();
      FindingBatch& batch = w.unit.rows;
      GeocodedUnit& g = w.geocoded;
      const std::int64_t rows_read = summary.sources[reader.path()].rows_read += static_cast<std::int64_t>(g.rows);
      if (check_ids && ids.distinct() == 0 && w.progress > 0)  // size the id set once, from the first unit's share
        ids.reserve(static_cast<std::size_t>(static_cast<double>(rows_read) / std::min(1.0, w.progress) * 1.05));
      for (auto& r : batch.rejections) account.reject(std::move(r));
      for (std::size_t i = 0; i < batch.size; ++i) {
        const Finding& f = batch.findings[i];
        Assignment& a = g.assigned[i];
        if (check_ids && i + 8 < batch.size) ids.prefetch(w.id_hash[i + 8]);
        if (check_ids && !(a.flags & kFlagIdMissing) && ids.first_row_of_hash(w.id_hash[i], f.row)) a.flags |= kFlagIdDuplicate;
        const int category = w.category[i];
        if (category < 0) summary.unknown_categories[f.category]++;
        result.counts.add(a.desa, category);
        account.placed(a.flags, g.by_name[i]);
        if (!policy.counts_in_detail(category)) {
          // the public profile: no time series of sensitive categories
        } else if (w.date[i]) {
          periods.add(a.desa, category, *w.date[i]);
          if (options.visits) options.visits->add(a.desa, category, *w.date[i]);
        } else {
          result.periods.add_undated((a.flags & kFlagInvalidDate) != 0);
        }
        if (options.keep_points && policy.shows_point(category)) {
          result.points.push_back(f.lonlat);
          result.point_categories.push_back(category >= 0 ? policy.code(category) : std::string("lainnya"));
        }
      }
      for (auto& line : w.geocoded.lines) {
        if (!cutter) cutter = std::make_unique<LineCutter>(b);
        auto pieces = cutter->cut(line.lines);
        if (pieces.empty()) {
          account.reject(make_rejection(reader.path(), line.finding.row, "", RejectionReason::outside_boundaries,
                                        "the line crosses no desa / garis tidak melewati desa mana pun",
                                        line.finding.attributes.to_strings()));
          continue;
        }
        auto cat = categories.match(line.finding.category);
        if (!cat) summary.unknown_categories[line.finding.category]++;
        account.line_placed();
        LineFindings& lines = result.lines;
        for (auto& p : pieces) {
          result.length_m[static_cast<std::size_t>(p.desa)] += p.length_m;
          lines.pieces.push_back({lines.rows.size(), std::move(p)});
        }
        lines.category.push_back(cat ? static_cast<int>(*cat) : -1);
        lines.source.push_back(s);
        lines.rows.push_back(std::move(line));
      }
      account.flush();
      t_aggregate += seconds_since(t2);

      if (sink) {
        auto t3 = Clock::now();
        for (std::size_t i = 0; i < batch.size; ++i)
          sink->write({batch.findings[i], g.assigned[i], w.category[i], s, g.by_name[i] != 0, g.named[i],
                       g.named_distance_m[i], i < g.confidence.size() ? g.confidence[i] : -1.0f});
        t_points += seconds_since(t3);
      }
      if (options.progress) options.progress((static_cast<double>(s) + w.progress) / static_cast<double>(sources.sources.size()), "temuan");
    };
    run_ordered_pipeline(work, threads, read_unit, work_unit, merge_unit);
  }
  periods.flush_into(result.periods, policy);
  if (options.progress) options.progress(1.0, "temuan");
  summary.stages.push_back({"ingest", t_ingest});
  summary.stages.push_back({"geocode", t_geocode});
  summary.stages.push_back({"aggregate", t_aggregate});
  if (sink) summary.stages.push_back({"write_points", t_points});
  return result;
}

}  // namespace peta
