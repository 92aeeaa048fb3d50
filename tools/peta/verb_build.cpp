// peta build PROJECT.json: runs the whole path and prints the run summary.
#include <unistd.h>

#include <cpl_progress.h>

#include <cstdio>
#include <filesystem>
#include <optional>

#include "project/pipeline.hpp"
#include "project/project_settings.hpp"
#include "verbs.hpp"

namespace peta::cli {
namespace {

class BuildVerb : public Verb {
 public:
  explicit BuildVerb(CLI::App& app)
      : Verb(app, "build", "Bangun semua lapisan dari berkas proyek (build every layer from a project file)") {
    CLI::App& c = command();
    c.add_option("project", project_, "Berkas proyek JSON (project file)")->required()->check(CLI::ExistingFile);
    c.add_flag("--progress", progress_, "Tampilkan bilah kemajuan (progress bar; default when stderr is a terminal)");
    c.add_flag("-q,--quiet", quiet_, "Tanpa ringkasan (no summary)");
    c.add_flag("--json", json_, "Ringkasan sebagai JSON (summary as JSON)");
    c.add_option("--threads", threads_, "Jumlah thread geokode (geocoding threads; 0 = all cores)");
    c.add_option("--per-tanggal", as_of_,
                 "Dengan store: umur, tenggat dan lewat target per tanggal ini, YYYY-MM-DD (with a store: ages and "
                 "overdue as of this day; default today)");
    c.add_flag("--tanpa-cache,--no-cache", no_cache_,
               "Jangan pakai cache batas wilayah (do not read or write the boundary cache)");
    c.add_option("--cache", cache_folder_,
                 "Folder cache batas wilayah; tanpa nilai: <keluaran>/.peta-cache (boundary cache folder; without a "
                 "value: next to the outputs; default $XDG_CACHE_HOME/peta)")
        ->expected(0, 1);
  }

  int run() override {
    ProjectSettings settings = load_project(project_);
    RunOptions options;
    if (progress_ || (!quiet_ && isatty(2)))
      options.progress = [](double fraction, const char*) { GDALTermProgress(fraction, nullptr, nullptr); };
    options.threads = threads_;
    options.as_of = as_of_;
    options.boundary_cache = !no_cache_;
    if (cache_folder_) options.boundary_cache_folder = cache_folder_->empty() ? settings.output.folder + "/.peta-cache" : *cache_folder_;
    RunSummary summary = run_project(settings, options);
    if (json_) std::printf("%s\n", summary.to_json().dump(2).c_str());
    else if (!quiet_) print(settings, summary);
    return summary.total().balanced() ? 0 : 3;
  }

 private:
  static void print(const ProjectSettings& settings, const RunSummary& summary) {
    std::printf("peta build: %s\n%s", settings.name.c_str(), summary.to_text().c_str());
    std::printf("Keluaran / outputs: %zu berkas / files in %s\n", summary.outputs.size(), settings.output.folder.c_str());
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

  std::string project_, as_of_;
  std::optional<std::string> cache_folder_;
  bool progress_ = false, quiet_ = false, json_ = false, no_cache_ = false;
  unsigned threads_ = 0;
};

}  // namespace

void add_build(CLI::App& app) { add_verb<BuildVerb>(app); }

}  // namespace peta::cli
