// write_report(): the PDF booklets of `peta report`, behind plain structs.
#include <filesystem>

#include "api/api_support.hpp"
#include "peta/report.hpp"
#include "report/report_pdf.hpp"

namespace peta::api {

ReportResult write_report(const Project& project, const ReportOptions& options) {
  return guarded([&] {
    if (options.out.empty()) throw Error("write_report: no output file (ReportOptions::out)");
    const report::ReportData data = report::load_report_data(settings_of(project), options.gpkg);
    const report::ReportRequest request{options.kecamatan, options.all, options.lang, ""};
    const bool folder =
        options.all && (std::filesystem::is_directory(options.out) || options.out.back() == '/');
    const report::ReportResult r = folder ? report::write_report_folder(data, request, options.out)
                                          : report::write_report_pdf(data, request, options.out);
    return ReportResult{r.booklets, r.pages, r.files};
  });
}

}  // namespace peta::api
