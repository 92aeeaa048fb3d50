#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz (clang, AddressSanitizer + UndefinedBehaviorSanitizer) in build-fuzz
# and runs each for SECONDS (default 600). A crash is saved as tests/fuzz/crashes/<target>/crash-<sha1>; commit it
# with a regression test. The corpus a run grows stays in build-fuzz/fuzz-corpus/<target> (seeds: tests/fuzz/corpus).
#   scripts/fuzz.sh [SECONDS] [TARGET...]      e.g. scripts/fuzz.sh 60 csv_units names
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
if ((${#targets[@]} == 0)); then
  for f in tests/fuzz/*_fuzzer.cpp; do
    f=${f##*/}
    targets+=("${f%_fuzzer.cpp}")
  done
fi
cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE=-O1 \
  -DPETA_FUZZ=ON -DPETA_BUILD_TESTS=OFF -DPETA_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-fuzz -j "$(nproc)" --target "${targets[@]/#/fuzz_}"
failed=()
for t in "${targets[@]}"; do
  echo "== fuzz_$t: ${seconds} s"
  if ! bash tests/fuzz/run_fuzzer.sh "build-fuzz/tests/fuzz/fuzz_$t" "tests/fuzz/corpus/$t" "build-fuzz/fuzz-corpus/$t" \
      "$seconds" "tests/fuzz/crashes/$t" 2> "build-fuzz/fuzz-$t.log"; then
    failed+=("$t")
    grep -E "ERROR|invariant broken|Test unit written" "build-fuzz/fuzz-$t.log" | head -5 || true
  fi
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "build-fuzz/fuzz-$t.log" || true
  echo "   corpus: $(ls "build-fuzz/fuzz-corpus/$t" | wc -l) inputs; log: build-fuzz/fuzz-$t.log"
done
if ((${#failed[@]})); then
  echo "fuzz: crashes in ${failed[*]} (see tests/fuzz/crashes/)" >&2
  exit 1
fi
echo "fuzz: ${#targets[@]} targets, ${seconds} s each, no crash"
