#pragma once
// Where `peta query` and `peta serve` find a built project: a project file (its output GeoPackage, taxonomy and
// priority weights, and its findings store when it names one) or a GeoPackage given directly (default taxonomy
// and weights, no store).
#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "query/query_model.hpp"
#include "serve/live_model.hpp"

namespace peta {
struct ProjectSettings;
}

namespace peta::cli {

struct ModelSource {
  std::string project;  // project file, or ""
  std::string gpkg;     // GeoPackage, or "" (then the project's output)
  void add_options(CLI::App* sub);
  query::QueryModel load() const;
  // How `peta serve` follows the project's store (its change token, and reading it again); empty without a store.
  serve::StoreSource store_source() const;
};

// The project's findings store read for queries (ModelSource::load calls it when the project names a store).
std::shared_ptr<const query::StoreTable> read_store(const ProjectSettings& settings, const query::QueryModel& model);

}  // namespace peta::cli
