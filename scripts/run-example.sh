#!/usr/bin/env bash
# README command 1: builds peta and runs the main job on the default example (no server needed):
# 5,000 synthetic findings over the real Probolinggo desa -> layers in out/probolinggo/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)" --target peta
./build/tools/peta sample --boundaries ../shared/data/probolinggo/desa.geojson --count 5000 --seed 2026 \
  --out examples/probolinggo/temuan_contoh.csv
./build/tools/peta build examples/probolinggo/project.json
echo "QGIS: open out/probolinggo/peta.qgs (every layer, styled); quick look: out/probolinggo/peta_desa.png"
