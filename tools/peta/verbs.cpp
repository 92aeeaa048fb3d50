#include "verbs.hpp"

#include <cstdio>
#include <exception>
#include <vector>

#include <cpl_conv.h>
#include <gdal.h>

#include "core/error.hpp"

namespace peta::cli {
namespace {

std::vector<std::unique_ptr<Verb>>& verbs() {
  static std::vector<std::unique_ptr<Verb>> v;
  return v;
}

// The older form: a subcommand and its function.
class FunctionVerb : public Verb {
 public:
  FunctionVerb(CLI::App* sub, std::function<int()> run) : Verb(*sub), run_(std::move(run)) {}
  int run() override { return run_(); }

 private:
  std::function<int()> run_;
};

}  // namespace

void add_verb(std::unique_ptr<Verb> verb) { verbs().push_back(std::move(verb)); }

void register_verb(CLI::App* sub, std::function<int()> run) { add_verb(std::make_unique<FunctionVerb>(sub, std::move(run))); }

void add_verbs(CLI::App& app) {
  add_build(app);
  add_boundaries(app);
  add_sample(app);
  add_bench(app);
  add_query(app);
  add_serve(app);
  add_import(app);
  add_status(app);
  add_report(app);
}

int run_selected(CLI::App& app) {
  GDALAllRegister();
  try {
    for (auto& verb : verbs())
      if (verb->command().parsed()) return verb->run();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "peta: error: %s\n", e.what());
    return 1;
  }
  std::fprintf(stderr, "%s", app.help().c_str());
  return 2;
}

}  // namespace peta::cli
