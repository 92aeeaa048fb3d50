// peta: one small file a verb; each parses its options and calls the engine, nothing more.
#include <malloc.h>

#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

#include "core/error.hpp"
#include "peta/version.hpp"
#include "verbs.hpp"

namespace {

// Streaming findings reuses big buffers chunk after chunk. glibc hands large freed blocks back to the kernel
// (munmap, heap trim), and the next chunk faults the same amount in again page by page, which costs a
// tenth of the 1 M-row job on a virtual machine. Keep freed memory in the process instead: the peak stays
// what it was, only the churn goes.
void keep_freed_memory() {
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
}

}  // namespace

int main(int argc, char** argv) {
  keep_freed_memory();
  CLI::App app{"peta: peta permasalahan dan potensi desa (village problem and potential maps)", "peta"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "peta " PETA_VERSION_STRING);  // the CMake project version
  peta::cli::add_verbs(app);
  app.failure_message(peta::cli::failure_message);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return peta::cli::run_selected(app);
}
