#include "verbs.hpp"

#include <cstdio>
#include <exception>
#include <map>

#include <cpl_conv.h>
#include <gdal.h>

#include "core/error.hpp"

namespace peta::cli {
namespace {
std::map<CLI::App*, std::function<int()>>& runners() {
  static std::map<CLI::App*, std::function<int()>> r;
  return r;
}
}  // namespace

void register_verb(CLI::App* sub, std::function<int()> run) { runners()[sub] = std::move(run); }

void add_verbs(CLI::App& app) {
  add_build(app);
  add_boundaries(app);
  add_sample(app);
  add_bench(app);
  add_query(app);
  add_serve(app);
  add_report(app);
}

int run_selected(CLI::App& app) {
  GDALAllRegister();
  try {
    for (auto& [sub, run] : runners())
      if (sub->parsed()) return run();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "peta: error: %s\n", e.what());
    return 1;
  }
  std::fprintf(stderr, "%s", app.help().c_str());
  return 2;
}

}  // namespace peta::cli
