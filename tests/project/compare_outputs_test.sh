#!/usr/bin/env bash
# The example project (5,000 synthetic findings over the real 330 desa, every layer and format) built twice
# by the same binary gives identical outputs (scripts/compare-outputs.sh): what lets that script show that a
# change of the code changed no output.
#   compare_outputs_test.sh PETA SHARED_DATA
set -euo pipefail
peta=$1 data=$2
root="$(cd "$(dirname "$0")/../.." && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$peta" sample --boundaries "$data/probolinggo/desa.geojson" --count 5000 --seed 2026 --out "$work/temuan_contoh.csv" >/dev/null
/usr/bin/python3 - "$root/examples/probolinggo/project.json" "$data" "$work" <<'PY'
import json, os, sys
p = json.load(open(sys.argv[1]))
data, work = sys.argv[2], sys.argv[3]
for level in ("desa", "kecamatan", "kabupaten"):
    p["boundaries"][level]["path"] = f"{data}/probolinggo/{level}.geojson"
p["findings"][0]["path"] = f"{work}/temuan_contoh.csv"
p["geocode"]["code_lists"] = [f"{data}/probolinggo/wilayah_3513.csv"]
p["output"]["folder"] = f"{work}/out"
p["program"]["kunjungan"] = os.path.join(os.path.dirname(os.path.abspath(sys.argv[1])), p["program"]["kunjungan"])
for table in p.get("profil", []):
    table["path"] = os.path.join(os.path.dirname(os.path.abspath(sys.argv[1])), table["path"])
json.dump(p, open(f"{work}/project.json", "w"))
PY
bash "$root/scripts/compare-outputs.sh" "$peta" "$peta" "$work/project.json"
# The same with the boundary cache off on one side and on the other, first written then read: no byte differs.
OLD_ARGS=--tanpa-cache NEW_ARGS="--cache $work/cache" bash "$root/scripts/compare-outputs.sh" "$peta" "$peta" "$work/project.json"
ls "$work"/cache/batas-*.petacache >/dev/null
OLD_ARGS=--tanpa-cache NEW_ARGS="--cache $work/cache" bash "$root/scripts/compare-outputs.sh" "$peta" "$peta" "$work/project.json"
