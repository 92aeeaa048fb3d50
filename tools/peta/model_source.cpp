#include "model_source.hpp"

#include <filesystem>

#include "core/error.hpp"
#include "project/project_settings.hpp"

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
  return query::load_query_model(path, settings.categories, settings.priority.weights_for(settings.categories), limits);
}

}  // namespace peta::cli
