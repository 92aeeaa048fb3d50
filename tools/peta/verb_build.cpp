// peta build PROJECT.json: runs the whole path and prints the run summary.
#include <unistd.h>

#include <cpl_progress.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "project/pipeline.hpp"
#include "project/project_settings.hpp"
#include "verbs.hpp"

namespace peta::cli {

void add_build(CLI::App& app) {
  auto* sub = app.add_subcommand("build", "Bangun semua lapisan dari berkas proyek (build every layer from a project file)");
  static std::string project;
  static bool progress = false, quiet = false, json = false;
  static unsigned threads = 0;
  sub->add_option("project", project, "Berkas proyek JSON (project file)")->required()->check(CLI::ExistingFile);
  sub->add_flag("--progress", progress, "Tampilkan bilah kemajuan (progress bar; default when stderr is a terminal)");
  sub->add_flag("-q,--quiet", quiet, "Tanpa ringkasan (no summary)");
  sub->add_flag("--json", json, "Ringkasan sebagai JSON (summary as JSON)");
  sub->add_option("--threads", threads, "Jumlah thread geokode (geocoding threads; 0 = all cores)");
  register_verb(sub, [] {
    ProjectSettings settings = load_project(project);
    RunOptions options;
    if (progress || (!quiet && isatty(2)))
      options.progress = [](double fraction, const char*) { GDALTermProgress(fraction, nullptr, nullptr); };
    options.threads = threads;
    RunSummary summary = run_project(settings, options);
    if (json) std::printf("%s\n", summary.to_json().dump(2).c_str());
    else if (!quiet) {
      std::printf("peta build: %s\n%s", settings.name.c_str(), summary.to_text().c_str());
      std::printf("Keluaran / outputs: %zu berkas / files in %s\n", summary.outputs.size(),
                  settings.output.folder.c_str());
      std::string line = "     ";
      for (const auto& o : summary.outputs) {
        std::string name = std::filesystem::path(o).filename().string();
        if (line.size() + name.size() > 100) {
          std::printf("%s\n", line.c_str());
          line = "     ";
        }
        line += " " + name;
      }
      std::printf("%s\n", line.c_str());
    }
    return summary.total().balanced() ? 0 : 3;
  });
}

}  // namespace peta::cli
