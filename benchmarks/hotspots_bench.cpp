// Hotspot engine on all 8,494 desa of Jawa Timur (shared/data/jatim/desa.gpkg): weights construction,
// Local Moran and Gi* with 999 conditional permutations each, on one category's counts.
// Targets on 2 cores: queen weights with tolerance < 1 s; Local Moran + Gi* together < 0.1 s.
#include <benchmark/benchmark.h>

#include <cmath>

#include "hotspots/contiguity_weights.hpp"
#include "hotspots/eb_rates.hpp"
#include "hotspots/getis_ord.hpp"
#include "hotspots/local_hotspots.hpp"
#include "hotspots/local_moran.hpp"
#include "hotspots/metric_geometry.hpp"
#include "hotspots/permutation.hpp"
#include "hotspots/point_weights.hpp"
#include "hotspots/polygon_layer_reader.hpp"

namespace {

using namespace peta;

struct Jatim {
  PolygonLayer layer;
  std::vector<MultiPolygon> metric;
  SpatialWeights queen;
  std::vector<double> rate;  // a synthetic category: events per 1,000, with a west-east gradient
};

const Jatim& jatim() {
  static const Jatim data = [] {
    Jatim d;
    d.layer = read_polygon_layer(std::string(PETA_SHARED_DATA) + "/jatim/desa.gpkg", "desa", "kode");
    d.metric = project_to_metric(d.layer.polygons);
    d.queen = contiguity_weights(d.metric);
    const auto points = centroids(d.metric);
    std::vector<double> events, population;
    std::uint64_t state = 42;
    for (std::size_t i = 0; i < points.size(); ++i) {
      const double pop = 2000.0 + double(splitmix64(state) % 8000);
      const double gradient = 1.0 + std::sin(points[i].x / 40000.0) * 0.5;
      events.push_back(std::floor(pop * 0.004 * gradient + double(splitmix64(state) % 5)));
      population.push_back(pop);
    }
    d.rate = crude_rates(events, population, 1000.0);
    return d;
  }();
  return data;
}

void BM_ProjectToMetric(benchmark::State& state) {
  const auto& d = jatim();
  for (auto _ : state) benchmark::DoNotOptimize(project_to_metric(d.layer.polygons, 2));
}
BENCHMARK(BM_ProjectToMetric)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();

void BM_QueenWeights1m(benchmark::State& state) {
  const auto& d = jatim();
  for (auto _ : state) benchmark::DoNotOptimize(contiguity_weights(d.metric, {.tolerance_m = 1.0, .threads = 2}));
  state.counters["links"] = double(d.queen.link_count());
  state.counters["islands"] = double(d.queen.islands().size());
}
BENCHMARK(BM_QueenWeights1m)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();

void BM_RookWeights1m(benchmark::State& state) {
  const auto& d = jatim();
  for (auto _ : state)
    benchmark::DoNotOptimize(contiguity_weights(d.metric, {.rule = ContiguityRule::rook, .tolerance_m = 1.0, .threads = 2}));
}
BENCHMARK(BM_RookWeights1m)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime()->Iterations(1);

void BM_Knn6(benchmark::State& state) {
  const auto points = centroids(jatim().metric);
  for (auto _ : state) benchmark::DoNotOptimize(knn_weights(points, 6));
}
BENCHMARK(BM_Knn6)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();

void BM_LocalMoran999(benchmark::State& state) {
  const auto& d = jatim();
  LocalSettings settings;
  settings.permutation.threads = 2;
  for (auto _ : state) benchmark::DoNotOptimize(local_moran(d.queen, d.rate, settings));
}
BENCHMARK(BM_LocalMoran999)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();

void BM_GiStar999(benchmark::State& state) {
  const auto& d = jatim();
  GetisOrdSettings settings;
  settings.permutation.threads = 2;
  for (auto _ : state) benchmark::DoNotOptimize(getis_ord_star(d.queen, d.rate, settings));
}
BENCHMARK(BM_GiStar999)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();

void BM_LocalMoranAndGiStarOnePass999(benchmark::State& state) {
  const auto& d = jatim();
  LocalSettings lm;
  lm.permutation.threads = 2;
  GetisOrdSettings gi;
  for (auto _ : state) benchmark::DoNotOptimize(local_hotspots(d.queen, d.rate, lm, gi));
}
BENCHMARK(BM_LocalMoranAndGiStarOnePass999)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();

// The figure: Local Moran + Gi*, 999 permutations each, one category, weights included.
void BM_WeightsLocalMoranGiStar(benchmark::State& state) {
  const auto& d = jatim();
  LocalSettings lm;
  lm.permutation.threads = 2;
  GetisOrdSettings gi;
  gi.permutation.threads = 2;
  for (auto _ : state) {
    auto w = contiguity_weights(d.metric, {.tolerance_m = 1.0, .threads = 2});
    benchmark::DoNotOptimize(local_hotspots(w, d.rate, lm, gi));
  }
}
BENCHMARK(BM_WeightsLocalMoranGiStar)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();

}  // namespace

BENCHMARK_MAIN();
