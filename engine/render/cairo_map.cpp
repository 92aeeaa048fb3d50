#include "render/cairo_map.hpp"

#include <algorithm>
#include <cmath>

#include "render/cairo_text.hpp"
#include "render/label_placement.hpp"
#include "render/scale_bar.hpp"

namespace peta::render {
namespace {

const Rgba kInk{33, 33, 33};
const Rgba kUnitBorder{120, 120, 120};
const Rgba kOutline{55, 55, 55};
const Rgba kBoundary{15, 15, 15};
const Rgba kWithheld{228, 228, 228};
const Rgba kHatch{140, 140, 140};

void set_colour(cairo_t* cr, Rgba c) {
  cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0);
}

struct Projection {
  double ox = 0, oy = 0, scale = 1, min_x = 0, max_y = 0;
  Box visible;  // the map frame in map coordinates: shapes outside it are not drawn at all
  double px(double x) const { return ox + (x - min_x) * scale; }
  double py(double y) const { return oy + (max_y - y) * scale; }
};

// The unit's rings as a path. Vertices closer than half a point (0.18 mm) to the last one drawn are skipped:
// invisible in print, and most of the time of a PDF goes into writing and compressing path coordinates.
void shape_path(cairo_t* cr, const MultiPolygon& mp, const Projection& p) {
  constexpr double kMinStep = 0.5;
  if (!mp.bounds().intersects(p.visible)) return;
  for (const auto& part : mp.parts)
    for (const auto& ring : part.rings) {
      if (ring.size() < 3) continue;
      double lx = p.px(ring[0].x), ly = p.py(ring[0].y);
      cairo_move_to(cr, lx, ly);
      for (std::size_t i = 1; i + 1 < ring.size(); ++i) {
        double x = p.px(ring[i].x), y = p.py(ring[i].y);
        if (std::abs(x - lx) < kMinStep && std::abs(y - ly) < kMinStep) continue;
        cairo_line_to(cr, x, y);
        lx = x, ly = y;
      }
      cairo_close_path(cr);
    }
}

// Diagonal hatching over the current clip.
void hatch(cairo_t* cr, double x, double y, double w, double h, double step) {
  cairo_save(cr);
  set_colour(cr, kHatch);
  cairo_set_line_width(cr, 0.45);
  for (double d = -h; d < w; d += step) {
    cairo_move_to(cr, x + d, y + h);
    cairo_line_to(cr, x + d + h, y);
  }
  cairo_stroke(cr);
  cairo_restore(cr);
}

void draw_units(cairo_t* cr, const MapScene& scene, const Projection& p, const MapFrame& f) {
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  for (const auto& u : scene.units) {
    if (!u.shape || !u.shape->bounds().intersects(p.visible)) continue;
    cairo_new_path(cr);
    shape_path(cr, *u.shape, p);
    if (u.filled) {
      set_colour(cr, u.hatched ? kWithheld : u.fill);
      if (u.hatched) {
        cairo_save(cr);
        cairo_fill_preserve(cr);
        cairo_clip_preserve(cr);
        hatch(cr, f.x, f.y, f.w, f.h, 3.0);
        cairo_restore(cr);
      } else {
        cairo_fill_preserve(cr);
      }
    }
    set_colour(cr, kUnitBorder);
    cairo_set_line_width(cr, 0.3);
    cairo_stroke(cr);
  }
  auto stroke_all = [&](const std::vector<const MultiPolygon*>& shapes, Rgba colour, double width) {
    cairo_new_path(cr);
    for (const MultiPolygon* s : shapes)
      if (s) shape_path(cr, *s, p);
    set_colour(cr, colour);
    cairo_set_line_width(cr, width);
    cairo_stroke(cr);
  };
  stroke_all(scene.outlines, kOutline, 0.9);
  stroke_all(scene.boundary, kBoundary, 1.5);
}

void draw_labels(cairo_t* cr, const MapScene& scene, const Projection& p, const MapFrame& f) {
  std::vector<LabelRequest> requests;
  std::vector<TextStyle> styles;
  for (const auto& l : scene.labels) {
    TextStyle s{l.bold ? scene.label_pt * 1.15 : scene.label_pt, l.bold, kInk};
    auto [w, h] = measure_text(cr, l.text, s);
    requests.push_back({p.px(l.at.x), p.py(l.at.y), w, h});
    styles.push_back(s);
  }
  auto placed = place_labels(requests, {f.x, f.y, f.w, f.h});
  for (std::size_t i = 0; i < placed.size(); ++i)
    if (placed[i]) draw_halo_text(cr, scene.labels[i].text, placed[i]->x, placed[i]->y, styles[i]);
}

double draw_legend(cairo_t* cr, const std::string& title, const LegendEntry* first, const LegendEntry* last, double x,
                   double y, double w) {
  double top = y;
  if (!title.empty()) y += draw_text(cr, title, x, y, {8.5, true, kInk}, w) + 5;
  const double sw = 16, sh = 10;
  for (const LegendEntry* it = first; it != last; ++it) {
    const LegendEntry& e = *it;
    auto [tw, th] = measure_text(cr, e.label, {7.5, false, kInk}, w - sw - 6);
    const double row = std::max(th, sh) + 3;
    cairo_rectangle(cr, x, y + (row - 3 - sh) / 2, sw, sh);
    set_colour(cr, e.hatched ? kWithheld : e.fill);
    if (e.hatched) {
      cairo_save(cr);
      cairo_fill_preserve(cr);
      cairo_clip_preserve(cr);
      hatch(cr, x, y + (row - 3 - sh) / 2, sw, sh, 3.0);
      cairo_restore(cr);
    } else {
      cairo_fill_preserve(cr);
    }
    set_colour(cr, kUnitBorder);
    cairo_set_line_width(cr, 0.4);
    cairo_stroke(cr);
    draw_text(cr, e.label, x + sw + 6, y + (row - 3 - th) / 2, {7.5, false, kInk}, w - sw - 6);
    y += row;
  }
  return y - top;
}

// Scale bar: four alternating segments, "0" under the start and the length under the end.
double draw_scale_bar(cairo_t* cr, double x, double y, double max_w, double metres_per_unit) {
  ScaleBar bar = choose_scale_bar(metres_per_unit, max_w - 14);
  const double h = 4, seg = bar.length / 4;
  cairo_set_line_width(cr, 0.5);
  for (int i = 0; i < 4; ++i) {
    cairo_rectangle(cr, x + i * seg, y, seg, h);
    set_colour(cr, i % 2 ? Rgba{255, 255, 255} : kInk);
    cairo_fill_preserve(cr);
    set_colour(cr, kInk);
    cairo_stroke(cr);
  }
  TextStyle s{7, false, kInk};
  draw_text(cr, "0", x, y + h + 2, s, -1, Align::centre);
  draw_text(cr, bar.label, x + bar.length, y + h + 2, s, -1, Align::centre);
  return h + 2 + measure_text(cr, "0", s).second;
}

// North arrow: grid north of UTM 49S, which is within 0.3° of true north over Probolinggo.
void draw_north_arrow(cairo_t* cr, double cx, double y, const std::string& lang) {
  const double h = 22, half = 7;
  draw_text(cr, lang == "en" ? "N" : "U", cx, y, {9, true, kInk}, -1, Align::centre);
  const double top = y + 12;
  cairo_move_to(cr, cx, top);
  cairo_line_to(cr, cx + half, top + h);
  cairo_line_to(cr, cx, top + h * 0.72);
  cairo_close_path(cr);
  set_colour(cr, kInk);
  cairo_fill(cr);
  cairo_move_to(cr, cx, top);
  cairo_line_to(cr, cx - half, top + h);
  cairo_line_to(cr, cx, top + h * 0.72);
  cairo_close_path(cr);
  set_colour(cr, {255, 255, 255});
  cairo_fill_preserve(cr);
  set_colour(cr, kInk);
  cairo_set_line_width(cr, 0.6);
  cairo_stroke(cr);
}

}  // namespace

