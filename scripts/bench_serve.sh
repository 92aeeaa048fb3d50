#!/usr/bin/env bash
# Latency and throughput of peta serve's top-N query under 16 concurrent clients (wrk, against 127.0.0.1 only,
# bounded to DURATION seconds). Builds the example first if its GeoPackage is missing.
#   scripts/bench_serve.sh [DURATION_S=10] [CONNECTIONS=16]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10} connections=${2:-16}
command -v wrk >/dev/null || { echo "bench_serve: wrk is missing (scripts/setup.sh --peers installs it)"; exit 1; }
peta=./build/tools/peta
[[ -f out/probolinggo/peta.gpkg ]] || scripts/run-example.sh >/dev/null
out=$(mktemp -d)
$peta serve examples/probolinggo/project.json --port 0 > "$out/serve.out" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$out"' EXIT
for _ in $(seq 1 100); do grep -q 'http://' "$out/serve.out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$out/serve.out")
run() {
  local name=$1 target=$2
  echo "== $name: GET /$target  ($connections connections, ${duration}s)"
  curl -sf "$url$target" -o "$out/answer"  # fails the script on an error status
  head -c 160 "$out/answer"; echo
  wrk -t 2 -c "$connections" -d "${duration}s" --latency "$url$target" | grep -E 'Latency|50%|90%|99%|Requests/sec|requests in|Non-2xx'
}
run "top 10 desa, jalan_rusak, Kec. Sumber" "api/query?category=jalan_rusak&kecamatan=Sumber&n=10"
run "top 10 desa, all categories, severity berat, date range (recount from findings)" "api/query?severity=berat&from=2024-01-01&to=2024-12-31&n=10"
run "priority, top 3 per kecamatan" "api/query?sort=priority&per_kecamatan=1&n=3"
