#pragma once
// The indicators of the kecamatan level ("tingkat": "kecamatan"), one value per kecamatan in
// Boundaries::kecamatan order, for resolve_indicator (indicator_values.hpp) through a registry:
//   n_total, n_<category>          the kecamatan layer's counts: its desa's published counts summed (in the
//                                  public profile no sensitive category, and n_total without them, as the layer)
//   rate_total, rate_<category>    count / base * per: the base is the kecamatan's area (its layer's luas_km2)
//                                  or, with a population base, its desa's population summed
//   eb_total, eb_<category>        Marshall's Empirical Bayes rates among the kecamatan (esda Empirical_Bayes),
//                                  as the desa layer's eb_ fields are among the desa
//   <profile field>                the kecamatan value of a numeric desa profile field by its "agregasi" rule
//                                  (profile_aggregation.hpp: sums, means, population-weighted means)
//   luas_km2                       the kecamatan's area (resolve_indicator's own, from the units)
// The counts and rates carry their events and base, so spatial EB rates and the EB-standardised Moran follow.
// Desa outside every kecamatan (an orphan desa) count for none.
#include <vector>

#include "core/admin_unit.hpp"
#include "hotspots/desa_hotspots.hpp"
#include "indicators/indicator_values.hpp"
#include "profile/profile_aggregation.hpp"

namespace peta {

// `published`: the desa counts and rates as they may be published (null: no count indicators);
// `profile`: the profile's kecamatan fields (null: none).
IndicatorRegistry kecamatan_indicators(const Boundaries& b, const DesaHotspots* published,
                                       const std::vector<profile::KecamatanField>* profile);

}  // namespace peta
