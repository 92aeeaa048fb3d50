// peta boundaries: placeholder until the verb lands.
#include <cstdio>

#include "verbs.hpp"

namespace peta::cli {

void add_boundaries(CLI::App& app) {
  auto* sub = app.add_subcommand("boundaries", "(not yet implemented)");
  register_verb(sub, [] {
    std::fprintf(stderr, "peta boundaries: not yet implemented\n");
    return 1;
  });
}

}  // namespace peta::cli
