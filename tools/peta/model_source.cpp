#include "model_source.hpp"

#include <filesystem>

#include "core/error.hpp"
#include "project/project_settings.hpp"
#include "store/finding_store.hpp"

namespace peta::cli {

void ModelSource::add_options(CLI::App* sub) {
  sub->add_option("project", project, "Berkas proyek yang sudah dibangun (project file, after peta build)")
      ->check(CLI::ExistingFile);
  sub->add_option("--gpkg", gpkg, "GeoPackage hasil peta build (instead of the project's output)")->check(CLI::ExistingFile);
}

query::QueryModel ModelSource::load() const {
  if (project.empty() && gpkg.empty()) throw Error("give a project file or --gpkg FILE");
  if (project.empty()) {
    auto taxonomy = CategoryTaxonomy::defaults();
    return query::load_query_model(gpkg, taxonomy, query::PrioritySettings{}.weights_for(taxonomy));
  }
  ProjectSettings settings = load_project(project);
  std::string path = gpkg;
  if (path.empty()) {
    if (!settings.output.geopackage)
      throw Error(project + ": output.formats has no geopackage; peta query reads the GeoPackage (or give --gpkg)");
    path = (std::filesystem::path(settings.output.folder) / settings.output.geopackage_name).string();
    if (!std::filesystem::exists(path)) throw Error(path + " does not exist: run `peta build " + project + "` first");
  }
  query::LoadLimits limits;
  limits.privacy_k = settings.privacy.k;
  query::QueryModel model =
      query::load_query_model(path, settings.categories, settings.priority.weights_for(settings.categories), limits);
  if (!settings.store.path.empty()) model.store = read_store(settings, model);
  return model;
}

serve::StoreSource ModelSource::store_source() const {
  if (project.empty()) return {};
  auto settings = std::make_shared<const ProjectSettings>(load_project(project));
  if (settings->store.path.empty()) return {};
  // One store connection kept for the token (the PostGIS one is a query); opened once the store exists.
  auto store = std::make_shared<std::unique_ptr<store::FindingStore>>();
  serve::StoreSource source;
  source.change_token = [settings, store]() -> std::string {
    const std::string& path = settings->store.path;
    if (!*store) {
      if (path.rfind("PG:", 0) != 0 && !std::filesystem::exists(path)) return "belum ada";
      *store = store::FindingStore::open(path);
    }
    return (*store)->change_token();
  };
  source.read = [settings](const query::QueryModel& model) { return read_store(*settings, model); };
  return source;
}

std::shared_ptr<const query::StoreTable> read_store(const ProjectSettings& settings, const query::QueryModel& model) {
  query::StoreReadOptions options;
  options.opd = settings.opd;
  options.public_profile = settings.privacy.public_profile;
  options.k = settings.privacy.k;
  for (const auto& source : settings.findings)
    options.published_columns.insert(options.published_columns.end(), source.publish.begin(), source.publish.end());
  const std::string& path = settings.store.path;
  // A store not made yet (no import so far) is an empty one; opening it would create the file.
  if (path.rfind("PG:", 0) != 0 && !std::filesystem::exists(path)) return query::read_store_table({}, model, options);
  auto store = store::FindingStore::open(path);
  // The points, then the segments (ruas: listed by --temuan, not counted).
  std::vector<store::StoredFinding> findings = store->findings();
  for (auto& s : store->segments()) findings.push_back(std::move(s));
  return query::read_store_table(findings, model, options, store::StatusTimeline(store->status_changes()));
}

}  // namespace peta::cli
