// peta: one small file a verb; each parses its options and calls the engine, nothing more.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

#include "core/error.hpp"
#include "verbs.hpp"

int main(int argc, char** argv) {
  CLI::App app{"peta: peta permasalahan dan potensi desa (village problem and potential maps)", "peta"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "peta 0.1.0");
  peta::cli::add_verbs(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return peta::cli::run_selected(app);
}
