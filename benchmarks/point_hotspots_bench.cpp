// Point hotspots on one million synthetic findings over Kabupaten Probolinggo (engine/sample's generator:
// hot-village clusters plus an area-weighted background): DBSCAN and the kernel density heatmap.
// Target: DBSCAN on 1 M points in seconds on 2 cores.
#include <benchmark/benchmark.h>

#include <algorithm>

#include "boundaries/boundary_loader.hpp"
#include "core/crs.hpp"
#include "hotspots/dbscan.hpp"
#include "hotspots/kde.hpp"
#include "sample/sample_generator.hpp"

namespace {

using namespace peta;

struct Findings {
  std::vector<MultiPolygon> desa;
  std::vector<Coord> lonlat;
  std::vector<Coord> metric;
  std::vector<std::string> category;
};

const Findings& findings() {
  static const Findings data = [] {
    Findings f;
    BoundarySettings settings;
    settings.desa.path = std::string(PETA_SHARED_DATA) + "/probolinggo/desa.geojson";
    const auto loaded = load_boundaries(settings);
    for (const auto& d : loaded.boundaries.desa) f.desa.push_back(d.geometry);
    SampleOptions options;
    options.count = 1'000'000;
    generate_sample(loaded.boundaries, options, [&](const SamplePoint& p) {
      f.lonlat.push_back(p.lonlat);
      f.category.push_back(p.category);
    });
    Ring ring(f.lonlat.begin(), f.lonlat.end());
    CrsTransform(kExchangeCrs, kMetricCrs).apply(ring);
    f.metric.assign(ring.begin(), ring.end());
    return f;
  }();
  return data;
}

void BM_DbscanLabels1M(benchmark::State& state) {
  const auto& f = findings();
  const double eps = double(state.range(0));
  DbscanLabels r;
  for (auto _ : state) r = dbscan_labels(f.metric, eps, 20, 2);
  state.counters["clusters"] = r.cluster_count;
  state.counters["noise"] = double(std::count(r.labels.begin(), r.labels.end(), -1));
}
BENCHMARK(BM_DbscanLabels1M)->Arg(50)->Arg(100)->Arg(250)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();

void BM_Dbscan1MWithHulls(benchmark::State& state) {
  const auto& f = findings();
  DbscanSettings settings{.eps_m = 100, .min_points = 20, .threads = 2};
  DbscanResult r;
  for (auto _ : state) r = dbscan(f.lonlat, f.category, settings);
  state.counters["clusters"] = double(r.clusters.size());
}
BENCHMARK(BM_Dbscan1MWithHulls)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();

void BM_KernelDensity1M(benchmark::State& state) {
  const auto& f = findings();
  const Box extent = metric_extent(f.desa);
  const double h = double(state.range(0));
  DensityRaster r;
  for (auto _ : state) {
    KernelDensity kde(make_density_raster(extent, h));
    for (const auto& p : f.lonlat) kde.add(p);
    r = kde.finish();
  }
  state.counters["cells"] = double(r.values.size());
}
BENCHMARK(BM_KernelDensity1M)->Arg(500)->Arg(1000)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();

void BM_DefaultBandwidth1M(benchmark::State& state) {
  const auto& f = findings();
  for (auto _ : state) benchmark::DoNotOptimize(default_bandwidth(f.metric));
}
BENCHMARK(BM_DefaultBandwidth1M)->Unit(benchmark::kMillisecond)->UseRealTime()->MeasureProcessCPUTime();

}  // namespace

BENCHMARK_MAIN();
