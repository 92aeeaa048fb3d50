// Throughput of PointLocator::locate() and the time to build its index, on Kabupaten Probolinggo (330 desa)
// and on all of East Java (8,494 desa). Points are seeded uniform draws over the desa extent: "mixed" keeps
// them all (sea, Kota Probolinggo, neighbours), "inside" keeps those inside exactly one desa.
#include <benchmark/benchmark.h>

#include <memory>
#include <random>
#include <string>

#include "boundaries/boundary_loader.hpp"
#include "geocode/point_locator.hpp"

namespace peta {
namespace {

constexpr std::size_t kPoints = 1'000'000;

struct Dataset {
  Boundaries boundaries;
  std::unique_ptr<PointLocator> locator;
  std::vector<Coord> mixed, inside;
};

Dataset make_dataset(const std::string& desa_path, const std::string& kecamatan_path) {
  BoundarySettings s;
  s.desa = BoundarySource{desa_path};
  if (!kecamatan_path.empty()) s.kecamatan = BoundarySource{kecamatan_path};
  Dataset d;
  d.boundaries = load_boundaries(s).boundaries;
  d.locator = std::make_unique<PointLocator>(d.boundaries);
  Box extent;
  for (const auto& u : d.boundaries.desa) extent.expand(u.geometry.bounds());
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> lon(extent.min_x, extent.max_x), lat(extent.min_y, extent.max_y);
  while (d.mixed.size() < kPoints || d.inside.size() < kPoints) {
    Coord p{lon(rng), lat(rng)};
    if (d.mixed.size() < kPoints) d.mixed.push_back(p);
    if (d.inside.size() < kPoints) {
      Assignment a = d.locator->locate(p);
      if (a.desa >= 0 && a.flags == kFlagNone) d.inside.push_back(p);
    }
  }
  return d;
}

const Dataset& probolinggo() {
  static Dataset d = make_dataset(PETA_SHARED_DATA "/probolinggo/desa.geojson", PETA_SHARED_DATA "/probolinggo/kecamatan.geojson");
  return d;
}
const Dataset& jatim() {
  static Dataset d = make_dataset(PETA_SHARED_DATA "/jatim/desa.gpkg", "");
  return d;
}

void locate_all(benchmark::State& state, const Dataset& d, const std::vector<Coord>& points) {
  // With several benchmark threads, each takes its own slice of the points.
  std::size_t slice = points.size() / static_cast<std::size_t>(state.threads());
  std::span<const Coord> mine(points.data() + slice * static_cast<std::size_t>(state.thread_index()), slice);
  std::vector<Assignment> out(slice);
  for (auto _ : state) {
    d.locator->locate(mine, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * slice));
}

void BM_ProbolinggoInside(benchmark::State& s) { locate_all(s, probolinggo(), probolinggo().inside); }
void BM_ProbolinggoMixed(benchmark::State& s) { locate_all(s, probolinggo(), probolinggo().mixed); }
void BM_JatimInside(benchmark::State& s) { locate_all(s, jatim(), jatim().inside); }
void BM_JatimMixed(benchmark::State& s) { locate_all(s, jatim(), jatim().mixed); }

void build(benchmark::State& state, const Dataset& d) {
  for (auto _ : state) {
    PointLocator locator(d.boundaries);
    benchmark::DoNotOptimize(&locator);
    state.counters["index_MB"] = static_cast<double>(locator.memory_bytes()) / 1e6;
  }
}
void BM_ProbolinggoBuild(benchmark::State& s) { build(s, probolinggo()); }
void BM_JatimBuild(benchmark::State& s) { build(s, jatim()); }

BENCHMARK(BM_ProbolinggoBuild)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ProbolinggoInside)->Unit(benchmark::kMillisecond)->Threads(1)->Threads(2)->UseRealTime();
BENCHMARK(BM_ProbolinggoMixed)->Unit(benchmark::kMillisecond)->Threads(1)->Threads(2)->UseRealTime();
BENCHMARK(BM_JatimBuild)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);
BENCHMARK(BM_JatimInside)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_JatimMixed)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace peta

BENCHMARK_MAIN();
