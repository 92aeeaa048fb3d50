// What one name lookup costs against the 330 desa of 35.13.
#include <benchmark/benchmark.h>

#include "geocode/gazetteer.hpp"

namespace {

const peta::Gazetteer& gazetteer() {
  static const peta::Gazetteer g =
      peta::Gazetteer::from_wilayah_csv(std::string(PETA_SHARED_DATA) + "/probolinggo/wilayah_3513.csv");
  return g;
}

void BM_ExactName(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(gazetteer().match("Desa Sumberanom, Kec. Sumber"));
}
BENCHMARK(BM_ExactName);

void BM_MisspelledName(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(gazetteer().match("DS. SOEMBERKEDAWNG"));
}
BENCHMARK(BM_MisspelledName);

void BM_ByCode(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(gazetteer().match("3513042008"));
}
BENCHMARK(BM_ByCode);

}  // namespace

BENCHMARK_MAIN();
