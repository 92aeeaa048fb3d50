#pragma once
// Text on a cairo context with pango: real fonts (DejaVu Sans, with fontconfig's fallbacks), full Unicode
// (Soka'an, Wétan, en dashes), wrapping, bold. Sizes are in the context's user units (points on a PDF page).
// Metrics are unhinted so a layout measures the same on a PNG, an SVG and a PDF. Engine-internal (cairo types).
#include <string>
#include <utility>

#include <cairo.h>

#include "output/qml_style.hpp"

namespace peta::render {

struct TextStyle {
  double size = 9;
  bool bold = false;
  Rgba colour{33, 33, 33};
};

enum class Align { left, centre, right };

// Width and height of `text` (wrapped at `width` when width > 0).
std::pair<double, double> measure_text(cairo_t* cr, const std::string& text, const TextStyle& style, double width = -1);

// Draws `text` with its box's top-left at (x, y), wrapped at `width` when width > 0 (and aligned within it).
// Returns the height drawn.
double draw_text(cairo_t* cr, const std::string& text, double x, double y, const TextStyle& style, double width = -1,
                 Align align = Align::left);

// Map labels: the text with a white halo, so it reads over any fill.
void draw_halo_text(cairo_t* cr, const std::string& text, double x, double y, const TextStyle& style);

}  // namespace peta::render
