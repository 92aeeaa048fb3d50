// peta bench: placeholder until the verb lands.
#include <cstdio>

#include "verbs.hpp"

namespace peta::cli {

void add_bench(CLI::App& app) {
  auto* sub = app.add_subcommand("bench", "(not yet implemented)");
  register_verb(sub, [] {
    std::fprintf(stderr, "peta bench: not yet implemented\n");
    return 1;
  });
}

}  // namespace peta::cli
