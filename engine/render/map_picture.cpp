#include "render/map_picture.hpp"

#include <algorithm>
#include <cmath>

#include "render/count_legend.hpp"
#include "render/map_image.hpp"
#include "render/map_layer.hpp"

namespace peta {
namespace {

// The scene unit of a value in a graduated or categorized style; a NULL count is withheld (hatched).
render::SceneUnit unit_fill(const LayerStyle& style, const render::MapUnit& u, const std::string& field) {
  render::SceneUnit s;
  auto v = u.number(field);
  if (style.renderer == RendererKind::graduated) {
    if (!v) { s.hatched = true; return s; }
    for (const auto& r : style.ranges)
      if (*v >= r.lower && *v <= r.upper) { s.fill = r.symbol.fill; return s; }
    s.filled = false;
    return s;
  }
  if (style.renderer == RendererKind::categorized) {
    std::string text = v ? std::to_string(static_cast<long long>(std::llround(*v))) : "";
    for (const auto& c : style.categories)
      if (c.value == text || c.value.empty()) { s.fill = c.symbol.fill; return s; }
    s.filled = false;
    return s;
  }
  s.fill = style.symbol.fill;
  s.filled = !style.symbol.hollow;
  return s;
}

}  // namespace

void render_map_picture(const MapPictureSpec& spec, const LayerStyle& style, const std::string& png_path) {
  render::MapLayer desa = render::read_map_layer(spec.source, spec.layer);
  render::MapLayer kecamatan, kabupaten;
  if (!spec.kecamatan_source.empty()) kecamatan = render::read_map_layer(spec.kecamatan_source, spec.kecamatan_layer);
  if (!spec.outline_source.empty()) kabupaten = render::read_map_layer(spec.outline_source, spec.outline_layer);

  render::MapScene scene;
  scene.title = spec.title;
  scene.legend_title = style.name;
  scene.label_pt = 6.5;
  bool any_withheld = false;
  for (const auto& u : desa.units) {
    render::SceneUnit s = unit_fill(style, u, spec.field);
    s.shape = &u.shape;
    any_withheld = any_withheld || s.hatched;
    scene.units.push_back(s);
  }
  for (const auto& r : style.ranges) scene.legend.push_back({r.symbol.fill, r.label, false});
  for (const auto& c : style.categories) scene.legend.push_back({c.symbol.fill, c.label, false});
  if (any_withheld) scene.legend.push_back({{228, 228, 228}, render::withheld_label(spec.k, "id"), true});
  for (const auto& k : kecamatan.units) {
    scene.outlines.push_back(&k.shape);
    scene.labels.push_back({k.nama, k.label_at, true});
  }
  for (const auto& k : kabupaten.units) scene.boundary.push_back(&k.shape);
  // Desa names after the kecamatan's, the largest desa first (they have the most room).
  std::vector<const render::MapUnit*> by_area;
  for (const auto& u : desa.units) by_area.push_back(&u);
  std::stable_sort(by_area.begin(), by_area.end(),
                   [](const render::MapUnit* a, const render::MapUnit* b) { return a->area_m2 > b->area_m2; });
  for (const auto* u : by_area) scene.labels.push_back({u->nama, u->label_at, false});

  // The picture's height follows the layer's shape: map width (the box less the legend column) × aspect.
  const Box b = desa.bounds();
  const double aspect = b.empty() ? 1.0 : (b.max_y - b.min_y) / std::max(1.0, b.max_x - b.min_x);
  const double map_w = spec.width_pt - 24 - std::clamp((spec.width_pt - 24) * 0.27, 100.0, 190.0) - 10;
  const double height = std::max(360.0, map_w * aspect * 1.04 + 24 + 30);
  render::write_map_image(scene, png_path, render::ImageFormat::png, spec.width_pt, height, spec.png_scale);
}

}  // namespace peta
