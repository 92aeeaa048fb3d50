#include "report/report_pages.hpp"

#include <algorithm>
#include <cmath>
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

namespace {

// The table's rows and notes from `y` down; returns the y under it.
double table_at(cairo_t* cr, const TablePage& page, double y) {
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
  return notes(cr, page.notes, y + 10);
}

// A round step for about `ticks` intervals up to `max`: 1, 2 or 5 times a power of ten.
double nice_step(double max, int ticks) {
  const double raw = std::max(max, 1.0) / ticks;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (raw <= m * power) return std::max(1.0, m * power);
  return 10 * power;
}

}  // namespace

void draw_table(cairo_t* cr, const TablePage& page, const PageFrame& frame) {
  table_at(cr, page, heading(cr, page.heading, frame_page(cr, frame)));
}

void draw_chart(cairo_t* cr, const ChartPage& page, const PageFrame& frame) {
  double y = heading(cr, page.heading, frame_page(cr, frame));
  // Legend: a short line in each series' colour and its label, wrapped over the content width.
  double lx = kMargin;
  const TextStyle legend_style{8, false, kInk};
  for (const auto& s : page.series) {
    const double w = render::measure_text(cr, s.label, legend_style).first + 30;
    if (lx + w > kA4Width - kMargin) lx = kMargin, y += 13;
    set_colour(cr, s.colour);
    cairo_set_line_width(cr, 2);
    cairo_move_to(cr, lx, y + 5.5);
    cairo_line_to(cr, lx + 16, y + 5.5);
    cairo_stroke(cr);
    draw_text(cr, s.label, lx + 20, y, legend_style);
    lx += w;
  }
  y += 20;
  // Plot area.
  const double left = kMargin + 38, right = kA4Width - kMargin - 6, top = y + 16, bottom = y + 262;
  double max = 0;
  for (const auto& s : page.series)
    for (double v : s.values) max = std::max(max, v);
  const double step = nice_step(max, 5), top_value = std::max(step, std::ceil(max / step) * step);
  auto py = [&](double v) { return bottom - v / top_value * (bottom - top); };
  const std::size_t n = page.x_labels.size();
  auto px = [&](std::size_t i) { return n <= 1 ? (left + right) / 2 : left + 8 + (right - left - 16) * double(i) / double(n - 1); };
  draw_text(cr, page.y_title, kMargin, top - 14, {7.5, false, kGrey});
  for (double v = 0; v <= top_value + 1e-9; v += step) {
    cairo_move_to(cr, left, py(v));
    cairo_line_to(cr, right, py(v));
    set_colour(cr, v == 0 ? kGrey : Rgba{225, 225, 225});
    cairo_set_line_width(cr, v == 0 ? 0.8 : 0.4);
    cairo_stroke(cr);
    draw_text(cr, format_count(v, page.lang), kMargin, py(v) - 5, {7.5, false, kGrey}, left - kMargin - 4, Align::right);
  }
  // x labels: every one when they fit, else every k-th.
  const double slot = n ? (right - left) / double(n) : 0;
  const std::size_t every = slot >= 22 ? 1 : static_cast<std::size_t>(std::ceil(22 / std::max(slot, 1e-6)));
  for (std::size_t i = 0; i < n; ++i) {
    if (i % every && page.x_sublabels[i].empty()) continue;
    draw_text(cr, page.x_labels[i], px(i) - 20, bottom + 4, {7.5, false, kInk}, 40, Align::centre);
    if (!page.x_sublabels[i].empty())
      draw_text(cr, page.x_sublabels[i], px(i) - 20, bottom + 14, {7.5, true, kGrey}, 40, Align::centre);
  }
  for (const auto& s : page.series) {
    set_colour(cr, s.colour);
    cairo_set_line_width(cr, 1.8);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    for (std::size_t i = 0; i < s.values.size() && i < n; ++i)
      i ? cairo_line_to(cr, px(i), py(s.values[i])) : cairo_move_to(cr, px(i), py(s.values[i]));
    cairo_stroke(cr);
    if (n <= 60)
      for (std::size_t i = 0; i < s.values.size() && i < n; ++i) {
        cairo_arc(cr, px(i), py(s.values[i]), 1.8, 0, 2 * M_PI);
        cairo_fill(cr);
      }
  }
  table_at(cr, page.table, bottom + 34);
}

