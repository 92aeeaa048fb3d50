#!/usr/bin/env bash
# Times peta's peers on one findings CSV, doing peta's core job:
#   CSV -> point in polygon -> counts per desa and per kecamatan -> desa and kecamatan layers (GeoPackage).
#
#   scripts/bench_peers.sh --findings findings.csv --desa desa.geojson [--desa-layer NAME]
#                          [--kecamatan kecamatan.geojson] [--out DIR]
#
# Peers:
#   geopandas  Debian's /usr/bin/python3 + python3-geopandas: read_csv, points_from_xy, sjoin(within),
#              groupby, dissolve (or the --kecamatan layer), to_file GPKG (scripts/peers/geopandas_join.py).
#   sqlite     GDAL's SQLite dialect (native SQL on a GeoPackage, SpatiaLite functions on GPKG blobs):
#              ogr2ogr copies the desa (and kecamatan) layer and the CSV points into one work GeoPackage
#              (ogr2ogr builds each layer's R-tree), then per desa an ST_Contains count whose candidate
#              points come from the points' R-tree (rtree_findings_geom) by the desa's bounding box, i.e.
#              the spatial index IS used; kecamatan by SUM + ST_Union (or joined to the --kecamatan layer).
#   csv2gpkg   ogr2ogr converting the CSV to a GeoPackage point layer: the cost of just writing the points.
# In both joining peers a point inside two overlapping desa counts in both (no tie-break rule).
#
# Prints a table of wall time, CPU time (user+sys) and peak RSS per peer (GNU time -v), and writes
# DIR/counts_per_desa.csv (kode,geopandas,sqlite) so the counts can be compared with peta's.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

findings="" desa="" desa_layer="" kecamatan="" out=""
while (($#)); do
  case "$1" in
    --findings) findings="$2"; shift 2 ;;
    --desa) desa="$2"; shift 2 ;;
    --desa-layer) desa_layer="$2"; shift 2 ;;
    --kecamatan) kecamatan="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "bench_peers: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[[ -n "$findings" && -n "$desa" ]] || { echo "bench_peers: --findings and --desa are required" >&2; exit 2; }
[[ -f "$findings" ]] || { echo "bench_peers: findings CSV '$findings' not found" >&2; exit 2; }
out="${out:-$(mktemp -d /tmp/peta-bench-peers.XXXXXX)}"
mkdir -p "$out"
findings="$(realpath "$findings")"
[[ -e "$desa" ]] && desa="$(realpath "$desa")"
[[ -n "$kecamatan" && -e "$kecamatan" ]] && kecamatan="$(realpath "$kecamatan")"

for tool in /usr/bin/time /usr/bin/python3 ogr2ogr ogrinfo; do
  command -v "$tool" >/dev/null || { echo "bench_peers: '$tool' missing: run scripts/setup.sh --peers" >&2; exit 2; }
done

# Runs "$@" under GNU time; appends "name wall cpu rss" to $out/timings.txt.
timed() {
  local name="$1"; shift
  local log="$out/$name.time"
  if ! /usr/bin/time -v -o "$log" "$@" >"$out/$name.log" 2>&1; then
    echo "bench_peers: peer '$name' failed, see $out/$name.log" >&2
    cat "$out/$name.log" >&2
    exit 1
  fi
  awk -v name="$name" -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = (n == 3) ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2] }
    /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident/ { rss = $2 }
    END { printf "%s %.2f %.2f %.1f\n", name, wall, user + sys, rss / 1024 }' "$log" >>"$out/timings.txt"
}

: >"$out/timings.txt"
rm -f "$out"/geopandas.gpkg "$out"/sqlite.gpkg "$out"/csv2gpkg.gpkg

# (a) GeoPandas
gp_args=(--findings "$findings" --desa "$desa" --out "$out/geopandas.gpkg" --counts "$out/geopandas_counts.csv")
[[ -n "$desa_layer" ]] && gp_args+=(--desa-layer "$desa_layer")
[[ -n "$kecamatan" ]] && gp_args+=(--kecamatan "$kecamatan")
timed geopandas /usr/bin/python3 "$here/peers/geopandas_join.py" "${gp_args[@]}"

