#!/usr/bin/env bash
# Latency and throughput of peta serve's top-N queries (wrk, against 127.0.0.1 only, bounded to DURATION
# seconds per query), first alone, then with SLOW slow/idle connections held open in the background (half send
# nothing, half trickle a header line every second; the server cuts them at its 5 s head deadline and the holder
# opens new ones, so SLOW stay held). Builds the example first if its GeoPackage is missing.
# Then, when STORE=1 (default), the store endpoints on the example's store cycle (examples/probolinggo/
# project_store.json, made by scripts/run-example.sh): the overdue table and an Open311 list, served by a second
# server (the first one stopped).
#   scripts/bench_serve.sh [DURATION_S=10] [CONNECTIONS=64] [SLOW=200] [STORE=1]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10} connections=${2:-64} slow=${3:-200} with_store=${4:-1}
command -v wrk >/dev/null || { echo "bench_serve: wrk is missing (scripts/setup.sh --peers installs it)"; exit 1; }
peta=./build/tools/peta
[[ -f out/probolinggo/peta.gpkg ]] || scripts/run-example.sh >/dev/null
out=$(mktemp -d)
# PETA_SERVE_ARGS: more options for the server, e.g. "--cache-mb 0" (every answer computed) or "--threads 4".
$peta serve examples/probolinggo/project.json --port 0 ${PETA_SERVE_ARGS:-} > "$out/serve.out" &
server=$!
holder=""
trap 'kill $server $holder 2>/dev/null; wait $server $holder 2>/dev/null || true; rm -rf "$out"' EXIT
for _ in $(seq 1 100); do grep -q 'http://' "$out/serve.out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$out/serve.out")
port=${url##*:}; port=${port%/}
run() {
  local name=$1 target=$2
  echo "== $name: GET /$target  ($connections connections, ${duration}s)"
  curl -sf "$url$target" -o "$out/answer"  # fails the script on an error status
  head -c 160 "$out/answer"; echo
  wrk -t 2 -c "$connections" -d "${duration}s" --latency "$url$target" | grep -E 'Latency|50%|90%|99%|Requests/sec|requests in|Non-2xx|Socket errors'
}
top10="api/query?category=jalan_rusak&kecamatan=Sumber&n=10"
run "top 10 desa, jalan_rusak, Kec. Sumber" "$top10"
run "top 10 desa, all categories, severity berat, date range (recount from findings)" "api/query?severity=berat&from=2026-01-01&to=2026-12-31&n=10"
run "priority, top 3 per kecamatan" "api/query?sort=priority&per_kecamatan=1&n=3"

python3 - "$port" "$slow" > "$out/holder.log" 2>&1 <<'PY' &
import socket, sys, time
port, n = int(sys.argv[1]), int(sys.argv[2])
def connect(i):
    s = socket.create_connection(("127.0.0.1", port))
    s.setblocking(False)
    if i % 2: s.send(b"GET /api/health HTTP/1.1\r\n")
    return s
held = [connect(i) for i in range(n)]
print("holding", len(held), flush=True)
while True:
    time.sleep(1)
    for i, s in enumerate(held):
        try:
            if i % 2: s.send(b"X-Slow: 1\r\n")
            if s.recv(4096) == b"": raise OSError
        except BlockingIOError:
            pass
        except OSError:
            s.close()
            held[i] = connect(i)
PY
holder=$!
for _ in $(seq 1 50); do grep -q holding "$out/holder.log" && break; sleep 0.1; done
echo "== with $(grep -o 'holding [0-9]*' "$out/holder.log" | cut -d' ' -f2) slow/idle connections held in the background"
run "top 10 desa, jalan_rusak, Kec. Sumber, $slow slow connections held" "$top10"

kill $holder 2>/dev/null; wait $holder 2>/dev/null || true
holder=""
[[ $with_store == 1 ]] || exit 0
kill $server 2>/dev/null; wait $server 2>/dev/null || true
[[ -f out/probolinggo_store/peta.gpkg && -f out/store/temuan.gpkg ]] || scripts/run-example.sh >/dev/null
$peta serve examples/probolinggo/project_store.json --port 0 ${PETA_SERVE_ARGS:-} > "$out/serve.out" &
server=$!
for _ in $(seq 1 100); do grep -q 'http://' "$out/serve.out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$out/serve.out")
echo "== the store (examples/probolinggo/project_store.json)"
run "overdue per OPD and kecamatan" "api/lewat-target?as_of=2026-12-31"
run "Open311 requests, open road problems of the year" "open311/v2/requests.json?start_date=2026-01-01&end_date=2026-12-31&service_code=jalan_rusak&status=open"
run "top 10 desa by open road problems (counted from the store)" "api/query?status=baru,diverifikasi&category=jalan_rusak&n=10"
