#pragma once
// Draws the quick-look PNG of the desa layer (output/map_picture.hpp says what it shows) with the map renderer
// (cairo + pango). The project hands it to the output set as its MapPictureDrawer, so that the writers of layers
// do not depend on the renderer.
#include <string>

#include "output/map_picture.hpp"

namespace peta {

// Writes `png_path`. Throws peta::Error when a source cannot be read or the PNG written.
void render_map_picture(const MapPictureSpec& spec, const LayerStyle& style, const std::string& png_path);

}  // namespace peta
