#pragma once
// The verbs of the CLI, one file each (verb_<name>.cpp). A verb is a small class, as GDAL 3.11's `gdal vector`
// algorithms are: its options are members, declared in its constructor with their allowed choices, so that
// `--help` and the parser agree; run() calls the engine and returns the exit code.
#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

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

// The allowed values of an option, declared with it (`->check(choices(...))`): `--help` lists `names`, and the
// parser refuses any other value with an error naming the option. `spelling` maps what was typed (another case,
// spaces around it, an English or older word) to one of `names`, or returns it unchanged; the option then holds
// that name. Without it, case and surrounding spaces are ignored.
using Spelling = std::function<std::string(const std::string&)>;
CLI::Validator choices(std::vector<std::string> names, Spelling spelling = {});
// What the parser prints for a refused command line (app.failure_message): CLI11's text, then a line in
// Indonesian naming the kind of mistake and the help option, with its English.
std::string failure_message(const CLI::App* app, const CLI::Error& e);
// `value` in lower case without surrounding spaces (the default spelling).
std::string folded(const std::string& value);

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
