#include "project/pipeline.hpp"

#include <filesystem>
#include <thread>

#include "boundaries/boundary_loader.hpp"
#include "core/atomic_write.hpp"
#include "program/visit_table.hpp"
#include "project/layer_stage.hpp"
#include "project/report_files_stage.hpp"

namespace peta {

RunSummary run_project(const ProjectSettings& settings, const RunOptions& options) {
  RunSummary summary;
  const PublicationPolicy policy(settings.categories, settings.privacy);

  Boundaries b;
  {
    StageTimer t(summary, "boundaries");
    b = load_boundaries(settings.boundaries).boundaries;
  }
  std::unique_ptr<PointLocator> locator;
  {
    StageTimer t(summary, "index");
    locator = std::make_unique<PointLocator>(b, settings.geocode);
  }
  FindingSources sources(settings, policy);
  std::unique_ptr<NamePlacer> placer;
  if (sources.any_names) {
    StageTimer t(summary, "gazetteer");
    placer = std::make_unique<NamePlacer>(b, settings.code_lists);
  }
  const GeocodingContext geocoding{b, *locator, placer.get()};

  const OutputSettings& out = settings.output;
  std::filesystem::create_directories(out.folder);
  OutputSet outputs(OutputOptions{out.folder, out.geojson, out.shapefile, out.geopackage, out.geopackage_name, out.qgis,
                                 settings.name});
  std::unique_ptr<TemuanSink> temuan;
  if (out.has_layer("temuan")) temuan = std::make_unique<TemuanSink>(outputs, b, sources, policy);
  RejectionSpool spool(out.folder);

  // The programme's visits (Ngantor di Kecamatan), when the project names them.
  std::unique_ptr<VisitTable> visit_table;
  std::unique_ptr<VisitFollowUp> visits;
  if (!settings.time.visits_path.empty()) {
    visit_table = std::make_unique<VisitTable>(read_visits(settings.time.visits_path, b));
    visits = std::make_unique<VisitFollowUp>(*visit_table, b, settings.categories.size());
    if (!visit_table->rejected.empty()) summary.outputs.push_back(write_visit_rejects(*visit_table, out.folder));
  }

  FindingsStageOptions findings_options;
  findings_options.period = settings.time.period;
  findings_options.visits = visits.get();
  findings_options.threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  findings_options.keep_points = settings.point_hotspots.kde || settings.point_hotspots.dbscan;
  findings_options.progress = options.progress;
  const FindingsResult findings =
      run_findings_stage(settings, geocoding, sources, policy, spool, temuan.get(), summary, findings_options);

  const Statistics statistics = run_statistics_stage(settings, b, findings, policy, summary);
  {
    StageTimer t(summary, "write_layers");
    for (auto& file : write_layers(settings, outputs, b, sources, findings, statistics, visits.get(), spool, policy))
      summary.outputs.push_back(std::move(file));
  }
  for (auto& file : write_report_files(settings, b, findings, statistics, policy, summary)) summary.outputs.push_back(file);

  std::string summary_path = out.folder + "/ringkasan.json";
  summary.outputs.push_back(summary_path);
  write_atomically(summary_path, [&](std::ostream& o) { o << summary.to_json().dump(2) << '\n'; });
  return summary;
}

}  // namespace peta
