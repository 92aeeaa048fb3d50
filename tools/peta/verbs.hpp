#pragma once
// The verbs of the CLI, one file each (verb_<name>.cpp). A verb is a small class, as GDAL 3.11's `gdal vector`
// algorithms are: its options are members, declared in its constructor with their allowed choices, so that
// `--help` and the parser agree; run() calls the engine and returns the exit code.
#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>

namespace peta::cli {

class Verb {
 public:
  virtual ~Verb() = default;
  Verb(const Verb&) = delete;
  Verb& operator=(const Verb&) = delete;
  virtual int run() = 0;
  CLI::App& command() const { return *command_; }

 protected:
  // Adds the verb's subcommand `name` to `parent`.
  Verb(CLI::App& parent, const std::string& name, const std::string& description)
      : command_(parent.add_subcommand(name, description)) {}
  // A verb for a subcommand made elsewhere.
  explicit Verb(CLI::App& command) : command_(&command) {}

 private:
  CLI::App* command_;
};

// Keeps a verb for the program's life; run_selected() runs it when its subcommand was chosen.
void add_verb(std::unique_ptr<Verb> verb);
template <class V>
void add_verb(CLI::App& parent) {
  add_verb(std::make_unique<V>(parent));
}

// A verb that is still a function (the older form).
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
void add_status(CLI::App& app);
void add_import(CLI::App& app);
void add_report(CLI::App& app);

}  // namespace peta::cli
