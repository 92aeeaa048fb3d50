// peta build: placeholder until the verb lands.
#include <cstdio>

#include "verbs.hpp"

namespace peta::cli {

void add_build(CLI::App& app) {
  auto* sub = app.add_subcommand("build", "(not yet implemented)");
  register_verb(sub, [] {
    std::fprintf(stderr, "peta build: not yet implemented\n");
    return 1;
  });
}

}  // namespace peta::cli
