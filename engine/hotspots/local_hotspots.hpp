#pragma once
// Local Moran's I and Getis-Ord Gi* in one pass: both statistics are tested on the same conditional
// permutations (the draws of observation i depend only on the seed and i), so each result is identical
// to local_moran() / getis_ord_star() run alone with the same permutation settings, at about half the
// cost. The Gi* permutation settings are taken from `moran.permutation`.
#include <vector>

#include "hotspots/getis_ord.hpp"
#include "hotspots/local_moran.hpp"
#include "hotspots/spatial_weights.hpp"

namespace peta {

struct LocalHotspots {
  LocalMoran moran;
  GetisOrd gi_star;
};

// `weights` without self entries (as the builders make them): row-standardised for Moran, binary plus
// self for Gi*, as each statistic needs.
LocalHotspots local_hotspots(const SpatialWeights& weights, const std::vector<double>& values,
                             const LocalSettings& moran = {}, const GetisOrdSettings& gi_star = {});

}  // namespace peta
