#!/usr/bin/env bash
# Simulates a province-count of desa for the "Beyond one machine" measurements (BENCHMARKS.md): writes the
# East Java desa layer N times into one GeoPackage, each copy shifted on a grid of 7° x 4° steps (so copies
# never overlap: East Java spans 5.4° x 3.7°) and given its own province code (copy k: 40 + k in place of 35),
# so every desa, kecamatan and kabupaten code stays unique. Uses GDAL's SQLite dialect (SpatiaLite's
# ST_Translate). The result is for benchmarks only, in /tmp by default; never commit it.
#   scripts/tile_boundaries.sh [COPIES=10] [OUT=/tmp/peta-tiled/desa_x10.gpkg] [SOURCE=../shared/data/jatim/desa.gpkg]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
copies=${1:-10}
out=${2:-/tmp/peta-tiled/desa_x${copies}.gpkg}
source=${3:-$root/../shared/data/jatim/desa.gpkg}
((copies >= 1 && copies <= 50)) || { echo "tile_boundaries: COPIES must be 1..50" >&2; exit 2; }
mkdir -p "$(dirname "$out")"
tmp="$out.tmp.gpkg"
rm -f "$tmp"
for ((k = 0; k < copies; k++)); do
  dx=$(( (k % 5 - 2) * 7 ))   # columns: -14 -7 0 +7 +14 degrees of longitude
  dy=$(( (k / 5) * 4 ))       # rows: 0, +4, +8 ... degrees of latitude
  prov=$((k == 0 ? 35 : 39 + k))
  sql="SELECT ST_Translate(geom, $dx, $dy, 0) AS geom,
         '$prov' || substr(kode, 3) AS kode, nama,
         '$prov' || substr(kode_kec, 3) AS kode_kec, nama_kec,
         '$prov' || substr(kode_kab, 3) AS kode_kab, nama_kab, jenis
       FROM desa"
  if ((k == 0)); then
    ogr2ogr -f GPKG "$tmp" "$source" -dialect SQLite -sql "$sql" -nln desa -nlt MULTIPOLYGON -a_srs EPSG:4326
  else
    ogr2ogr -append "$tmp" "$source" -dialect SQLite -sql "$sql" -nln desa -nlt MULTIPOLYGON
  fi
done
mv "$tmp" "$out"
echo "tile_boundaries: $(ogrinfo -so "$out" desa | sed -n 's/^Feature Count: //p') desa in $out"
