// peta::api::Project and build(): load_project and run_project behind plain structs.
#include <filesystem>

#include "api/api_support.hpp"
#include "peta/version.hpp"
#include "project/pipeline.hpp"

namespace peta::api {

Error::Error(const std::string& message) : std::runtime_error(message) {}
Error::~Error() = default;

const char* library_version() { return PETA_VERSION_STRING; }

Project::Project(std::shared_ptr<const detail::ProjectData> data) : data_(std::move(data)) {}

Project Project::load(const std::string& path) {
  return guarded([&] {
    auto data = std::make_shared<detail::ProjectData>();
    data->settings = load_project(path);
    return Project(std::move(data));
  });
}

const std::string& Project::name() const { return data_->settings.name; }
const std::string& Project::file() const { return data_->settings.file; }
const std::string& Project::output_folder() const { return data_->settings.output.folder; }
const std::string& Project::store() const { return data_->settings.store.path; }
const std::string& Project::language() const { return data_->settings.output.language; }

std::string Project::output_geopackage() const {
  const OutputSettings& o = data_->settings.output;
  if (!o.geopackage) return "";
  return (std::filesystem::path(o.folder) / o.geopackage_name).string();
}

std::vector<std::string> Project::categories() const {
  std::vector<std::string> codes;
  for (const auto& c : data_->settings.categories.categories()) codes.push_back(c.code);
  return codes;
}

namespace {

SourceSummary source_summary(const std::string& name, const SourceCounts& c) {
  SourceSummary s;
  s.source = name;
  s.rows_read = c.rows_read;
  s.by_coordinates = c.by_coordinates;
  s.lines = c.lines;
  s.by_name_or_code = c.by_name_or_code;
  s.rejected = c.rejected;
  s.flagged = c.flagged;
  s.rejected_by_reason = c.rejected_by_reason;
  s.flagged_by_flag = c.flagged_by_flag;
  return s;
}

}  // namespace

BuildSummary build(const Project& project, const BuildOptions& options) {
  return guarded([&] {
    RunOptions run;
    run.threads = options.threads;
    if (options.progress)
      run.progress = [progress = options.progress](double fraction, const char* stage) {
        progress(fraction, stage ? std::string(stage) : std::string());
      };
    const RunSummary r = run_project(settings_of(project), run);
    BuildSummary s;
    for (const auto& [name, counts] : r.sources) s.sources.push_back(source_summary(name, counts));
    s.total = source_summary("total", r.total());
    for (const auto& t : r.stages) s.stages.push_back({t.stage, t.seconds});
    s.outputs = r.outputs;
    s.point_clusters = r.point_clusters;
    s.point_noise = r.point_noise;
    s.json = r.to_json().dump(2);
    s.text = r.to_text();
    return s;
  });
}

}  // namespace peta::api
