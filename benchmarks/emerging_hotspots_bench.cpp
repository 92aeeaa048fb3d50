// Emerging hot spot analysis on all 8,494 desa of Jawa Timur (shared/data/jatim/desa.gpkg) x 24 months, one
// category: the period counts of ~1 million dated findings cut into a cube, then space-time Gi* (k = 1),
// Mann-Kendall and the 17 classes. Queen weights are built once outside the timing (hotspots_bench times them).
// Target on 2 cores: <= 2 s for the analysis.
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>

#include "aggregate/period_counts.hpp"
#include "hotspots/contiguity_weights.hpp"
#include "hotspots/emerging_hotspots.hpp"
#include "hotspots/metric_geometry.hpp"
#include "hotspots/polygon_layer_reader.hpp"

namespace {

using namespace peta;

constexpr int kMonths = 24;

struct Jatim {
  std::size_t n = 0;
  SpatialWeights queen;
  PeriodCounts counts;
  int first = 0;
};

const Jatim& jatim() {
  static const Jatim data = [] {
    Jatim d;
    const auto layer = read_polygon_layer(std::string(PETA_SHARED_DATA) + "/jatim/desa.gpkg", "desa", "kode");
    const auto metric = project_to_metric(layer.polygons);
    d.queen = contiguity_weights(metric, {.threads = 2});
    d.n = metric.size();
    const auto points = centroids(metric);
    std::mt19937 rng(42);
    const Date start = *Date::from_ymd(2024, 1, 1);
    d.first = period_of(PeriodKind::month, start);
    for (std::size_t i = 0; i < d.n; ++i) {
      for (int t = 0; t < kMonths; ++t) {
        // A west-east wave that drifts over time: rising, fading and steady areas.
        const double rate = 5.0 * (1.0 + 0.8 * std::sin(points[i].x / 40000.0 + t / 6.0));
        const int events = std::poisson_distribution<int>(rate)(rng);
        const Date month_start = period_start(PeriodKind::month, d.first + t);
        for (int e = 0; e < events; ++e) d.counts.add(int(i), "jalan", Date::from_days(month_start.days() + e % 28));
      }
    }
    return d;
  }();
  return data;
}

void BM_EmergingHotspots24Months(benchmark::State& state) {
  const auto& d = jatim();
  std::size_t hot = 0;
  for (auto _ : state) {
    const SpaceTimeCube cube = d.counts.cube(d.n, "jalan", d.first, d.first + kMonths - 1);
    const EmergingResult r = emerging_hotspots(cube, d.queen);
    hot = 0;
    for (auto c : r.classes) hot += c != EmergingClass::no_pattern;
    benchmark::DoNotOptimize(r.classes.data());
  }
  state.counters["desa"] = double(d.n);
  state.counters["findings"] = double(d.counts.dated());
  state.counters["with_pattern"] = double(hot);
}
BENCHMARK(BM_EmergingHotspots24Months)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();

void BM_EmergingGiOnly(benchmark::State& state) {
  const auto& d = jatim();
  const SpaceTimeCube cube = d.counts.cube(d.n, "jalan", d.first, d.first + kMonths - 1);
  for (auto _ : state) benchmark::DoNotOptimize(emerging_hotspots(cube, d.queen).z.data());
}
BENCHMARK(BM_EmergingGiOnly)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();

}  // namespace

BENCHMARK_MAIN();
