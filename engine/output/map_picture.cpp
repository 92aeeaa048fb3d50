#include "output/map_picture.hpp"
#include "core/gdal_init.hpp"

#include <array>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <vector>

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "core/error.hpp"
#include "output/ogr_feature_conversion.hpp"

namespace peta {
namespace {

// A 5x7 pixel font: each glyph is 7 rows of 5 bits, left to right.
const std::map<char, const char*>& font() {
  static const std::map<char, const char*> glyphs = {
      {'0', "01110100011001110101110011000101110"}, {'1', "00100011000010000100001000010001110"},
      {'2', "01110100010000100010001000100011111"}, {'3', "11111000100010000010000011000101110"},
      {'4', "00010001100101010010111110001000010"}, {'5', "11111100001111000001000011000101110"},
      {'6', "00110010001000011110100011000101110"}, {'7', "11111000010001000100010000100001000"},
      {'8', "01110100011000101110100011000101110"}, {'9', "01110100011000101111000010001001100"},
      {'A', "01110100011000111111100011000110001"}, {'B', "11110100011000111110100011000111110"},
      {'C', "01110100011000010000100001000101110"}, {'D', "11100100101000110001100011001011100"},
      {'E', "11111100001000011110100001000011111"}, {'F', "11111100001000011110100001000010000"},
      {'G', "01110100011000010111100011000101111"}, {'H', "10001100011000111111100011000110001"},
      {'I', "01110001000010000100001000010001110"}, {'J', "00111000100001000010000101001001100"},
      {'K', "10001100101010011000101001001010001"}, {'L', "10000100001000010000100001000011111"},
      {'M', "10001110111010110101100011000110001"}, {'N', "10001100011100110101100111000110001"},
      {'O', "01110100011000110001100011000101110"}, {'P', "11110100011000111110100001000010000"},
      {'Q', "01110100011000110001101011001001101"}, {'R', "11110100011000111110101001001010001"},
      {'S', "01111100001000001110000010000111110"}, {'T', "11111001000010000100001000010000100"},
      {'U', "10001100011000110001100011000101110"}, {'V', "10001100011000110001100010101000100"},
      {'W', "10001100011000110101101011010101010"}, {'X', "10001100010101000100010101000110001"},
      {'Y', "10001100011000101010001000010000100"}, {'Z', "11111000010001000100010001000011111"},
      {'-', "00000000000000011111000000000000000"}, {',', "00000000000000000000011000010001000"},
      {'.', "00000000000000000000000000110001100"}, {':', "00000011000110000000011000110000000"},
      {'%', "11000110010001000100010001001100011"}, {'(', "00010001000100001000010000010000010"},
      {')', "01000001000001000010000100010001000"}, {'/', "00000000010001000100010001000000000"},
      {'*', "00000001001010101110101010010000000"}, {'\'', "00100001000100000000000000000000000"},
      {' ', "00000000000000000000000000000000000"}};
  return glyphs;
}

struct Canvas {
  int width, height;
  std::vector<std::array<std::uint8_t, 4>> px;  // RGBA
  void set(int x, int y, Rgba c) {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    px[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)] = {
        static_cast<std::uint8_t>(c.r), static_cast<std::uint8_t>(c.g), static_cast<std::uint8_t>(c.b), 255};
  }
  void rect(int x0, int y0, int w, int h, Rgba c) {
    for (int y = y0; y < y0 + h; ++y)
      for (int x = x0; x < x0 + w; ++x) set(x, y, c);
  }
  void frame(int x0, int y0, int w, int h, Rgba c) {
    rect(x0, y0, w, 1, c); rect(x0, y0 + h - 1, w, 1, c);
    rect(x0, y0, 1, h, c); rect(x0 + w - 1, y0, 1, h, c);
  }
  // Upper-case text in the 5x7 font at `scale`; UTF-8 dashes become '-', other unknown characters '*'.
  void text(int x, int y, const std::string& s, int scale, Rgba c) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      unsigned char ch = static_cast<unsigned char>(s[i]);
      char g;
      if (ch == 0xE2 && i + 2 < s.size()) {  // U+2013/U+2014 dashes, U+2265 and the like: one glyph
        g = '-';
        i += 2;
      } else if (ch >= 0x80) {
        g = '*';
        while (i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) ++i;
      } else {
        g = static_cast<char>(std::toupper(ch));
      }
      auto it = font().find(g);
      const char* bits = it != font().end() ? it->second : font().at('*');
      for (int row = 0; row < 7; ++row)
        for (int col = 0; col < 5; ++col)
          if (bits[row * 5 + col] == '1') rect(x + col * scale, y + row * scale, scale, scale, c);
      x += 6 * scale;
    }
  }
};

