// What one name lookup costs against the 330 desa of 35.13.
#include <benchmark/benchmark.h>

#include <algorithm>

#include "geocode/code_list.hpp"
#include "geocode/gazetteer.hpp"
#include "geocode/name_placer.hpp"

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

void BM_MadeUpName(benchmark::State& state) {  // a real name plus a qualifier it does not have: not found
  for (auto _ : state) benchmark::DoNotOptimize(gazetteer().match("Sumberanyar Lor", "Sumber"));
}
BENCHMARK(BM_MadeUpName);

// The same regency told the 8,164 other villages of East Java as outside names (code_lists: jatim/desa.gpkg).
const peta::Gazetteer& with_neighbours() {
  static const peta::Gazetteer g = [] {
    const std::string list = std::string(PETA_SHARED_DATA) + "/probolinggo/wilayah_3513.csv";
    static peta::Boundaries b;
    for (const auto& r : peta::read_code_list(list)) {
      if (r.code.level() == peta::AdminLevel::kecamatan) b.kecamatan.push_back({r.code, r.name, "", {}, 0});
      if (r.code.level() == peta::AdminLevel::desa) b.desa.push_back({r.code, r.name, r.jenis, {}, 0});
    }
    std::sort(b.kecamatan.begin(), b.kecamatan.end(), [](auto& x, auto& y) { return x.code < y.code; });
    std::sort(b.desa.begin(), b.desa.end(), [](auto& x, auto& y) { return x.code < y.code; });
    for (const auto& d : b.desa) b.desa_kecamatan.push_back(b.find_kecamatan(*d.code.parent()));
    return peta::build_gazetteer(b, {list, std::string(PETA_SHARED_DATA) + "/jatim/desa.gpkg"});
  }();
  return g;
}

void BM_MisspelledNameWithNeighbours(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(with_neighbours().match("DS. SOEMBERKEDAWNG"));
}
BENCHMARK(BM_MisspelledNameWithNeighbours);

void BM_ExactNameWithNeighbours(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(with_neighbours().match("Desa Sumberanom, Kec. Sumber"));
}
BENCHMARK(BM_ExactNameWithNeighbours);

}  // namespace

BENCHMARK_MAIN();
