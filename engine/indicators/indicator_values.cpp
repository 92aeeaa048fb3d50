#include "indicators/indicator_values.hpp"

#include <cmath>

#include "core/error.hpp"
#include "core/layer_fields.hpp"

namespace peta {

const IndicatorVector* IndicatorRegistry::find(const std::string& name) const {
  auto it = entries_.find(name);
  return it == entries_.end() ? nullptr : &it->second.values;
}

const RateParts* IndicatorRegistry::rate(const std::string& name) const {
  auto it = entries_.find(name);
  return it == entries_.end() || !it->second.rate ? nullptr : &*it->second.rate;
}

std::vector<std::string> IndicatorRegistry::names() const {
  std::vector<std::string> out;
  for (const auto& [name, v] : entries_) out.push_back(name);
  return out;
}

IndicatorVector present(const std::vector<double>& v) {
  IndicatorVector out(v.size());
  for (std::size_t i = 0; i < v.size(); ++i)
    if (std::isfinite(v[i])) out[i] = v[i];
  return out;
}

namespace {

// "semua" is the hotspot statistics' code for all categories; "total" is its name in the indicators.
const CategoryHotspots* category(const DesaHotspots& h, const std::string& code) {
  const std::string wanted = code == "total" ? "semua" : code;
  for (const auto& c : h.categories)
    if (c.code == wanted) return &c;
  return nullptr;
}

std::string available(const IndicatorSources& s) {
  std::string names = layer_field::luas_km2;
  if (s.hotspots)
    for (const auto& c : s.hotspots->categories) {
      const std::string code = c.code == "semua" ? "total" : c.code;
      names += ", n_" + code + ", rate_" + code + ", eb_" + code;
    }
  if (s.registry)
    for (const auto& n : s.registry->names()) names += ", " + n;
  return names;
}

}  // namespace

Indicator resolve_indicator(const std::string& name, const IndicatorSources& s) {
  const std::size_t n = s.units.size();
  Indicator out;
  out.name = name;
  if (s.registry)
    if (const IndicatorVector* v = s.registry->find(name)) {
      if (v->size() != n)
        throw Error("indicator '" + name + "': " + std::to_string(v->size()) + " values for " + std::to_string(n) +
                    " " + level_name(s.level));
      out.values = *v;
      if (const RateParts* rate = s.registry->rate(name)) out.rate = *rate;
      return out;
    }
  if (name == layer_field::luas_km2) {
    std::vector<double> area;
    for (const auto& d : s.units) area.push_back(d.area_km2);
    out.values = present(area);
    return out;
  }
  for (const char* prefix : {"n_", "rate_", "eb_"}) {
    const std::string p = prefix;
    if (name.rfind(p, 0) != 0) continue;
    if (!s.hotspots)
      throw Error("indicator '" + name + "' needs the hotspot statistics (hotspots.enabled is false)");
    const CategoryHotspots* c = category(*s.hotspots, name.substr(p.size()));
    if (!c) break;
    RateParts parts;
    parts.per = s.hotspots->per;
    for (std::size_t d = 0; d < n; ++d) {
      parts.events.push_back(static_cast<double>(c->count[d]));
      parts.base.push_back(s.hotspots->base_values.at(d));
    }
    if (p == "n_") out.values = present(parts.events);
    else out.values = present(p == "rate_" ? c->rate : c->eb);
    out.rate = std::move(parts);
    return out;
  }
  throw Error("unknown indicator '" + name + "' (available: " + available(s) + ")");
}

}  // namespace peta