void draw_scatter(cairo_t* cr, const ScatterPage& page, const PageFrame& frame) {
  double y = heading(cr, page.heading, frame_page(cr, frame));
  // Each axis symmetric about 0 (standardised values), over its own range; quadrant lines at 0.
  double ex = 1, ey = 1;
  for (const auto& p : page.points) ex = std::max(ex, std::fabs(p.x)), ey = std::max(ey, std::fabs(p.y));
  const double sx = nice_step(ex, 3), sy = nice_step(ey, 3);
  ex = std::ceil(ex / sx) * sx;
  ey = std::ceil(ey / sy) * sy;
  const double size = std::min(kContentWidth - 40, 400.0);
  const double left = kMargin + 40, top = y + 20, right = left + size, bottom = top + size;
  auto px = [&](double v) { return left + (v + ex) / (2 * ex) * size; };
  auto py = [&](double v) { return bottom - (v + ey) / (2 * ey) * size; };
  auto grid = [&](double v, bool vertical) {
    const bool axis = std::fabs(v) < 1e-9;
    set_colour(cr, axis ? kGrey : Rgba{225, 225, 225});
    cairo_set_line_width(cr, axis ? 0.8 : 0.4);
    cairo_new_path(cr);
    if (vertical) cairo_move_to(cr, px(v), top), cairo_line_to(cr, px(v), bottom);
    else cairo_move_to(cr, left, py(v)), cairo_line_to(cr, right, py(v));
    cairo_stroke(cr);
  };
  for (double v = -ex; v <= ex + 1e-9; v += sx) {
    grid(v, true);
    draw_text(cr, format_decimal(v, sx < 1 ? 1 : 0, page.lang), px(v) - 20, bottom + 4, {7.5, false, kGrey}, 40, Align::centre);
  }
  for (double v = -ey; v <= ey + 1e-9; v += sy) {
    grid(v, false);
    draw_text(cr, format_decimal(v, sy < 1 ? 1 : 0, page.lang), kMargin, py(v) - 5, {7.5, false, kGrey},
              left - kMargin - 4, Align::right);
  }
  draw_text(cr, page.x_title, left, bottom + 16, {8, false, kInk}, size, Align::centre);
  draw_text(cr, page.y_title, kMargin, top - 14, {8, false, kInk}, size);
  // The LISA quadrant colours of the QGIS style (1 HH, 2 LH, 3 LL, 4 HL).
  const Rgba colours[5] = {{160, 160, 160}, {215, 25, 28}, {171, 217, 233}, {44, 123, 182}, {253, 174, 97}};
  for (int pass = 0; pass < 2; ++pass)  // the grey first, the significant on top
    for (const auto& p : page.points) {
      if ((p.quadrant > 0) != (pass == 1)) continue;
      set_colour(cr, colours[std::clamp(p.quadrant, 0, 4)]);
      cairo_new_path(cr);  // an arc would otherwise join the current point
      cairo_arc(cr, px(std::clamp(p.x, -ex, ex)), py(std::clamp(p.y, -ey, ey)), 2.2, 0, 2 * M_PI);
      cairo_fill(cr);
    }
  // The line through the origin with the slope, clipped to the plot.
  const double x_end = std::fabs(page.slope) * ex > ey ? ey / std::fabs(page.slope) : ex;
  set_colour(cr, kInk);
  cairo_set_line_width(cr, 1.2);
  cairo_new_path(cr);
  cairo_move_to(cr, px(-x_end), py(-x_end * page.slope));
  cairo_line_to(cr, px(x_end), py(x_end * page.slope));
  cairo_stroke(cr);
  notes(cr, page.notes, bottom + 34);
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
