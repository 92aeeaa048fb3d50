#!/usr/bin/env bash
# Builds peta and runs every test (README command 2; .ci/run calls this):
#   1. build/: the release build, warnings as errors, and the whole suite;
#   2. build-asan/: the suite again under AddressSanitizer + UndefinedBehaviorSanitizer (clang, -O1, no debug
#      info, no benchmarks), and each libFuzzer target of tests/fuzz for a few seconds (README, "Fuzzing and
#      sanitizers"). Tests labelled no_sanitizer (a browser or QGIS subprocess; see tests/CMakeLists.txt) are left out.
#   PETA_SKIP_ASAN=1 scripts/test.sh   only step 1
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DPETA_WERROR=ON >/dev/null
cmake --build build -j "$(nproc)"
ctest --test-dir build --output-on-failure -j "$(nproc)"
[[ "${PETA_SKIP_ASAN:-0}" == 1 ]] && exit 0

cmake -S . -B build-asan -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE=-O1 \
  -DPETA_SANITIZE=ON -DPETA_FUZZ=ON -DPETA_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-asan -j "$(nproc)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
ctest --test-dir build-asan --output-on-failure -j "$(nproc)" -LE no_sanitizer
