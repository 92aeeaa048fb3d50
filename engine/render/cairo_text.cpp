#include "render/cairo_text.hpp"

#include <memory>

#include <pango/pangocairo.h>

namespace peta::render {
namespace {

constexpr const char* kFontFamily = "DejaVu Sans";

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutDeleter>;

Layout make_layout(cairo_t* cr, const std::string& text, const TextStyle& style, double width, Align align) {
  Layout layout(pango_cairo_create_layout(cr));
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  PangoContext* context = pango_layout_get_context(layout.get());
  pango_cairo_context_set_font_options(context, options);
  cairo_font_options_destroy(options);
  pango_layout_context_changed(layout.get());

  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, kFontFamily);
  pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
  pango_layout_set_font_description(layout.get(), font);
  pango_font_description_free(font);
  if (width > 0) {
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), align == Align::centre  ? PANGO_ALIGN_CENTER
                                             : align == Align::right ? PANGO_ALIGN_RIGHT
                                                                     : PANGO_ALIGN_LEFT);
  }
  pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
  return layout;
}

std::pair<double, double> layout_size(PangoLayout* layout) {
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  return {static_cast<double>(logical.width) / PANGO_SCALE, static_cast<double>(logical.height) / PANGO_SCALE};
}

void set_colour(cairo_t* cr, Rgba c) {
  cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0);
}

}  // namespace

std::pair<double, double> measure_text(cairo_t* cr, const std::string& text, const TextStyle& style, double width) {
  Layout layout = make_layout(cr, text, style, width, Align::left);
  return layout_size(layout.get());
}

double draw_text(cairo_t* cr, const std::string& text, double x, double y, const TextStyle& style, double width,
                 Align align) {
  Layout layout = make_layout(cr, text, style, width, align);
  auto [w, h] = layout_size(layout.get());
  double left = x;
  if (width <= 0 && align == Align::centre) left = x - w / 2;
  if (width <= 0 && align == Align::right) left = x - w;
  cairo_save(cr);
  set_colour(cr, style.colour);
  cairo_move_to(cr, left, y);
  pango_cairo_show_layout(cr, layout.get());
  cairo_restore(cr);
  return h;
}

void draw_halo_text(cairo_t* cr, const std::string& text, double x, double y, const TextStyle& style) {
  Layout layout = make_layout(cr, text, style, -1, Align::left);
  cairo_save(cr);
  cairo_move_to(cr, x, y);
  pango_cairo_layout_path(cr, layout.get());
  cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
  cairo_set_line_width(cr, style.size * 0.28);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke(cr);
  set_colour(cr, style.colour);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout.get());
  cairo_restore(cr);
}

}  // namespace peta::render
