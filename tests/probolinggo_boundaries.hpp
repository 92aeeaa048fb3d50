#pragma once
// The real Probolinggo desa (../shared/data/probolinggo/desa.geojson; kecamatan dissolved from them), loaded once
// per test process.
#include "boundaries/boundary_loader.hpp"
#include "test_support.hpp"

namespace peta::test {

inline const Boundaries& probolinggo_boundaries() {
  static const Boundaries b = [] {
    BoundarySettings bs;
    bs.desa.path = data("probolinggo/desa.geojson");
    return load_boundaries(bs).boundaries;
  }();
  return b;
}

}  // namespace peta::test
