#include "indicators/kecamatan_indicators.hpp"

#include <cmath>

#include "hotspots/eb_rates.hpp"

namespace peta {
namespace {

// Per kecamatan, the sum of a per-desa vector over its desa.
std::vector<double> summed(const Boundaries& b, const std::vector<double>& per_desa) {
  std::vector<double> out(b.kecamatan.size(), 0.0);
  for (std::size_t d = 0; d < b.desa.size(); ++d)
    if (b.desa_kecamatan[d] >= 0) out[static_cast<std::size_t>(b.desa_kecamatan[d])] += per_desa[d];
  return out;
}

}  // namespace

IndicatorRegistry kecamatan_indicators(const Boundaries& b, const DesaHotspots* published,
                                       const std::vector<profile::KecamatanField>* profile) {
  IndicatorRegistry registry;
  if (published) {
    std::vector<double> base;
    if (published->base == "km2")
      for (const auto& k : b.kecamatan) base.push_back(k.area_km2);
    else
      base = summed(b, published->base_values);
    for (const auto& c : published->categories) {
      const std::string code = c.code == "semua" ? "total" : c.code;
      RateParts parts;
      parts.per = published->per;
      parts.base = base;
      parts.events = summed(b, std::vector<double>(c.count.begin(), c.count.end()));
      std::vector<double> eb = empirical_bayes_rates(parts.events, parts.base);
      for (double& v : eb) v *= parts.per;
      registry.add("n_" + code, present(parts.events), parts);
      registry.add("rate_" + code, present(crude_rates(parts.events, parts.base, parts.per)), parts);
      registry.add("eb_" + code, present(eb), std::move(parts));
    }
  }
  if (profile)
    for (const auto& field : *profile)
      if (field.kind != profile::FieldKind::text) registry.add(field.name, field.numbers);
  return registry;
}

}  // namespace peta
