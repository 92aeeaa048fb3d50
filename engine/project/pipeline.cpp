#include "project/pipeline.hpp"

#include <filesystem>
#include <thread>

#include "boundary_cache/boundary_cache.hpp"
#include "core/atomic_write.hpp"
#include "program/visit_table.hpp"
#include "project/layer_stage.hpp"
#include "project/report_files_stage.hpp"
#include "project/store_findings_stage.hpp"

namespace peta {
namespace {

// What the findings stage needs besides the findings themselves.
struct FindingsInputs {
  const ProjectSettings& settings;
  const Boundaries& b;
  std::shared_ptr<const LocatorIndex> locator_index;  // prepared with the boundaries (possibly from the cache)
  const PublicationPolicy& policy;
  OutputSet& outputs;
  RejectionSpool& spool;
  VisitFollowUp* visits;
  RunSummary& summary;
  const RunOptions& options;
};

// From the project's sources: readers -> geocoding stage -> counts, the temuan layer written on the way.
FindingsResult findings_from_sources(const FindingsInputs& in, FindingSources& sources) {
  std::unique_ptr<PointLocator> locator;
  {
    StageTimer t(in.summary, "index");
    locator = in.locator_index ? std::make_unique<PointLocator>(in.locator_index, in.settings.geocode)
                               : std::make_unique<PointLocator>(in.b, in.settings.geocode);
  }
  std::unique_ptr<NamePlacer> placer;
  if (sources.any_names) {
    StageTimer t(in.summary, "gazetteer");
    placer = std::make_unique<NamePlacer>(in.b, in.settings.code_lists);
  }
  std::unique_ptr<TemuanSink> temuan;
  if (in.settings.output.has_layer("temuan")) temuan = std::make_unique<TemuanSink>(in.outputs, in.b, sources, in.policy);
  FindingsStageOptions o;
  o.period = in.settings.time.period;
  o.visits = in.visits;
  o.threads = in.options.threads ? in.options.threads : std::max(1u, std::thread::hardware_concurrency());
  o.keep_points = in.settings.point_hotspots.kde || in.settings.point_hotspots.dbscan;
  o.progress = in.options.progress;
  const GeocodingContext geocoding{in.b, *locator, placer.get()};
  return run_findings_stage(in.settings, geocoding, sources, in.policy, in.spool, temuan.get(), in.summary, o);
}

// From the findings store: its findings as imported, status edits made in the layer validated first.
StoreFindingsResult findings_from_store(const FindingsInputs& in, store::FindingStore& store) {
  StoreFindingsOptions o;
  o.as_of = in.options.as_of.empty() ? store::today_utc() : in.options.as_of;
  for (const auto& edit : store.reconcile_direct_edits(o.as_of)) ++in.summary.store_status[edit.accepted ? "edit_langsung_diterima" : "edit_langsung_ditolak"];
  std::unique_ptr<StoreTemuanSink> temuan;
  if (in.settings.output.has_layer("temuan")) temuan = std::make_unique<StoreTemuanSink>(in.outputs, in.b, in.settings);
  o.period = in.settings.time.period;
  o.visits = in.visits;
  o.keep_points = in.settings.point_hotspots.kde || in.settings.point_hotspots.dbscan;
  o.progress = in.options.progress;
  return run_store_findings_stage(in.settings, in.b, store, in.policy, in.spool, temuan.get(), in.summary, o);
}

// The project's cache setting, overridden by the command line's.
BoundaryCacheOptions boundary_cache_options(const ProjectSettings& settings, const RunOptions& options) {
  BoundaryCacheOptions o = settings.boundary_cache;
  o.enabled = o.enabled && options.boundary_cache;
  if (!options.boundary_cache_folder.empty()) o.folder = options.boundary_cache_folder;
  return o;
}

}  // namespace

RunSummary run_project(const ProjectSettings& settings, const RunOptions& options) {
  RunSummary summary;
  const PublicationPolicy policy(settings.categories, settings.privacy);

  Boundaries b;
  std::shared_ptr<const LocatorIndex> locator_index;
  {
    StageTimer t(summary, "boundaries");
    PreparedBoundaries prepared = load_prepared_boundaries(settings.boundaries, boundary_cache_options(settings, options));
    b = std::move(prepared.loaded.boundaries);
    locator_index = std::move(prepared.index);
    t.note(prepared.note);
  }
  // With a store, the findings come from it (`peta import` put them there); otherwise from the sources.
  std::unique_ptr<store::FindingStore> store;
  if (!settings.store.path.empty()) store = store::FindingStore::open(settings.store.path);
  FindingSources sources = store ? FindingSources::none() : FindingSources(settings, policy);

  const OutputSettings& out = settings.output;
  std::filesystem::create_directories(out.folder);
  // The density raster is named once the findings are known (set_density_raster below).
  OutputSet outputs(OutputOptions{out.folder, out.geojson, out.shapefile, out.geopackage, out.geopackage_name, out.qgis,
                                 settings.name, ""});
  RejectionSpool spool(out.folder);

  // The programme's visits (Ngantor di Kecamatan), when the project names them.
  std::unique_ptr<VisitTable> visit_table;
  std::unique_ptr<VisitFollowUp> visits;
  if (!settings.time.visits_path.empty()) {
    visit_table = std::make_unique<VisitTable>(read_visits(settings.time.visits_path, b));
    std::vector<char> detailed;
    for (std::size_t c = 0; c < settings.categories.size(); ++c) detailed.push_back(policy.counts_in_detail(int(c)));
    visits = std::make_unique<VisitFollowUp>(*visit_table, b, settings.categories.size(), std::move(detailed));
    if (!visit_table->rejected.empty()) summary.outputs.push_back(write_visit_rejects(*visit_table, out.folder));
  }

  const FindingsInputs inputs{settings, b, locator_index, policy, outputs, spool, visits.get(), summary, options};
  std::optional<StoreFindingsResult> from_store;
  if (store) from_store = findings_from_store(inputs, *store);
  const FindingsResult findings = from_store ? std::move(from_store->findings) : findings_from_sources(inputs, sources);
  const store::StatusAggregates* status = from_store ? &from_store->status : nullptr;
  outputs.set_density_raster(density_raster_name(settings, findings));  // the QGIS project's raster layer

  const Statistics statistics = run_statistics_stage(settings, b, findings, policy, summary);
  {
    StageTimer t(summary, "write_layers");
    for (auto& file : write_layers(settings, outputs, b, sources, findings, statistics, visits.get(), spool, policy, status))
      summary.outputs.push_back(std::move(file));
  }
  for (auto& file : write_report_files(settings, b, findings, statistics, policy, summary)) summary.outputs.push_back(file);

  std::string summary_path = out.folder + "/ringkasan.json";
  summary.outputs.push_back(summary_path);
  write_atomically(summary_path, [&](std::ostream& o) { o << summary.to_json().dump(2) << '\n'; });
  return summary;
}

}  // namespace peta
