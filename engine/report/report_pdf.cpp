#include "report/report_pdf.hpp"

#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>

#include <cairo-pdf.h>

#include "core/atomic_write.hpp"
#include "core/error.hpp"
#include "report/booklet.hpp"
#include "report/report_pages.hpp"

namespace peta::report {
namespace {

std::string now_utc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[40];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &tm);
  return text;
}

std::string page_footer(int page, int pages, const std::string& lang) {
  return (lang == "en" ? "Page " : "Halaman ") + std::to_string(page) + (lang == "en" ? " of " : " dari ") +
         std::to_string(pages);
}

struct Overloaded {
  cairo_t* cr;
  const PageFrame& frame;
  void operator()(const CoverPage& p) const { draw_cover(cr, p, frame); }
  void operator()(const KeyNumbersPage& p) const { draw_key_numbers(cr, p, frame); }
  void operator()(const MapPage& p) const { draw_map_page(cr, p, frame); }
  void operator()(const TablePage& p) const { draw_table(cr, p, frame); }
  void operator()(const ChartPage& p) const { draw_chart(cr, p, frame); }
  void operator()(const ScatterPage& p) const { draw_scatter(cr, p, frame); }
};

// Draws the booklets (after a table of contents when `contents`) into one PDF at `path`; returns the page count.
int write_pdf(const std::vector<Booklet>& booklets, bool contents, const std::string& title,
              const std::string& lang, const std::string& path) {
  int total = contents ? 1 : 0;
  std::vector<TocEntry> toc;
  for (const auto& b : booklets) {
    toc.push_back({b.title, total + 1});
    total += static_cast<int>(b.pages.size());
  }
  write_via_temporary(path, [&](const std::string& temporary) {
    cairo_surface_t* surface = cairo_pdf_surface_create(temporary.c_str(), kA4Width, kA4Height);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "peta report");
    cairo_t* cr = cairo_create(surface);
    int page = 0;
    if (contents) {
      ++page;
      draw_contents(cr, title, lang == "en" ? "Contents" : "Daftar isi", toc, {"", page_footer(page, total, lang)});
      cairo_show_page(cr);
    }
    for (std::size_t b = 0; b < booklets.size(); ++b) {
      const std::string link = "page=" + std::to_string(toc[b].page);
      cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, booklets[b].title.c_str(), link.c_str(),
                                    static_cast<cairo_pdf_outline_flags_t>(0));
      for (const Page& p : booklets[b].pages) {
        ++page;
        PageFrame frame{booklets[b].header, page_footer(page, total, lang)};
        std::visit(Overloaded{cr, frame}, p);
        cairo_show_page(cr);
      }
    }
    cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) throw Error(path + ": cannot write the report: " + cairo_status_to_string(status));
  });
  return total;
}

std::vector<Area> areas_of(const ReportData& data, const ReportRequest& request) {
  if (request.all) return all_areas(data);
  return {find_area(data, request.kecamatan)};
}

std::string file_safe(const std::string& name) {
  std::string out;
  for (unsigned char c : name) out += std::isalnum(c) ? static_cast<char>(c) : '_';
  return out;
}

}  // namespace

ReportResult write_report_pdf(const ReportData& data, const ReportRequest& request, const std::string& pdf_path) {
  const std::string generated = request.generated.empty() ? now_utc() : request.generated;
  std::vector<Booklet> booklets;
  for (const Area& a : areas_of(data, request)) booklets.push_back(build_booklet(data, a, request.lang, generated));
  const std::string title = request.all ? (request.lang == "en" ? "Village problems and potential: " : "Profil permasalahan dan potensi desa: ") +
                                              booklets.front().title
                                        : booklets.front().title;
  ReportResult r;
  r.booklets = static_cast<int>(booklets.size());
  r.pages = write_pdf(booklets, request.all, title, request.lang, pdf_path);
  r.files.push_back(pdf_path);
  return r;
}

void write_booklet_page_png(const ReportData& data, const ReportRequest& request, int page, double dpi,
                            const std::string& png_path) {
  Booklet b = build_booklet(data, find_area(data, request.kecamatan), request.lang,
                            request.generated.empty() ? now_utc() : request.generated);
  if (page < 1 || page > static_cast<int>(b.pages.size()))
    throw Error("page " + std::to_string(page) + " is not in the booklet (" + std::to_string(b.pages.size()) + " pages)");
  const double scale = dpi / 72.0;
  write_via_temporary(png_path, [&](const std::string& temporary) {
    cairo_surface_t* surface = cairo_image_surface_create(
        CAIRO_FORMAT_RGB24, static_cast<int>(std::ceil(kA4Width * scale)), static_cast<int>(std::ceil(kA4Height * scale)));
    cairo_t* cr = cairo_create(surface);
    cairo_scale(cr, scale, scale);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    PageFrame frame{b.header, page_footer(page, static_cast<int>(b.pages.size()), request.lang)};
    std::visit(Overloaded{cr, frame}, b.pages[static_cast<std::size_t>(page - 1)]);
    cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_write_to_png(surface, temporary.c_str());
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) throw Error(png_path + ": cannot draw the page: " + cairo_status_to_string(status));
  });
}

ReportResult write_report_folder(const ReportData& data, const ReportRequest& request, const std::string& folder) {
  std::filesystem::create_directories(folder);
  const std::string generated = request.generated.empty() ? now_utc() : request.generated;
  ReportResult r;
  for (const Area& a : areas_of(data, request)) {
    Booklet b = build_booklet(data, a, request.lang, generated);
    std::string digits;
    for (char c : a.kode)
      if (c >= '0' && c <= '9') digits += c;
    const std::string name = (a.kabupaten ? "00" : digits) + "_" + file_safe(a.nama) + ".pdf";
    const std::string path = (std::filesystem::path(folder) / name).string();
    r.pages += write_pdf({b}, false, b.title, request.lang, path);
    r.booklets += 1;
    r.files.push_back(path);
  }
  return r;
}

}  // namespace peta::report
