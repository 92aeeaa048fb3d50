#include "report/report_pages.hpp"

#include <algorithm>
#include <numeric>

#include "render/cairo_map.hpp"
#include "render/cairo_text.hpp"

namespace peta::report {
namespace {

using render::Align;
using render::draw_text;
using render::TextStyle;

const Rgba kInk{33, 33, 33};
const Rgba kGrey{110, 110, 110};
const Rgba kAccent{189, 0, 38};
constexpr double kContentWidth = kA4Width - 2 * kMargin;

void set_colour(cairo_t* cr, Rgba c) { cairo_set_source_rgb(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0); }

void rule(cairo_t* cr, double y, Rgba c, double width) {
  cairo_move_to(cr, kMargin, y);
  cairo_line_to(cr, kA4Width - kMargin, y);
  set_colour(cr, c);
  cairo_set_line_width(cr, width);
  cairo_stroke(cr);
}

// Header, footer; returns the y where the page's content starts.
double frame_page(cairo_t* cr, const PageFrame& frame) {
  double y = kMargin - 18;
  if (!frame.header.empty()) {
    draw_text(cr, frame.header, kMargin, y, {7.5, false, kGrey}, kContentWidth);
    rule(cr, y + 13, {190, 190, 190}, 0.5);
  }
  if (!frame.footer.empty())
    draw_text(cr, frame.footer, kA4Width - kMargin, kA4Height - kMargin + 14, {7.5, false, kGrey}, -1, Align::right);
  return kMargin + 10;
}

double heading(cairo_t* cr, const std::string& text, double y) {
  double h = draw_text(cr, text, kMargin, y, {16, true, kInk}, kContentWidth);
  rule(cr, y + h + 4, kAccent, 1.2);
  return y + h + 16;
}

double notes(cairo_t* cr, const std::vector<std::string>& lines, double y) {
  for (const auto& n : lines) y += draw_text(cr, n, kMargin, y, {8, false, kGrey}, kContentWidth) + 4;
  return y;
}

}  // namespace

void draw_cover(cairo_t* cr, const CoverPage& page, const PageFrame& frame) {
  frame_page(cr, {"", frame.footer});
  double y = 150;
  y += draw_text(cr, page.heading, kMargin, y, {15, false, kGrey}, kContentWidth) + 10;
  y += draw_text(cr, page.area, kMargin, y, {30, true, kInk}, kContentWidth) + 6;
  if (!page.parent.empty()) y += draw_text(cr, page.parent, kMargin, y, {15, false, kInk}, kContentWidth) + 6;
  rule(cr, y + 6, kAccent, 2);
  y += 22;
  y += draw_text(cr, page.period, kMargin, y, {11, false, kInk}, kContentWidth) + 4;
  y += draw_text(cr, page.facts, kMargin, y, {11, false, kInk}, kContentWidth) + 24;
  render::draw_map(cr, page.locator, kMargin, y, kContentWidth, kA4Height - kMargin - 40 - y);
}

void draw_key_numbers(cairo_t* cr, const KeyNumbersPage& page, const PageFrame& frame) {
  double y = heading(cr, page.heading, frame_page(cr, frame));
  const double label_w = kContentWidth * 0.58, value_x = kMargin + label_w + 10;
  for (const auto& r : page.rows) {
    double h = std::max(draw_text(cr, r.label, kMargin, y, {11, false, kInk}, label_w),
                        draw_text(cr, r.value, value_x, y, {11, !r.withheld, r.withheld ? kGrey : kInk},
                                  kA4Width - kMargin - value_x));
    y += h + 5;
    rule(cr, y - 2, {225, 225, 225}, 0.4);
    y += 4;
  }
  notes(cr, page.notes, y + 10);
}

void draw_map_page(cairo_t* cr, const MapPage& page, const PageFrame& frame) {
  double y = heading(cr, page.heading, frame_page(cr, frame));
  const double caption_h = render::measure_text(cr, page.caption, {8, false, kGrey}, kContentWidth).second;
  const double bottom = kA4Height - kMargin - caption_h - 12;
  render::draw_map(cr, page.scene, kMargin, y, kContentWidth, bottom - y);
  draw_text(cr, page.caption, kMargin, bottom + 6, {8, false, kGrey}, kContentWidth);
}

void draw_table(cairo_t* cr, const TablePage& page, const PageFrame& frame) {
  double y = heading(cr, page.heading, frame_page(cr, frame));
  const double total = std::accumulate(page.widths.begin(), page.widths.end(), 0.0);
  std::vector<double> xs, ws;
  double x = kMargin;
  for (double w : page.widths) {
    xs.push_back(x);
    ws.push_back(w / total * kContentWidth);
    x += ws.back();
  }
  auto draw_row = [&](const std::vector<std::string>& cells, const TextStyle& style, bool numbers_right) {
    double h = 0;
    for (std::size_t i = 0; i < cells.size() && i < xs.size(); ++i) {
      const bool right = numbers_right && (i == 0 || i >= page.numeric_from);
      h = std::max(h, draw_text(cr, cells[i], xs[i] + 2, y, style, ws[i] - 6, right ? Align::right : Align::left));
    }
    return h;
  };
  y += draw_row(page.columns, {8, true, kInk}, false) + 3;
  rule(cr, y, kInk, 0.8);
  y += 4;
  for (const auto& r : page.rows) {
    y += draw_row(r, {8.5, false, kInk}, true) + 3;
    rule(cr, y, {225, 225, 225}, 0.4);
    y += 3;
  }
  notes(cr, page.notes, y + 10);
}

void draw_contents(cairo_t* cr, const std::string& heading_text, const std::string& subtitle,
                   const std::vector<TocEntry>& entries, const PageFrame& frame) {
  double y = heading(cr, heading_text, frame_page(cr, frame));
  y += draw_text(cr, subtitle, kMargin, y, {10, false, kGrey}, kContentWidth) + 12;
  for (const auto& e : entries) {
    draw_text(cr, e.title, kMargin, y, {10.5, false, kInk}, kContentWidth - 60);
    y += draw_text(cr, std::to_string(e.page), kA4Width - kMargin, y, {10.5, false, kInk}, -1, Align::right) + 7;
  }
}

}  // namespace peta::report
