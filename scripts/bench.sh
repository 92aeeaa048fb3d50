#!/usr/bin/env bash
# The benchmark of BENCHMARKS.md in one run: peta and its peers on the same generated CSV, same machine.
#   scripts/bench.sh probolinggo [COUNT]   # default 1,000,000 findings over the 330 Probolinggo desa, with peers
#   scripts/bench.sh jatim [COUNT]         # default 10,000,000 findings over the 8,494 East Java desa (peta only;
#                                          # PEERS=1 to time the peers too: slow)
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data
which=${1:-probolinggo}
scripts/setup.sh --peers
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)" --target peta >/dev/null
work=${WORK:-/tmp/peta-bench}
case "$which" in
  probolinggo)
    count=${2:-1000000}
    args=(--boundaries "$data/probolinggo/desa.geojson" --kecamatan "$data/probolinggo/kecamatan.geojson")
    peer_args=(--desa "$data/probolinggo/desa.geojson" --kecamatan "$data/probolinggo/kecamatan.geojson")
    peers=${PEERS:-1} ;;
  jatim)
    count=${2:-10000000}
    args=(--boundaries "$data/jatim/desa.gpkg" --layer desa)
    peer_args=(--desa "$data/jatim/desa.gpkg" --desa-layer desa)
    peers=${PEERS:-0} ;;
  *) echo "bench: unknown data set '$which' (probolinggo or jatim)" >&2; exit 2 ;;
esac
mkdir -p "$work/$which"
echo "== peta ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
./build/tools/peta bench "${args[@]}" --count "$count" --seed 1 --work "$work/$which" --points --whole
if [[ "$peers" == 1 ]]; then
  echo "== peers on the same CSV"
  scripts/bench_peers.sh --findings "$work/$which/findings_${count}_s1.csv" "${peer_args[@]}" --out "$work/$which/peers"
fi
