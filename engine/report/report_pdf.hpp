#pragma once
// The report as an A4 PDF (cairo's PDF surface): one booklet (the kabupaten or a kecamatan), or every booklet in
// one PDF after a table of contents, with a PDF outline (bookmarks) to each booklet; or a folder of booklets.
// Written under a temporary name and renamed when complete.
#include <string>
#include <vector>

#include "report/report_data.hpp"

namespace peta::report {

struct ReportRequest {
  std::string kecamatan;  // empty and all = false: the kabupaten
  bool all = false;       // the kabupaten and every kecamatan
  std::string lang = "id";
  std::string generated;  // the date and time printed on the sources page (empty: now, UTC)
};

struct ReportResult {
  int booklets = 0;
  int pages = 0;
  std::vector<std::string> files;
};

ReportResult write_report_pdf(const ReportData& data, const ReportRequest& request, const std::string& pdf_path);

// Every booklet as its own PDF in `folder` (created): 00_<kabupaten>.pdf, then <kode digits>_<kecamatan>.pdf.
ReportResult write_report_folder(const ReportData& data, const ReportRequest& request, const std::string& folder);

// Page `page` (1-based) of the one booklet `request` asks for, drawn by the same page code straight to a PNG of
// `dpi` pixels per inch: what the PDF page looks like, for comparing a PDF rasterised by another program.
void write_booklet_page_png(const ReportData& data, const ReportRequest& request, int page, double dpi,
                            const std::string& png_path);

}  // namespace peta::report
