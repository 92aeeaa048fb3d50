#pragma once
// Spatial weights of the desa (or kecamatan) as an indicator analysis chooses them (indicator_settings.hpp), binary as built
// (a GWT file keeps its weights); the statistics apply the row standardisation themselves.
//   queen, rook  contiguity_weights (GEOS) with the hotspot settings' tolerance: rook needs a shared stretch of
//                border, a corner touch is not enough (contiguity_weights.hpp)
//   knn          the k nearest desa centroids (EPSG:32749), as libpysal.weights.KNN
//   jarak        centroids within distance_m, as libpysal.weights.DistanceBand(binary=True)
//   file         a GeoDa GAL or GWT file keyed by the dotted Kemendagri desa (kecamatan) code (peta's bobot_queen.gal)
#include <vector>

#include "core/admin_unit.hpp"
#include "hotspots/contiguity_weights.hpp"
#include "hotspots/spatial_weights.hpp"
#include "indicators/indicator_settings.hpp"

namespace peta {

// `units`: b.desa or b.kecamatan; `metric_polygons` theirs in EPSG:32749.
SpatialWeights unit_weights(const WeightsChoice& choice, const std::vector<AdminUnit>& units,
                            const std::vector<MultiPolygon>& metric_polygons, const ContiguitySettings& contiguity);

// The weights among the units kept (libpysal.weights.w_subset): links to dropped units vanish, a unit whose
// neighbours were all dropped becomes an island. keep[i] gives the new index of unit i, or -1.
SpatialWeights subset_weights(const SpatialWeights& w, const std::vector<long>& keep, std::size_t kept);

}  // namespace peta
