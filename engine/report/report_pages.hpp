#pragma once
// Drawing of each page kind of a booklet on an A4 cairo page (points). One function per page kind, each taking
// the page's plain data (booklet.hpp). Engine-internal (cairo types).
#include <string>

#include <cairo.h>

#include "report/booklet.hpp"

namespace peta::report {

inline constexpr double kA4Width = 595.28, kA4Height = 841.89, kMargin = 48;

struct PageFrame {
  std::string header;  // running header ("" on a cover)
  std::string footer;  // "Halaman 3 dari 7"
};

void draw_cover(cairo_t* cr, const CoverPage& page, const PageFrame& frame);
void draw_key_numbers(cairo_t* cr, const KeyNumbersPage& page, const PageFrame& frame);
void draw_map_page(cairo_t* cr, const MapPage& page, const PageFrame& frame);
void draw_table(cairo_t* cr, const TablePage& page, const PageFrame& frame);
void draw_chart(cairo_t* cr, const ChartPage& page, const PageFrame& frame);
void draw_scatter(cairo_t* cr, const ScatterPage& page, const PageFrame& frame);

// The table of contents of a report with several booklets: titles and their first page.
struct TocEntry {
  std::string title;
  int page = 0;
};
void draw_contents(cairo_t* cr, const std::string& heading, const std::string& subtitle,
                   const std::vector<TocEntry>& entries, const PageFrame& frame);

}  // namespace peta::report
