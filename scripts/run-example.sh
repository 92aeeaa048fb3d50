#!/usr/bin/env bash
# README command 1: builds peta and runs the main job on the default example (no server needed):
# 5,000 synthetic findings over the real Probolinggo desa -> layers in out/probolinggo/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)" --target peta
./build/tools/peta sample --boundaries ../shared/data/probolinggo/desa.geojson --count 5000 --seed 2026 \
  --out examples/probolinggo/temuan_contoh.csv \
  --profil examples/probolinggo/profil_desa.csv --bumdes examples/probolinggo/bumdes.csv \
  --ruas examples/probolinggo/ruas_contoh.csv --ruas-count 40
./build/tools/peta build examples/probolinggo/project.json
echo "QGIS: open out/probolinggo/peta.qgs (every layer, styled); quick look: out/probolinggo/peta_desa.png"

# The year, with the findings store (README "Store"): two cumulative monthly exports of the same form imported
# (the second holds the first: only its new rows are added), the road stretches (line findings) imported, Dinas PUPR's status file applied, the layers built
# from the store as of the year's end. A fresh store each run, so the example repeats.
E=out/ekspor
mkdir -p "$E" out/store
rm -f out/store/temuan.gpkg
head -n 3001 examples/probolinggo/temuan_contoh.csv > "$E/ekspor_2026_06.csv"
cp examples/probolinggo/temuan_contoh.csv "$E/ekspor_2026_12.csv"
S=examples/probolinggo/project_store.json
./build/tools/peta import $S "$E/ekspor_2026_06.csv" --sumber temuan_contoh --tanggal 2026-06-30
./build/tools/peta import $S "$E/ekspor_2026_12.csv" --sumber temuan_contoh --tanggal 2026-12-31
# The damaged road stretches (a line source, its own form "ruas"): stored whole in the store's ruas layer.
./build/tools/peta import $S examples/probolinggo/ruas_contoh.csv --tanggal 2026-06-30
# The department's reply: its first 300 road findings of June verified, 200 of them repaired (rows the import
# rejected, listed in its rejects file, are not in the store and are skipped).
awk -F, 'NR == FNR { if (FNR > 1) rejected[$2] = 1; next }
  FNR == 1 { print "id,status,tanggal,catatan,oleh"; next }
  !(FNR in rejected) && $4 == "jalan_rusak" && n < 300 {
    n++; print $1 ",diverifikasi,2026-07-15,dicek lapangan,Dinas PUPR"
    if (n <= 200) print $1 ",selesai,2026-09-30,diperbaiki,Dinas PUPR" }' \
  out/probolinggo_store/ditolak_impor_ekspor_2026_06.csv "$E/ekspor_2026_06.csv" > "$E/status_pupr.csv"
./build/tools/peta status $S --berkas "$E/status_pupr.csv"
./build/tools/peta build $S --per-tanggal 2026-12-31
echo "QGIS (the year from the store): out/probolinggo_store/peta.qgs"