GDALDatasetUniquePtr open_source(const std::string& path) {
  ensure_gdal_registered();
  GDALDatasetUniquePtr ds(GDALDataset::FromHandle(
      GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  if (!ds) throw Error(path + ": cannot open for the map picture: " + CPLGetLastErrorMsg());
  return ds;
}

OGRLayer& find_layer(GDALDataset& ds, const std::string& name, const std::string& where) {
  OGRLayer* l = name.empty() ? ds.GetLayer(0) : ds.GetLayerByName(name.c_str());
  if (!l) throw Error(where + ": no layer '" + name + "' for the map picture");
  return *l;
}

// The class colour of a value, or nullptr when no class holds it.
const SymbolSpec* symbol_for(const LayerStyle& style, const OGRFeature& f, int field) {
  if (style.renderer == RendererKind::graduated) {
    if (field < 0 || !f.IsFieldSetAndNotNull(field)) return nullptr;
    double v = f.GetFieldAsDouble(field);
    for (const auto& r : style.ranges)
      if (v >= r.lower && v <= r.upper) return &r.symbol;
    return nullptr;
  }
  if (style.renderer == RendererKind::categorized) {
    std::string v = field >= 0 && f.IsFieldSetAndNotNull(field) ? f.GetFieldAsString(field) : "";
    const SymbolSpec* other = nullptr;
    for (const auto& c : style.categories) {
      if (c.value.empty()) other = &c.symbol;
      else if (c.value == v) return &c.symbol;
    }
    return other;
  }
  return &style.symbol;
}

void rasterize(GDALDataset& ds, std::vector<OGRGeometry*>& geoms, const std::vector<double>& burn, bool all_touched) {
  if (geoms.empty()) return;
  int bands[] = {1, 2, 3, 4};
  const char* options[] = {all_touched ? "ALL_TOUCHED=TRUE" : "ALL_TOUCHED=FALSE", nullptr};
  std::vector<OGRGeometryH> handles;
  for (auto* g : geoms) handles.push_back(OGRGeometry::ToHandle(g));
  CPLErr err = GDALRasterizeGeometries(GDALDataset::ToHandle(&ds), 4, bands, static_cast<int>(handles.size()),
                                       handles.data(), nullptr, nullptr, burn.data(),
                                       const_cast<char**>(options), nullptr, nullptr);
  if (err != CE_None) throw Error(std::string("map picture: rasterising failed: ") + CPLGetLastErrorMsg());
}

void push_colour(std::vector<double>& burn, Rgba c) {
  burn.insert(burn.end(), {double(c.r), double(c.g), double(c.b), 255.0});
}

}  // namespace

void render_map_picture(const MapPictureSpec& spec, const LayerStyle& style, const std::string& png_path) {
  GDALDatasetUniquePtr src = open_source(spec.source);
  OGRLayer& layer = find_layer(*src, spec.layer, spec.source);
  OGREnvelope env;
  if (layer.GetExtent(&env, TRUE) != OGRERR_NONE || env.MaxX <= env.MinX || env.MaxY <= env.MinY)
    throw Error(spec.source + ": layer " + spec.layer + " has no extent to draw");

  // Layout: title band on top, map on the left, legend on the right.
  const int title_h = 56, legend_w = 300, pad = 16;
  const int map_w = spec.map_width_px;
  const double lat_scale = std::cos((env.MinY + env.MaxY) / 2 * M_PI / 180.0);
  const double dx = (env.MaxX - env.MinX) * 1.04 / map_w;
  const double dy = dx * lat_scale;
  const int map_h = static_cast<int>(std::ceil((env.MaxY - env.MinY) * 1.04 / dy));
  const int legend_h = 60 + 34 * static_cast<int>(std::max(style.ranges.size(), style.categories.size()));
  const int width = map_w + legend_w, height = title_h + std::max(map_h, legend_h) + pad;

  GDALDatasetUniquePtr canvas(GetGDALDriverManager()->GetDriverByName("MEM")->Create("", width, height, 4, GDT_Byte,
                                                                                        nullptr));
  for (int b = 1; b <= 4; ++b) canvas->GetRasterBand(b)->Fill(255);
  const double x0 = env.MinX - (env.MaxX - env.MinX) * 0.02;
  const double y0 = env.MaxY + (env.MaxY - env.MinY) * 0.02 + title_h * dy;
  double transform[6] = {x0, dx, 0, y0, 0, -dy};
  canvas->SetGeoTransform(transform);

  // Fills, then thin borders.
  std::vector<std::unique_ptr<OGRGeometry>> owned;
  std::vector<OGRGeometry*> fills, borders;
  std::vector<double> fill_burn, border_burn;
  const int field = style.field.empty() ? -1 : layer.GetLayerDefn()->GetFieldIndex(spec.field.c_str());
  layer.ResetReading();
  for (auto& f : layer) {
    OGRGeometry* g = f->GetGeometryRef();
    if (!g || g->IsEmpty()) continue;
    const SymbolSpec* sym = symbol_for(style, *f, field);
    owned.emplace_back(g->clone());
    if (sym && !sym->hollow) {
      fills.push_back(owned.back().get());
      push_colour(fill_burn, sym->fill);
    }
    owned.emplace_back(g->Boundary());
    if (owned.back()) {
      borders.push_back(owned.back().get());
      push_colour(border_burn, {150, 150, 150});
    }
  }
  rasterize(*canvas, fills, fill_burn, false);
  rasterize(*canvas, borders, border_burn, false);

  if (!spec.outline_source.empty()) {
    GDALDatasetUniquePtr outline_src = open_source(spec.outline_source);
    OGRLayer& outline = find_layer(*outline_src, spec.outline_layer, spec.outline_source);
    std::vector<OGRGeometry*> lines;
    std::vector<double> burn;
    for (auto& f : outline) {
      OGRGeometry* g = f->GetGeometryRef();
      if (!g || g->IsEmpty()) continue;
      owned.emplace_back(g->Boundary());
      if (!owned.back()) continue;
      lines.push_back(owned.back().get());
      push_colour(burn, {30, 30, 30});
    }
    rasterize(*canvas, lines, burn, true);
  }

  // Title and legend, drawn on the pixels.
  Canvas c{width, height, std::vector<std::array<std::uint8_t, 4>>(static_cast<std::size_t>(width) * height)};
  for (int b = 0; b < 4; ++b) {
    std::vector<std::uint8_t> band(static_cast<std::size_t>(width) * height);
    if (canvas->GetRasterBand(b + 1)->RasterIO(GF_Read, 0, 0, width, height, band.data(), width, height, GDT_Byte,
                                               0, 0) != CE_None)
      throw Error("map picture: cannot read the canvas");
    for (std::size_t i = 0; i < band.size(); ++i) c.px[i][static_cast<std::size_t>(b)] = band[i];
  }
  const Rgba ink{30, 30, 30};
  c.text(pad, 14, spec.title, 4, ink);
  int lx = map_w + 10, ly = title_h + 10;
  c.text(lx, ly, style.name, 2, ink);
  ly += 36;
  auto swatch = [&](const SymbolSpec& s, const std::string& label) {
    c.rect(lx, ly, 40, 24, s.fill);
    c.frame(lx, ly, 40, 24, {110, 110, 110});
    c.text(lx + 52, ly + 5, label, 2, ink);
    ly += 34;
  };
  for (const auto& r : style.ranges) swatch(r.symbol, r.label);
  for (const auto& k : style.categories) swatch(k.symbol, k.label);
  for (int b = 0; b < 4; ++b) {
    std::vector<std::uint8_t> band(static_cast<std::size_t>(width) * height);
    for (std::size_t i = 0; i < band.size(); ++i) band[i] = c.px[i][static_cast<std::size_t>(b)];
    if (canvas->GetRasterBand(b + 1)->RasterIO(GF_Write, 0, 0, width, height, band.data(), width, height, GDT_Byte,
                                               0, 0) != CE_None)
      throw Error("map picture: cannot draw the legend");
  }

  GDALDriver* png = GetGDALDriverManager()->GetDriverByName("PNG");
  if (!png) throw Error("GDAL has no PNG driver");
  // No .aux.xml beside the picture: it is a picture, not a georeferenced raster.
  CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", "NO");
  GDALDatasetUniquePtr out(png->CreateCopy(png_path.c_str(), canvas.get(), FALSE, nullptr, nullptr, nullptr));
  out.reset();
  CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", nullptr);
  if (!std::filesystem::exists(png_path)) throw Error(png_path + ": cannot write: " + CPLGetLastErrorMsg());
}

}  // namespace peta
