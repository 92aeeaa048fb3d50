// How much reading one coordinate costs: the plain-decimal fast path should stay near 50 ns.
#include <benchmark/benchmark.h>

#include "findings/coordinate_parser.hpp"

namespace {

peta::CoordinateParserOptions probolinggo() {
  peta::CoordinateParserOptions o;
  o.expected_extent = {112.9, -8.1, 113.7, -7.6};
  return o;
}

void BM_PlainDecimalDot(benchmark::State& state) {
  peta::CoordinateParser parser(probolinggo());
  for (auto _ : state) benchmark::DoNotOptimize(parser.parse("113.2154321", "-7.7534123"));
}
BENCHMARK(BM_PlainDecimalDot);

void BM_PlainDecimalComma(benchmark::State& state) {
  peta::CoordinateParser parser(probolinggo());
  for (auto _ : state) benchmark::DoNotOptimize(parser.parse("113,2154321", "-7,7534123"));
}
BENCHMARK(BM_PlainDecimalComma);

void BM_LatSignFixed(benchmark::State& state) {
  peta::CoordinateParser parser(probolinggo());
  for (auto _ : state) benchmark::DoNotOptimize(parser.parse("113.2154321", "7.7534123"));
}
BENCHMARK(BM_LatSignFixed);

void BM_SingleCell(benchmark::State& state) {
  peta::CoordinateParser parser(probolinggo());
  for (auto _ : state) benchmark::DoNotOptimize(parser.parse_single("-7.7534123, 113.2154321"));
}
BENCHMARK(BM_SingleCell);

void BM_Dms(benchmark::State& state) {
  peta::CoordinateParser parser(probolinggo());
  for (auto _ : state) benchmark::DoNotOptimize(parser.parse("113\xC2\xB0" "13'5\"E", "7\xC2\xB0" "45'12.3\"S"));
}
BENCHMARK(BM_Dms);

void BM_KoboGeopoint(benchmark::State& state) {
  peta::CoordinateParser parser(probolinggo());
  for (auto _ : state) benchmark::DoNotOptimize(parser.parse_kobo_geopoint("-7.7534123 113.2154321 120.5 4.0"));
}
BENCHMARK(BM_KoboGeopoint);

void BM_Utm49S(benchmark::State& state) {
  auto o = probolinggo();
  o.source_crs = "EPSG:32749";
  peta::CoordinateParser parser(o);
  for (auto _ : state) benchmark::DoNotOptimize(parser.parse("744155.021", "9142312.335"));
}
BENCHMARK(BM_Utm49S);

}  // namespace

BENCHMARK_MAIN();
