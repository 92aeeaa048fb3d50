#pragma once
// The registry of verbs. Each verb lives in verb_<name>.cpp and registers itself here.
#include <CLI/CLI.hpp>

#include <functional>

namespace peta::cli {

// Adds a subcommand; `run` is called when it was selected and returns the exit code.
void register_verb(CLI::App* sub, std::function<int()> run);
void add_verbs(CLI::App& app);
int run_selected(CLI::App& app);

// One adder per verb file.
void add_build(CLI::App& app);
void add_boundaries(CLI::App& app);
void add_sample(CLI::App& app);
void add_bench(CLI::App& app);
void add_query(CLI::App& app);
void add_serve(CLI::App& app);
void add_report(CLI::App& app);

}  // namespace peta::cli
