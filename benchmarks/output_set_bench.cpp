// What writing located findings costs: N points with two attributes through OutputSet.
// Compare BM_PointsToGeoPackage/1000000 with
//   ogr2ogr -f GPKG out.gpkg in.csv -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat
// on the same points (--csv=<path> writes them: id,kategori,lon,lat).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "output/output_set.hpp"

namespace {

struct SamplePoint {
  peta::Coord lonlat;
  int category;
};

const char* const kCategories[] = {"jalan_rusak", "stunting", "akses_sekolah", "kemiskinan", "layanan_publik"};

// Seeded, uniform over the Probolinggo bounding box.
std::vector<SamplePoint> sample_points(std::size_t n) {
  std::mt19937_64 rng(2026);
  std::uniform_real_distribution<double> lon(112.9, 113.65), lat(-8.05, -7.65);
  std::vector<SamplePoint> points(n);
  for (auto& p : points) p = {{lon(rng), lat(rng)}, static_cast<int>(rng() % 5)};
  return points;
}

void write_points(const std::vector<SamplePoint>& points, const std::string& folder, bool every_format) {
  peta::OutputSet out({folder, every_format, every_format, true});
  peta::LayerSink& sink = out.open_layer(
      {"temuan",
       peta::GeometryKind::point,
       {{"id", peta::FieldType::integer, "id"}, {"kategori", peta::FieldType::text, "kategori", 20}}});
  peta::Feature f;
  f.values.resize(2);
  for (std::size_t i = 0; i < points.size(); ++i) {
    f.geometry = points[i].lonlat;
    f.values[0] = static_cast<std::int64_t>(i + 1);
    f.values[1] = std::string(kCategories[points[i].category]);
    sink.write(f);
  }
  out.commit();
}

void run(benchmark::State& state, bool every_format) {
  const auto points = sample_points(static_cast<std::size_t>(state.range(0)));
  const auto folder = std::filesystem::temp_directory_path() / "peta-output-bench";
  for (auto _ : state) {
    std::filesystem::remove_all(folder);
    write_points(points, folder.string(), every_format);
  }
  std::filesystem::remove_all(folder);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_PointsToGeoPackage(benchmark::State& state) { run(state, false); }
BENCHMARK(BM_PointsToGeoPackage)->Arg(100000)->Arg(1000000)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

void BM_PointsToEveryFormat(benchmark::State& state) { run(state, true); }
BENCHMARK(BM_PointsToEveryFormat)->Arg(100000)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("--csv=", 0) == 0) {
      FILE* csv = std::fopen(arg.substr(6).c_str(), "w");
      if (!csv) return 1;
      std::fprintf(csv, "id,kategori,lon,lat\n");
      const auto points = sample_points(1000000);
      for (std::size_t p = 0; p < points.size(); ++p)
        std::fprintf(csv, "%zu,%s,%.7f,%.7f\n", p + 1, kCategories[points[p].category], points[p].lonlat.x,
                     points[p].lonlat.y);
      std::fclose(csv);
      return 0;
    }
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
