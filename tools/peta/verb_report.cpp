// peta report PROJECT.json [--kecamatan NAME | --semua] [--bahasa id|en] [--tanggal D] --out FILE.pdf: printable A4
// booklets of a built project (the kabupaten, one kecamatan, or all of them with a table of contents; or, with
// --semua and an --out folder, one PDF per booklet); with a findings store, its status as of D.
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "core/error.hpp"
#include "project/project_settings.hpp"
#include "report/report_pdf.hpp"
#include "verbs.hpp"

namespace peta::cli {

namespace {

class ReportVerb : public Verb {
 public:
  explicit ReportVerb(CLI::App& app)
      : Verb(app, "report", "Buklet PDF A4 kabupaten/kecamatan (printable A4 booklets of a built project)") {
    CLI::App& c = command();
    c.add_option("project", project_, "Berkas proyek yang sudah dibangun (project file, after peta build)")
        ->required()
        ->check(CLI::ExistingFile);
    c.add_option("--gpkg", gpkg_, "GeoPackage hasil peta build (instead of the project's output)")->check(CLI::ExistingFile);
    auto* kecamatan =
        c.add_option("--kecamatan", kecamatan_, "Nama atau kode kecamatan (one kecamatan; default: the kabupaten)");
    c.add_flag("--semua,--all", all_, "Kabupaten dan semua kecamatan (every booklet, with a table of contents)")
        ->excludes(kecamatan);
    c.add_option("--bahasa,--lang", lang_, "Bahasa buklet (booklet language; default id)")->check(choices({"id", "en"}));
    c.add_option("-o,--out", out_,
                 "Berkas PDF; dengan --semua boleh folder (a PDF; with --semua a folder for one PDF per booklet)")
        ->required();
    c.add_option("--tanggal,--as-of", as_of_,
                 "Status penyimpanan temuan per tanggal YYYY-MM-DD (store status as of; default: today, UTC)");
  }

  int run() override {
    const auto start = std::chrono::steady_clock::now();
    ProjectSettings settings = load_project(project_);
    report::ReportData data = report::load_report_data(settings, gpkg_, as_of_);
    report::ReportRequest request{kecamatan_, all_, lang_, ""};
    const bool folder = all_ && (std::filesystem::is_directory(out_) || out_.back() == '/');
    report::ReportResult r = folder ? report::write_report_folder(data, request, out_)
                                    : report::write_report_pdf(data, request, out_);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("peta report: %d buklet, %d halaman -> %s (%.2f s)\n", r.booklets, r.pages,
                folder ? out_.c_str() : r.files.front().c_str(), seconds);
    return 0;
  }

 private:
  std::string project_, gpkg_, kecamatan_, lang_ = "id", out_, as_of_;
  bool all_ = false;
};

}  // namespace

void add_report(CLI::App& app) { add_verb<ReportVerb>(app); }

}  // namespace peta::cli