# (b) GDAL SQLite dialect: one shell runs every step, so time -v reports the sum of the steps' wall time and
# the largest step's peak RSS.
rtree_count='(SELECT COUNT(*) FROM rtree_findings_geom r JOIN findings f ON f.fid = r.id
   WHERE r.minx <= ST_MaxX(d.geom) AND r.maxx >= ST_MinX(d.geom)
     AND r.miny <= ST_MaxY(d.geom) AND r.maxy >= ST_MinY(d.geom) AND ST_Contains(d.geom, f.geom))'
desa_sql="SELECT d.kode AS kode, d.nama AS nama, d.kode_kec AS kode_kec, d.nama_kec AS nama_kec,
  $rtree_count AS jumlah, d.geom AS geom FROM desa_src d ORDER BY d.kode"
if [[ -n "$kecamatan" ]]; then
  kec_sql="SELECT k.kode AS kode, k.nama AS nama,
    COALESCE((SELECT SUM(d.jumlah) FROM desa d WHERE d.kode_kec = k.kode), 0) AS jumlah, k.geom AS geom
    FROM kecamatan_src k ORDER BY k.kode"
else
  kec_sql="SELECT kode_kec AS kode, nama_kec AS nama, SUM(jumlah) AS jumlah, ST_Union(geom) AS geom
    FROM desa GROUP BY kode_kec, nama_kec ORDER BY kode_kec"
fi
gpkg="$out/sqlite.gpkg"
csv_open=(-oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat -oo KEEP_GEOM_COLUMNS=NO -a_srs EPSG:4326)
sqlite_job() {
  ogr2ogr -f GPKG "$gpkg" "$desa" ${desa_layer:+"$desa_layer"} -nln desa_src -nlt PROMOTE_TO_MULTI -t_srs EPSG:4326
  if [[ -n "$kecamatan" ]]; then
    ogr2ogr -update "$gpkg" "$kecamatan" -nln kecamatan_src -nlt PROMOTE_TO_MULTI -t_srs EPSG:4326
  fi
  ogr2ogr -update "$gpkg" "$findings" -nln findings -nlt POINT "${csv_open[@]}"
  ogr2ogr -update "$gpkg" "$gpkg" -dialect sqlite -nln desa -nlt MULTIPOLYGON -sql "$desa_sql"
  ogr2ogr -update "$gpkg" "$gpkg" -dialect sqlite -nln kecamatan -nlt MULTIPOLYGON -sql "$kec_sql"
  ogr2ogr -f CSV "$out/sqlite_counts.csv" "$gpkg" -dialect sqlite -sql "SELECT kode, jumlah FROM desa ORDER BY kode"
}
export gpkg desa desa_layer kecamatan findings out desa_sql kec_sql
timed sqlite bash -c "set -euo pipefail; $(declare -p csv_open); $(declare -f sqlite_job); sqlite_job"

# (c) the CSV written as a GeoPackage point layer
timed csv2gpkg ogr2ogr -f GPKG "$out/csv2gpkg.gpkg" "$findings" -nln findings -nlt POINT "${csv_open[@]}"

points=$(($(wc -l <"$findings") - 1))
echo "peers on $points findings ($(basename "$findings")) over $(basename "$desa"); outputs in $out"
printf '%-10s %9s %9s %10s %12s\n' peer wall_s cpu_s peak_MB points/s
while read -r name wall cpu rss; do
  printf '%-10s %9.2f %9.2f %10.1f %12.0f\n' "$name" "$wall" "$cpu" "$rss" "$(awk -v n="$points" -v w="$wall" 'BEGIN { print (w > 0 ? n / w : 0) }')"
done <"$out/timings.txt"

# Counts per desa side by side (both CSVs are sorted by kode and list every desa).
join -t, -j1 <(tail -n +2 "$out/geopandas_counts.csv" | tr -d '"' | sort) \
             <(tail -n +2 "$out/sqlite_counts.csv" | tr -d '"' | sort) |
  { echo "kode,geopandas,sqlite"; cat; } >"$out/counts_per_desa.csv"
awk -F, 'NR > 1 { n++; gp += $2; sq += $3; if ($2 != $3) diff++ }
  END { printf "counts per desa: %d desa, geopandas %d hits, sqlite %d hits, %d desa differ -> %s\n", n, gp, sq, diff, FILENAME }' \
  "$out/counts_per_desa.csv"
