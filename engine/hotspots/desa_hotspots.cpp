#include "hotspots/desa_hotspots.hpp"

#include <cmath>
#include <map>

#include "core/error.hpp"
#include "hotspots/eb_rates.hpp"
#include "hotspots/local_hotspots.hpp"
#include "hotspots/metric_geometry.hpp"

namespace peta {
namespace {

CategoryHotspots analyse(const std::vector<double>& events, const std::vector<double>& base, double per,
                         const SpatialWeights& w, const HotspotSettings& s) {
  CategoryHotspots c;
  c.rate = crude_rates(events, base, per);
  c.eb = empirical_bayes_rates(events, base);
  for (auto& v : c.eb) v *= per;
  GlobalMoranSettings gm;
  gm.permutation.permutations = s.permutations;
  gm.permutation.seed = s.seed;
  c.moran = global_moran(w, c.eb, gm);
  LocalSettings lm;
  lm.permutation.permutations = s.permutations;
  lm.permutation.seed = s.seed;
  lm.alpha = s.alpha;
  lm.fdr = s.fdr;
  GetisOrdSettings gi;
  gi.fdr = s.fdr;
  LocalHotspots local = local_hotspots(w, c.eb, lm, gi);
  c.gi_z = local.gi_star.z;
  c.gi_p = local.gi_star.p_norm;
  c.gi_bin = local.gi_star.bin;
  c.lisa_i = local.moran.Ii;
  c.lisa_p = local.moran.p_sim;
  c.lisa_q = local.moran.cluster;
  return c;
}

}  // namespace

DesaHotspots desa_hotspots(const Boundaries& b, const UnitCounts& counts, const CategoryTaxonomy& taxonomy,
                           const HotspotSettings& settings, bool public_profile, const Suppression& withheld,
                           const std::vector<double>& population) {
  DesaHotspots out;
  std::vector<MultiPolygon> geometries;
  for (const auto& d : b.desa) geometries.push_back(d.geometry);
  SpatialWeights w = contiguity_weights(project_to_metric(geometries, settings.weights.threads), settings.weights);
  out.neighbour_links = w.link_count();
  for (std::size_t i : w.islands()) out.islands.push_back(b.desa[i].code.dotted() + " " + b.desa[i].name);

  std::vector<double> base;
  if (population.empty()) {
    out.base = "km2";
    out.per = 1;
    for (const auto& d : b.desa) base.push_back(d.area_km2);
  } else {
    out.base = "penduduk";
    out.per = settings.per;
    if (population.size() != b.desa.size())
      throw Error("hotspots: " + std::to_string(population.size()) + " population values for " +
                  std::to_string(b.desa.size()) + " desa");
    base = population;
  }
  const std::size_t n = b.desa.size(), k = taxonomy.size();
  // The counts the statistics of category c (c == k: all categories) see.
  auto events_of = [&](std::size_t c) {
    if (c < k && public_profile && taxonomy.categories()[c].sensitive) return withheld.visible_desa_counts(counts, c);
    std::vector<double> events(n);
    for (std::size_t d = 0; d < n; ++d) {
      const std::int64_t e = c < k            ? counts.desa(d, c)
                             : public_profile ? counts.desa_total_without_sensitive(d, taxonomy)
                                              : counts.desa_total(d);
      events[d] = static_cast<double>(e);
    }
    return events;
  };
  for (std::size_t c = 0; c <= k; ++c) {
    const std::vector<double> events = events_of(c);
    CategoryHotspots h = analyse(events, base, out.per, w, settings);
    for (double e : events) h.count.push_back(static_cast<std::int64_t>(e));
    if (c < k) {
      const Category& cat = taxonomy.categories()[c];
      h.code = cat.code, h.short_code = cat.short_code, h.label_id = cat.label_id, h.label_en = cat.label_en;
    } else {
      h.code = "semua", h.short_code = "semua", h.label_id = "Semua kategori", h.label_en = "All categories";
    }
    out.categories.push_back(std::move(h));
  }
  out.weights = std::move(w);
  out.base_values = std::move(base);
  return out;
}

}  // namespace peta

namespace peta {

DesaHotspots publishable(const DesaHotspots& h, const CategoryTaxonomy& taxonomy, bool public_profile) {
  DesaHotspots out = h;
  if (!public_profile) return out;
  std::erase_if(out.categories, [&](const CategoryHotspots& c) {
    for (const auto& cat : taxonomy.categories())
      if (cat.code == c.code) return cat.sensitive;
    return false;
  });
  return out;
}

}  // namespace peta
