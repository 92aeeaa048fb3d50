#!/usr/bin/env bash
# The web map's end-to-end test (ctest web_map_e2e): builds a small project over the real Probolinggo desa
# (with its Gi* fields; synthetic ones are added with SQL if the build wrote none), starts `peta serve`
# on a free loopback port, drives Debian's Chromium through web/test/map_e2e.mjs, and stops the server.
#   run_map_e2e.sh PETA_CLI SHARED_DATA OUT_DIR
set -euo pipefail
peta=$1 shared=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
[[ -x /usr/bin/chromium ]] || { echo "web_map_e2e: /usr/bin/chromium is missing (scripts/setup.sh installs it)"; exit 1; }
[[ -d "$here/../node_modules/playwright-core" ]] || { echo "web_map_e2e: run npm ci in web/ (scripts/setup.sh does)"; exit 1; }
rm -rf "$out" && mkdir -p "$out"
"$peta" sample --quiet --boundaries "$shared/probolinggo/desa.geojson" --count 3000 --seed 7 --out "$out/temuan.csv"
cat > "$out/project.json" <<JSON
{
  "name": "web e2e",
  "boundaries": {
    "desa": {"path": "$shared/probolinggo/desa.geojson"},
    "kecamatan": {"path": "$shared/probolinggo/kecamatan.geojson"}
  },
  "findings": [{"path": "temuan.csv", "publish": ["tanggal", "tingkat", "keterangan"]}],
  "store": {"path": "temuan.gpkg"},
  "output": {"folder": "out", "formats": ["geopackage"]}
}
JSON
# The findings store for the status view: the same findings, first seen on 2026-01-15 (so many are overdue
# today), a few handled.
"$peta" import "$out/project.json" --tanggal 2026-01-15 > "$out/import.out"
ids=$(awk -F, 'NR>1 && NR<=41 {print $1}' "$out/temuan.csv" | tr '\n' ' ')
"$peta" status "$out/project.json" --jadi diverifikasi --tanggal 2026-02-01 $ids > /dev/null
"$peta" status "$out/project.json" --jadi selesai --tanggal 2026-02-20 $ids > /dev/null
# The layers, built from the store (a project with a store counts the store's findings).
"$peta" build -q "$out/project.json"
gpkg="$out/out/peta.gpkg"
# Synthetic emerging hot spot classes for jalan_rusak when the build wrote none (the trend view's field).
if ! ogrinfo -so "$gpkg" desa | grep -q '^tren_jalan_rusak:'; then
  sql0() { ogrinfo -q "$gpkg" -sql "$1" >/dev/null; }
  sql0 "ALTER TABLE desa ADD COLUMN tren_jalan_rusak TEXT"
  sql0 "UPDATE desa SET tren_jalan_rusak = CASE WHEN n_jalan_rusak >= 20 THEN 'panas_menguat'
        WHEN n_jalan_rusak >= 15 THEN 'panas_baru' ELSE 'tidak_ada_pola' END"
fi
# Synthetic Gi* fields for stunting when the build wrote none: z from the count, bins at 90/95/99 %.
sql() { ogrinfo -q "$gpkg" -sql "$1" >/dev/null; }
if ! ogrinfo -so "$gpkg" desa | grep -q '^gi_bin_stunting:'; then
  sql "ALTER TABLE desa ADD COLUMN gi_z_stunting REAL"
  sql "ALTER TABLE desa ADD COLUMN gi_bin_stunting INTEGER"
  sql "UPDATE desa SET gi_z_stunting = (n_stunting - (SELECT avg(n_stunting) FROM desa)) / 2.0"
  sql "UPDATE desa SET gi_bin_stunting = CASE WHEN gi_z_stunting >= 2.576 THEN 3 WHEN gi_z_stunting >= 1.960 THEN 2
       WHEN gi_z_stunting >= 1.645 THEN 1 WHEN gi_z_stunting <= -2.576 THEN -3 WHEN gi_z_stunting <= -1.960 THEN -2
       WHEN gi_z_stunting <= -1.645 THEN -1 ELSE 0 END"
fi

"$peta" serve "$out/project.json" --port 0 > "$out/serve.out" 2> "$out/serve.err" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
url=""
for _ in $(seq 1 100); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$out/serve.out" || true)
  [[ -n "$url" ]] && break
  kill -0 $server 2>/dev/null || { cat "$out/serve.err"; exit 1; }
  sleep 0.1
done
[[ -n "$url" ]] || { echo "web_map_e2e: peta serve did not start"; exit 1; }
node "$here/map_e2e.mjs" "$url" "$out"
