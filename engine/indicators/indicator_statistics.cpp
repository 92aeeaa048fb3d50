#include "indicators/indicator_statistics.hpp"

#include <cmath>

#include "core/error.hpp"
#include "hotspots/eb_rates.hpp"
#include "hotspots/moran_rate.hpp"
#include "indicators/indicator_weights.hpp"

namespace peta {

int lisa_significance_class(double p) {
  if (!(p <= 0.05)) return 0;
  return p <= 0.001 ? 3 : p <= 0.01 ? 2 : 1;
}

IndicatorResult analyse_indicator(const IndicatorAnalysisSettings& settings, const IndicatorSources& sources,
                                  const SpatialWeights& unit_weights, const IndicatorStatisticsOptions& options) {
  const std::vector<AdminUnit>& units = sources.units;
  const std::size_t n_desa = units.size();  // desa, or kecamatan at that level
  const std::string unit_word = level_name(sources.level);
  if (unit_weights.size() != n_desa)
    throw Error("statistik " + settings.key + ": weights for " + std::to_string(unit_weights.size()) + " units, " +
                std::to_string(n_desa) + " " + unit_word);
  IndicatorResult r;
  r.settings = settings;
  r.weights = settings.weights.describe();

  const Indicator x = resolve_indicator(settings.bivariate() ? settings.x : settings.indicator, sources);
  std::optional<Indicator> y;
  if (settings.bivariate()) y = resolve_indicator(settings.y, sources);

  r.position.assign(n_desa, -1);
  for (std::size_t d = 0; d < n_desa; ++d) {
    const bool has = x.values[d].has_value() && (!y || y->values[d].has_value());
    if (!has) {
      r.missing.push_back(units[d].code.dotted() + " " + units[d].name);
      continue;
    }
    r.position[d] = static_cast<long>(r.x.size());
    r.x.push_back(*x.values[d]);
    if (y) r.y.push_back(*y->values[d]);
  }
  const std::string label = settings.bivariate() ? settings.x + " ~ " + settings.y : settings.indicator;
  if (r.n() < 4)
    throw Error("statistik " + settings.key + " (" + label + "): " + std::to_string(r.n()) + " " + unit_word +
                " with a value, at least 4 needed");
  if (!r.missing.empty())
    r.warnings.push_back("statistik " + settings.key + " (" + label + "): " + std::to_string(r.missing.size()) +
                         " " + unit_word + " without a value left out of the weights and the statistics");

  const SpatialWeights w = subset_weights(unit_weights, r.position, r.n());
  r.links = w.link_count();
  for (std::size_t d = 0; d < n_desa; ++d)
    if (r.position[d] >= 0 && w.cardinality(static_cast<std::size_t>(r.position[d])) == 0)
      r.islands.push_back(units[d].code.dotted() + " " + units[d].name);

  const WeightsTransform transform =
      settings.weights.row_standardised ? WeightsTransform::row_standardised : WeightsTransform::binary;
  GlobalMoranSettings global;
  global.transform = transform;
  global.permutation = {options.permutations, options.seed, options.threads};
  LocalSettings local;
  local.permutation = global.permutation;
  local.alpha = options.alpha;
  local.fdr = options.fdr;
  if (!settings.has(IndicatorMethod::lisa)) local.permutation.permutations = 0;  // the scatterplot only

  if (settings.bivariate()) {
    if (settings.has(IndicatorMethod::moran)) r.moran_bv = bivariate_moran(w, r.x, r.y, global);
    r.local = bivariate_local_moran(w, r.x, r.y, local, transform);
    return r;
  }
  if (settings.has(IndicatorMethod::moran)) r.moran = global_moran(w, r.x, global);
  if (settings.has(IndicatorMethod::geary)) r.geary = geary(w, r.x, global);
  r.local = local_moran(w, r.x, local, transform);
  if (settings.has(IndicatorMethod::gi)) {
    GetisOrdSettings gi;
    gi.permutation = global.permutation;
    gi.fdr = options.fdr;
    gi.row_standardised = settings.weights.row_standardised;  // "standar": esda's G_Local transform "R" or "B"
    r.gi = getis_ord_star(w, r.x, gi);
  }
  if (x.rate) {
    std::vector<double> events, base;
    for (std::size_t d = 0; d < n_desa; ++d)
      if (r.position[d] >= 0) {
        events.push_back(x.rate->events[d]);
        base.push_back(x.rate->base[d]);
      }
    r.spatial_eb = spatial_empirical_bayes_rates(events, base, w);
    for (double& v : r.spatial_eb) v *= x.rate->per;
    if (settings.has(IndicatorMethod::moran)) {
      try {
        r.moran_rate = moran_rate(w, events, base, global);
      } catch (const Error& e) {
        r.warnings.push_back("statistik " + settings.key + " (" + label + "): " + e.what());
      }
    }
  }
  return r;
}

}  // namespace peta
