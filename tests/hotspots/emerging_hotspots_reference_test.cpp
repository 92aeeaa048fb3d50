// Emerging hot spot analysis against an independent numpy/scipy transcription of the same definitions
// (tests/reference/emerging_hotspots_reference.py, run with Debian's /usr/bin/python3) on a space-time cube
// built on the real 330 Probolinggo desa: 24 monthly Poisson counts per desa whose rate follows one of six
// patterns chosen by kecamatan (flat, rising, a new burst, a final run, persistently high, fading).
// Gi* z and the Mann-Kendall statistics within 1e-9, classes identical, for both standardisations.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>

#include "hotspots/contiguity_weights.hpp"
#include "hotspots/emerging_hotspots.hpp"
#include "hotspots/metric_geometry.hpp"
#include "hotspots/polygon_layer_reader.hpp"
#include "reference_script.hpp"

namespace peta {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::string kDesa = std::string(PETA_SHARED_DATA) + "/probolinggo/desa.geojson";
constexpr std::size_t kSteps = 24;

struct Fixture {
  PolygonLayer layer;
  SpatialWeights queen;
  SpaceTimeCube cube;
};

const Fixture& fixture() {
  static const Fixture f = [] {
    Fixture f;
    f.layer = read_polygon_layer(kDesa, "", "kode");
    f.queen = contiguity_weights(project_to_metric(f.layer.polygons));
    const std::size_t n = f.layer.ids.size();
    f.cube.locations = n;
    f.cube.steps = kSteps;
    f.cube.values.resize(n * kSteps);
    std::mt19937 rng(20250523);
    for (std::size_t i = 0; i < n; ++i) {
      const int kecamatan = std::stoi(f.layer.ids[i].substr(6, 2));  // "35.13.KK.DDDD"
      for (std::size_t t = 0; t < kSteps; ++t) {
        const double u = double(t) / double(kSteps - 1);
        double rate = 2.0;
        switch (kecamatan % 6) {
          case 1: rate = 0.5 + 9.0 * u; break;                    // rising
          case 2: rate = t == kSteps - 1 ? 14.0 : 1.0; break;     // a new burst in the last month
          case 3: rate = t + 4 >= kSteps ? 10.0 : 1.0; break;     // the last four months
          case 4: rate = 9.0; break;                              // persistently high
          case 5: rate = t + 3 < kSteps ? 9.0 - 6.0 * u : 0.5; break;  // fading, then quiet
          default: rate = 0.7; break;
        }
        f.cube.values[t * n + i] = double(std::poisson_distribution<int>(rate)(rng));
      }
    }
    return f;
  }();
  return f;
}

json run_reference(const EmergingSettings& settings) {
  const auto& f = fixture();
  json in;
  in["neighbours"] = json::array();
  for (std::size_t i = 0; i < f.queen.size(); ++i) {
    auto row = f.queen.neighbours(i);
    in["neighbours"].push_back(std::vector<SpatialWeights::Index>(row.begin(), row.end()));
  }
  in["steps"] = f.cube.steps;
  in["values"] = f.cube.values;
  in["k"] = settings.time_lags;
  in["alpha"] = settings.alpha;
  in["standardisation"] =
      settings.standardisation == GiStandardisation::whole_cube ? "whole_cube" : "per_time_slice";
  const std::string dir = test::temp_dir("ehsa");
  test::write_file(dir + "/in.json", in.dump());
  json ref = test::run_reference_script("emerging_hotspots_reference.py", dir + "/in.json");
  fs::remove_all(dir);
  return ref;
}

void compare(const EmergingSettings& settings, std::size_t min_distinct_classes) {
  const auto& f = fixture();
  const json ref = run_reference(settings);
  const EmergingResult ours = emerging_hotspots(f.cube, f.queen, settings);
  const std::size_t n = f.cube.locations;
  ASSERT_EQ(ref["z"].size(), n * kSteps);
  double worst_z = 0;
  std::size_t undefined = 0;
  for (std::size_t b = 0; b < n * kSteps; ++b) {
    if (ref["z"][b].is_null()) {
      EXPECT_TRUE(std::isnan(ours.z[b])) << b;
      ++undefined;
      continue;
    }
    worst_z = std::max(worst_z, std::fabs(ours.z[b] - ref["z"][b].get<double>()));
    ASSERT_NEAR(ours.p[b], ref["p"][b].get<double>(), 1e-9) << b;
  }
  EXPECT_LT(worst_z, 1e-9);
  EXPECT_EQ(undefined, 0u);
  std::map<std::string, int> tally;
  for (std::size_t i = 0; i < n; ++i) {
    EXPECT_EQ(ours.mk_s[i], ref["mk_s"][i].get<double>()) << f.layer.ids[i];
    EXPECT_NEAR(ours.mk_tau[i], ref["mk_tau"][i].get<double>(), 1e-12);
    EXPECT_NEAR(ours.mk_z[i], ref["mk_z"][i].get<double>(), 1e-9);
    EXPECT_NEAR(ours.mk_p[i], ref["mk_p"][i].get<double>(), 1e-9);
    EXPECT_EQ(emerging_class_code(ours.classes[i]), ref["classes"][i].get<std::string>()) << f.layer.ids[i];
    ++tally[emerging_class_code(ours.classes[i])];
  }
  std::cout << "max |z - z_ref| = " << worst_z << "; classes:";
  for (const auto& [name, count] : tally) std::cout << " " << name << "=" << count;
  std::cout << "\n";
  // The cube is built to exercise the rules: several classes must occur, or the comparison proves little.
  EXPECT_GE(tally.size(), min_distinct_classes);
}

TEST(EmergingHotspotsVsReference, WholeCubeStandardisation) {
  compare({.time_lags = 1, .alpha = 0.05, .standardisation = GiStandardisation::whole_cube}, 6);
}

TEST(EmergingHotspotsVsReference, PerTimeSliceStandardisation) {
  compare({.time_lags = 1, .alpha = 0.05, .standardisation = GiStandardisation::per_time_slice}, 5);
}

TEST(EmergingHotspotsVsReference, TwoTimeLags) {
  compare({.time_lags = 2, .alpha = 0.01, .standardisation = GiStandardisation::whole_cube}, 5);
}

}  // namespace
}  // namespace peta
