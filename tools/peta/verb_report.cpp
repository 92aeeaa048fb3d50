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

void add_report(CLI::App& app) {
  auto* sub = app.add_subcommand("report", "Buklet PDF A4 kabupaten/kecamatan (printable A4 booklets of a built project)");
  static std::string project, gpkg, kecamatan, lang = "id", out, as_of;
  static bool all = false;
  sub->add_option("project", project, "Berkas proyek yang sudah dibangun (project file, after peta build)")
      ->required()
      ->check(CLI::ExistingFile);
  sub->add_option("--gpkg", gpkg, "GeoPackage hasil peta build (instead of the project's output)")->check(CLI::ExistingFile);
  auto* kec = sub->add_option("--kecamatan", kecamatan, "Nama atau kode kecamatan (one kecamatan; default: the kabupaten)");
  sub->add_flag("--semua,--all", all, "Kabupaten dan semua kecamatan (every booklet, with a table of contents)")
      ->excludes(kec);
  sub->add_option("--bahasa,--lang", lang, "id | en (default id)")->check(CLI::IsMember({"id", "en"}));
  sub->add_option("-o,--out", out,
                  "Berkas PDF; dengan --semua boleh folder (a PDF; with --semua a folder for one PDF per booklet)")
      ->required();
  sub->add_option("--tanggal,--as-of", as_of,
                  "Status penyimpanan temuan per tanggal YYYY-MM-DD (store status as of; default: today, UTC)");
  register_verb(sub, [] {
    const auto start = std::chrono::steady_clock::now();
    ProjectSettings settings = load_project(project);
    report::ReportData data = report::load_report_data(settings, gpkg, as_of);
    report::ReportRequest request{kecamatan, all, lang, ""};
    const bool folder = all && (std::filesystem::is_directory(out) || out.back() == '/');
    report::ReportResult r = folder ? report::write_report_folder(data, request, out)
                                    : report::write_report_pdf(data, request, out);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("peta report: %d buklet, %d halaman -> %s (%.2f s)\n", r.booklets, r.pages,
                folder ? out.c_str() : r.files.front().c_str(), seconds);
    return 0;
  });
}

}  // namespace peta::cli
