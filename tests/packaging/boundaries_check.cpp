// The pkg-config consumer of tests/packaging/install_consumer_test.sh: one file, compiled with
// `c++ boundaries_check.cpp $(pkg-config --cflags --libs peta)` against an installed peta.
#include <peta/boundaries.hpp>
#include <peta/error.hpp>
#include <peta/version.hpp>

#include <cstdio>

int main(int argc, char** argv) {
  if (argc < 3) return 2;
  peta::api::BoundaryCheckOptions options;
  options.desa = argv[1];
  options.kecamatan = argv[2];
  try {
    const peta::api::BoundaryCheck c = peta::api::check_boundaries(options);
    std::printf("peta %s\n", PETA_VERSION_STRING);
    std::printf("desa %zu kelurahan %zu kecamatan %zu\n", c.desa, c.kelurahan, c.kecamatan);
    std::printf("overlap pairs %zu (%.3f km2), gaps %zu (%.3f km2), invalid %zu\n", c.overlap_pairs, c.overlap_km2,
                c.gaps, c.gap_km2, c.still_invalid);
    std::printf("area %.2f km2 planar, %.2f km2 geodesic\n", c.desa_area_km2, c.desa_area_geodesic_km2);
  } catch (const peta::api::Error& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
  return 0;
}
