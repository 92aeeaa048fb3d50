#pragma once
// Bivariate Moran's I (Anselin, Syabri & Smirnov 2002; GeoDa's "Bivariate Local Moran"): how x at a unit
// relates to y around it (the spatial lag of y).
//  - global, as esda.Moran_BV: zx, zy standardised with the sample sd (ddof 1), I = sum_i zx_i (W zy)_i / (n-1),
//    inference by full permutations of y only (esda gives no analytical moments for it, nor does this);
//  - local, as esda.Moran_Local_BV: zx, zy standardised with the population sd, Ii = (n-1) zx_i (W zy)_i / zx'zx,
//    quadrants 1 HH (x high, neighbours' y high), 2 LH, 3 LL, 4 HL, conditional permutations that keep x_i and
//    draw the neighbours' y from the other units.
// Weights are transformed as `transform` says (esda's default: row-standardised).
#include <vector>

#include "hotspots/local_moran.hpp"
#include "hotspots/moran.hpp"
#include "hotspots/spatial_weights.hpp"

namespace peta {

struct BivariateMoran : GlobalPermutationResult {
  std::size_t n = 0;
  double I = 0;
};

BivariateMoran bivariate_moran(const SpatialWeights& weights, const std::vector<double>& x, const std::vector<double>& y,
                               const GlobalMoranSettings& settings = {});

// The result reuses LocalMoran: z holds zx, lag the spatial lag of zy, quadrant/cluster the bivariate quadrants.
LocalMoran bivariate_local_moran(const SpatialWeights& weights, const std::vector<double>& x,
                                 const std::vector<double>& y, const LocalSettings& settings = {},
                                 WeightsTransform transform = WeightsTransform::row_standardised);

}  // namespace peta
