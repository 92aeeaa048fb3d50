// peta build PROJECT.json: runs the whole path and prints the run summary.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <optional>

#include "core/progress_display.hpp"
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
                 "Folder cache batas wilayah; tanpa nilai: .<keluaran>.cache di samping folder keluaran (boundary cache "
                 "folder; without a value: beside the output folder; default $XDG_CACHE_HOME/peta)")
        ->expected(0, 1);
  }

  int run() override {
    ProjectSettings settings = load_project(project_);
    RunOptions options;
    // The display goes to stderr only: stdout carries the summary (`--json`: nothing but the JSON).
    std::optional<ProgressDisplay> display;
    if (progress_ || (!quiet_ && isatty(2))) {
      display.emplace(stderr, isatty(2) != 0);
      options.progress = [&display](double fraction, const char* stage) { display->update(fraction, stage); };
    }
    options.threads = threads_;
    options.as_of = as_of_;
    options.boundary_cache = !no_cache_;
    // Beside the output folder, not in it: each build replaces the output folder as a whole (OutputGeneration).
    if (cache_folder_) {
      std::filesystem::path out(settings.output.folder);
      if (out.filename().empty()) out = out.parent_path();
      std::string hidden = ".";
      hidden += out.filename().string();
      hidden += ".cache";
      options.boundary_cache_folder = cache_folder_->empty() ? (out.parent_path() / hidden).string() : *cache_folder_;
    }
    RunSummary summary = run_project(settings, options);
    display.reset();  // ends the progress line before the summary
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
