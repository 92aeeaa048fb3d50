// peta import PROJECT.json [FILE...]: findings into the project's store, read and geocoded as `peta build`
// reads them; a re-import adds nothing, an overlapping export only its new rows.
#include <unistd.h>


#include <cstdio>
#include <optional>

#include <nlohmann/json.hpp>

#include "core/progress_display.hpp"
#include "project/import_run.hpp"
#include "project/project_settings.hpp"
#include "verbs.hpp"

namespace peta::cli {
namespace {

class ImportVerb : public Verb {
 public:
  explicit ImportVerb(CLI::App& app)
      : Verb(app, "import", "Impor temuan ke penyimpanan proyek (import findings into the project's store)") {
    CLI::App& c = command();
    c.add_option("project", project_, "Berkas proyek JSON dengan \"store\" (project file with a store)")
        ->required()
        ->check(CLI::ExistingFile);
    c.add_option("files", files_, "Berkas temuan (findings files; default: every source of the project)")
        ->check(CLI::ExistingFile);
    c.add_option("--tanggal", today_, "Tanggal pertama terlihat YYYY-MM-DD (first-seen date; default: today, UTC)");
    c.add_option("--sumber", source_,
                 "Nama formulir/sumber yang diekspor (the form these files are exports of; default: the project's source)");
    c.add_option("--threads", threads_, "Jumlah thread geokode (geocoding threads; 0 = all cores)");
    c.add_flag("--json", json_, "Ringkasan sebagai JSON (summary as JSON)");
    c.add_flag("--progress", progress_, "Tampilkan bilah kemajuan (progress bar; default when stderr is a terminal)");
  }

  int run() override {
    const ProjectSettings settings = load_project(project_);
    ImportRunOptions options;
    options.files = files_;
    options.threads = threads_;
    options.today = today_;
    options.source = source_;
    // The display goes to stderr only, as build's: stdout carries the summary (`--json`: nothing but the JSON).
    std::optional<ProgressDisplay> display;
    if (progress_ || (!json_ && isatty(2))) {
      display.emplace(stderr, isatty(2) != 0);
      options.progress = [&display](double fraction, const char* stage) { display->update(fraction, stage ? stage : "impor"); };
    }
    const ImportRun run = run_import(settings, options);
    display.reset();  // ends the progress line before the summary
    bool adds_up = true;
    nlohmann::json out = nlohmann::json::array();
    for (const auto& f : run.files) {
      const store::ImportSummary& s = f.summary;
      adds_up &= s.adds_up();
      out.push_back({{"file", f.file}, {"rows_read", s.rows_read}, {"new", s.new_rows}, {"unchanged", s.unchanged},
                     {"updated", s.updated}, {"duplicates", s.duplicates}, {"rejected", s.rejected},
                     {"not_in_source", s.not_in_source}, {"back_in_source", s.back_in_source}, {"lines", s.lines},
                     {"rejects_csv", f.rejects_csv}, {"adds_up", s.adds_up()}});
      if (!json_) {
        std::printf("impor %s\n", f.file.c_str());
        std::printf("  baris dibaca (rows read)      %10lld  (ruas/garis (line segments): %lld)\n", s.rows_read, s.lines);
        std::printf("  baru (new)                    %10lld\n", s.new_rows);
        std::printf("  tidak berubah (unchanged)     %10lld\n", s.unchanged);
        std::printf("  diperbarui (updated)          %10lld\n", s.updated);
        std::printf("  id ganda (duplicates)         %10lld\n", s.duplicates);
        std::printf("  ditolak (rejected)            %10lld%s%s\n", s.rejected, f.rejects_csv.empty() ? "" : "  -> ",
                    f.rejects_csv.c_str());
        std::printf("  tidak lagi di sumber (no longer in the source, kept): %lld; kembali (back): %lld\n",
                    s.not_in_source, s.back_in_source);
        std::printf("  %s\n", s.adds_up() ? "jumlah cocok (counts add up)" : "JUMLAH TIDAK COCOK (counts do not add up)");
      }
    }
    if (json_) {
      nlohmann::json edits = nlohmann::json::array();
      for (const auto& e : run.direct_edits)
        edits.push_back({{"id", e.id}, {"from", e.from_status}, {"to", e.to_status}, {"accepted", e.accepted}, {"reason", e.reason}});
      std::printf("%s\n", nlohmann::json{{"imports", out}, {"direct_edits", edits}}.dump(2).c_str());
    } else {
      for (const auto& e : run.direct_edits)
        std::printf("edit langsung %s: %s -> %s: %s\n", e.id.c_str(), e.from_status.c_str(), e.to_status.c_str(),
                    e.accepted ? "diterima, dicatat di riwayat" : ("ditolak, dikembalikan: " + e.reason).c_str());
    }
    return adds_up ? 0 : 3;
  }

 private:
  std::string project_, today_, source_;
  std::vector<std::string> files_;
  unsigned threads_ = 0;
  bool json_ = false, progress_ = false;
};

}  // namespace

void add_import(CLI::App& app) { add_verb<ImportVerb>(app); }

}  // namespace peta::cli
