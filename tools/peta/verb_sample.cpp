// peta sample: placeholder until the verb lands.
#include <cstdio>

#include "verbs.hpp"

namespace peta::cli {

void add_sample(CLI::App& app) {
  auto* sub = app.add_subcommand("sample", "(not yet implemented)");
  register_verb(sub, [] {
    std::fprintf(stderr, "peta sample: not yet implemented\n");
    return 1;
  });
}

}  // namespace peta::cli
