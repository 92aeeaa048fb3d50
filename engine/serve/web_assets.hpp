#pragma once
// The web page's files, compiled in from web/ (see web/CMakeLists.txt): the server serves these and nothing
// from the file system.
#include <map>
#include <string>
#include <string_view>

namespace peta::serve {

// By file name: index.html, app.js, app.css, leaflet.js, leaflet.css.
const std::map<std::string, std::string_view>& web_asset_files();

}  // namespace peta::serve
