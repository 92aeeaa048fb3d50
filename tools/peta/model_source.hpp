#pragma once
// Where `peta query` and `peta serve` find a built project: a project file (its output GeoPackage, taxonomy and
// priority weights) or a GeoPackage given directly (default taxonomy and weights).
#include <CLI/CLI.hpp>

#include <string>

#include "query/query_model.hpp"

namespace peta::cli {

struct ModelSource {
  std::string project;  // project file, or ""
  std::string gpkg;     // GeoPackage, or "" (then the project's output)
  void add_options(CLI::App* sub);
  query::QueryModel load() const;
};

}  // namespace peta::cli