MapFrame draw_map(cairo_t* cr, const MapScene& scene, double x, double y, double w, double h) {
  cairo_save(cr);
  double title_h = 0;
  if (!scene.title.empty()) title_h = draw_text(cr, scene.title, x, y, {12, true, kInk}, w) + 6;
  // A wide box (a picture) keeps a column on the right for the legend, scale bar and north arrow; a tall one (an
  // A4 page) a band below the map, so the map gets the page's full width.
  const bool band = h - title_h > w || scene.legend.empty();
  const double legend_w = band ? w : std::clamp(w * 0.27, 100.0, 190.0);
  const double band_h = band ? std::max(70.0, 16.0 + 14.0 * std::ceil(scene.legend.size() / 2.0)) : 0;
  MapFrame f{x, y + title_h, band ? w : w - legend_w - 10, h - title_h - band_h, 0};

  Box e = scene.extent;
  if (e.empty())
    for (const auto& u : scene.units)
      if (u.shape) e.expand(u.shape->bounds());
  if (e.empty()) e = {0, 0, 1, 1};
  const double pad = 0.02 * std::max(e.max_x - e.min_x, e.max_y - e.min_y);
  e.min_x -= pad, e.max_x += pad, e.min_y -= pad, e.max_y += pad;
  const double ew = e.max_x - e.min_x, eh = e.max_y - e.min_y;
  Projection p;
  p.scale = std::min(f.w / ew, f.h / eh);
  if (band) {  // the map's own height: the band follows it directly
    f.h = eh * p.scale;
  }
  p.ox = f.x + (f.w - ew * p.scale) / 2;
  p.oy = f.y + (f.h - eh * p.scale) / 2;
  p.min_x = e.min_x;
  p.max_y = e.max_y;
  p.visible = {e.min_x - (p.ox - f.x) / p.scale, e.max_y - (f.y + f.h - p.oy) / p.scale,
               e.min_x + (f.x + f.w - p.ox) / p.scale, e.max_y + (p.oy - f.y) / p.scale};
  f.metres_per_unit = 1 / p.scale;

  cairo_save(cr);
  cairo_rectangle(cr, f.x, f.y, f.w, f.h);
  cairo_clip(cr);
  draw_units(cr, scene, p, f);
  cairo_restore(cr);
  draw_labels(cr, scene, p, f);

  if (band) {
    // Legend in two columns on the left three quarters, scale bar and north arrow on the right.
    const double by = f.y + f.h + 10, col_w = w * 0.36;
    const std::size_t split = (scene.legend.size() + 1) / 2;
    const LegendEntry* begin = scene.legend.data();
    draw_legend(cr, scene.legend_title, begin, begin + split, x, by, col_w);
    const double title_skip =
        scene.legend_title.empty() ? 0 : measure_text(cr, scene.legend_title, {8.5, true, kInk}, col_w).second + 5;
    draw_legend(cr, "", begin + split, begin + scene.legend.size(), x + col_w + 10, by + title_skip, col_w);
    const double sx = x + w * 0.76;
    double sy = by + 4;
    sy += draw_scale_bar(cr, sx, sy, w * 0.24 - 30, f.metres_per_unit) + 8;
    draw_north_arrow(cr, x + w - 12, by, scene.lang);
  } else {
    const double lx = x + w - legend_w;
    double ly = f.y +
                draw_legend(cr, scene.legend_title, scene.legend.data(), scene.legend.data() + scene.legend.size(), lx,
                            f.y, legend_w) +
                14;
    ly += draw_scale_bar(cr, lx + 6, ly, legend_w, f.metres_per_unit) + 12;
    draw_north_arrow(cr, lx + 14, ly, scene.lang);
  }
  cairo_restore(cr);
  return f;
}

}  // namespace peta::render
