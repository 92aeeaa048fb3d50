#include "render/map_image.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "core/atomic_write.hpp"
#include "core/error.hpp"
#include "render/cairo_map.hpp"

namespace peta::render {

ImageFormat image_format_of(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".png") return ImageFormat::png;
  if (ext == ".svg") return ImageFormat::svg;
  if (ext == ".pdf") return ImageFormat::pdf;
  throw Error(path + ": a map is written as .png, .svg or .pdf");
}

void write_map_image(const MapScene& scene, const std::string& path, ImageFormat format, double width,
                     double height, double png_scale) {
  write_via_temporary(path, [&](const std::string& temporary) {
    cairo_surface_t* surface = nullptr;
    if (format == ImageFormat::png)
      surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(std::lround(width * png_scale)),
                                           static_cast<int>(std::lround(height * png_scale)));
    else if (format == ImageFormat::svg)
      surface = cairo_svg_surface_create(temporary.c_str(), width, height);
    else
      surface = cairo_pdf_surface_create(temporary.c_str(), width, height);
    cairo_t* cr = cairo_create(surface);
    if (format == ImageFormat::png) cairo_scale(cr, png_scale, png_scale);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    const double margin = 12;
    draw_map(cr, scene, margin, margin, width - 2 * margin, height - 2 * margin);
    cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    if (format == ImageFormat::png && status == CAIRO_STATUS_SUCCESS)
      status = cairo_surface_write_to_png(surface, temporary.c_str());
    cairo_surface_finish(surface);
    if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS)
      throw Error(path + ": cannot draw the map: " + cairo_status_to_string(status));
  });
}

}  // namespace peta::render
