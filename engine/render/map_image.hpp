#pragma once
// A map scene as a file: PNG, SVG or PDF, drawn by the same code (cairo + pango), written atomically.
#include <string>

#include "render/map_scene.hpp"

namespace peta::render {

enum class ImageFormat { png, svg, pdf };

// `width` and `height` in points (1/72 in); a PNG gets `png_scale` pixels per point. Throws peta::Error naming
// the file when it cannot be written.
void write_map_image(const MapScene& scene, const std::string& path, ImageFormat format, double width,
                     double height, double png_scale = 1.0);

// The format of a file name's extension (.png, .svg, .pdf); throws peta::Error for any other.
ImageFormat image_format_of(const std::string& path);

}  // namespace peta::render
