#include "project/pipeline.hpp"

#include <algorithm>
#include <filesystem>
#include <thread>

#include "boundary_cache/boundary_cache.hpp"
#include "core/atomic_write.hpp"
#include "core/error.hpp"
#include "output/output_generation.hpp"
#include "profile/profile_stage.hpp"
#include "program/visit_table.hpp"
#include "project/layer_stage.hpp"
#include "project/report_files_stage.hpp"
#include "project/run_progress.hpp"
#include "project/store_findings_stage.hpp"
#include "render/map_picture.hpp"

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
  RunProgress& progress;
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
  o.progress = in.progress.of(RunStage::findings);
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
  std::unique_ptr<StoreRuasSink> ruas;
  if (in.settings.output.has_layer("ruas")) ruas = std::make_unique<StoreRuasSink>(in.outputs, in.b, in.settings);
  o.segments = ruas.get();
  o.period = in.settings.time.period;
  o.visits = in.visits;
  o.keep_points = in.settings.point_hotspots.kde || in.settings.point_hotspots.dbscan;
  o.progress = in.progress.of(RunStage::findings);
  return run_store_findings_stage(in.settings, in.b, store, in.policy, in.spool, temuan.get(), in.summary, o);
}

// The output folder is replaced as a whole by each run (OutputGeneration): it cannot hold the project file
// or the findings store, which must outlive every run.
void check_output_folder_stands_alone(const ProjectSettings& settings) {
  namespace fs = std::filesystem;
  const fs::path folder = fs::weakly_canonical(fs::absolute(settings.output.folder));
  const auto inside = [&](const std::string& path) {
    if (path.empty() || path.rfind("PG:", 0) == 0) return false;
    const fs::path p = fs::weakly_canonical(fs::absolute(path));
    const auto [f, q] = std::mismatch(folder.begin(), folder.end(), p.begin(), p.end());
    return f == folder.end();
  };
  for (const auto& [what, path] : {std::pair<const char*, std::string>{"project file", settings.file}, {"store.path", settings.store.path}})
    if (inside(path))
      throw Error("output.folder " + settings.output.folder + " holds the " + what + " " + path +
                  ": each build replaces that folder as a whole; give the outputs a folder of their own / output.folder "
                  "berisi " + what + " itu: setiap build mengganti folder itu seluruhnya, beri keluaran folder sendiri");
}

// The project's cache setting, overridden by the command line's.
BoundaryCacheOptions boundary_cache_options(const ProjectSettings& settings, const RunOptions& options) {
  BoundaryCacheOptions o = settings.boundary_cache;
  o.enabled = o.enabled && options.boundary_cache;
  if (!options.boundary_cache_folder.empty()) o.folder = options.boundary_cache_folder;
  return o;
}

// One run written into `settings.output.folder` (the run's generation folder).
RunSummary run_in_folder(const ProjectSettings& settings, const RunOptions& options, RunProgress& progress) {
  RunSummary summary;
  const PublicationPolicy policy(settings.categories, settings.privacy);
  progress.report(RunStage::boundaries, 0);

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
                                 settings.name, "", [&progress](const std::string& step) { progress.layer_step(step); },
                                 out.flatgeobuf, render_map_picture});
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

  progress.report(RunStage::boundaries, 1);
  const FindingsInputs inputs{settings, b, locator_index, policy, outputs, spool, visits.get(), summary, options, progress};
  std::optional<StoreFindingsResult> from_store;
  if (store) from_store = findings_from_store(inputs, *store);
  const FindingsResult findings = from_store ? std::move(from_store->findings) : findings_from_sources(inputs, sources);
  const store::StatusAggregates* status = from_store ? &from_store->status : nullptr;
  outputs.set_density_raster(density_raster_name(settings, findings));  // the QGIS project's raster layer

  profile::ProfileRun profile;  // the desa profile tables and the problem–potential matrix (engine/profile)
  if (!settings.profile.empty()) {
    StageTimer t(summary, "profil");
    profile = profile::run_profile_stage(settings.profile, b, settings.code_lists, settings.categories, findings.counts,
                                         policy.public_profile());
    summary.profile = profile::profile_summary(profile, b);
    summary.profile_text = profile::profile_summary_lines(profile);
  }
  progress.report(RunStage::statistics, 0);
  // The statistics may analyse the profile's numeric fields too ("statistik": {"indikator": "<field>"}).
  const Statistics statistics =
      run_statistics_stage(settings, b, findings, policy, summary, profile.empty() ? nullptr : &profile);
  progress.report(RunStage::layers, 0);
  {
    StageTimer t(summary, "write_layers");
    for (auto& file : write_layers(settings, outputs, b, sources, findings, statistics, visits.get(), spool, policy, status,
                                   profile.empty() ? nullptr : &profile))
      summary.outputs.push_back(std::move(file));
  }
  progress.report(RunStage::report, 0);
  for (auto& file : profile::write_profile_reports(profile, b, out.folder)) summary.outputs.push_back(std::move(file));
  for (auto& file : write_report_files(settings, b, findings, statistics, policy, summary)) summary.outputs.push_back(file);
  return summary;
}

}  // namespace

RunSummary run_project(const ProjectSettings& settings, const RunOptions& options) {
  check_output_folder_stands_alone(settings);
  // One display over every stage: each reports its own share (run_progress.hpp).
  RunProgress progress(options.progress, settings.output.layers.size() + 1);
  // Every output goes into a new generation folder; one rename then shows the whole set at once.
  OutputGeneration generation(settings.output.folder);
  ProjectSettings in_generation = settings;
  in_generation.output.folder = generation.folder().string();
  RunSummary summary = run_in_folder(in_generation, options, progress);
  for (auto& file : summary.outputs) file = generation.stable_path(file);
  const std::string summary_name = "ringkasan.json";
  summary.outputs.push_back((std::filesystem::path(settings.output.folder) / summary_name).string());
  write_atomically((generation.folder() / summary_name).string(),
                   [&](std::ostream& o) { o << summary.to_json().dump(2) << '\n'; });
  generation.publish();
  progress.done();
  return summary;
}

}  // namespace peta
