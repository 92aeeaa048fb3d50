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
#   postgis    PostgreSQL 15 + PostGIS 3 in a throwaway cluster on a free local port (scripts/pg-test-cluster.sh,
#              started before and stopped after the timing): ogr2ogr loads the desa (GiST index), psql COPYs the
#              CSV, makes the points and their GiST index, counts per desa with a ST_Contains join (the index
#              used), the kecamatan by SUM + ST_Union (or joined to the --kecamatan layer), and ogr2ogr writes
#              both layers to a GeoPackage. The server's own CPU is in its wall time, not in `time`'s CPU column:
#              it is printed apart (user + sys of the postmaster and every server process, from /proc).
#
#   --peers "geopandas sqlite csv2gpkg postgis" (the default) picks which peers run.
# In both joining peers a point inside two overlapping desa counts in both (no tie-break rule).
#
# Prints a table of wall time, CPU time (user+sys) and peak RSS per peer (GNU time -v), and writes
# DIR/counts_per_desa.csv (kode,geopandas,sqlite) so the counts can be compared with peta's.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

findings="" desa="" desa_layer="" kecamatan="" out="" peers="geopandas sqlite csv2gpkg postgis"
while (($#)); do
  case "$1" in
    --findings) findings="$2"; shift 2 ;;
    --desa) desa="$2"; shift 2 ;;
    --desa-layer) desa_layer="$2"; shift 2 ;;
    --kecamatan) kecamatan="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --peers) peers="$2"; shift 2 ;;
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

wants() { [[ " $peers " == *" $1 "* ]]; }

# (a) GeoPandas
gp_args=(--findings "$findings" --desa "$desa" --out "$out/geopandas.gpkg" --counts "$out/geopandas_counts.csv")
[[ -n "$desa_layer" ]] && gp_args+=(--desa-layer "$desa_layer")
[[ -n "$kecamatan" ]] && gp_args+=(--kecamatan "$kecamatan")
if wants geopandas; then timed geopandas /usr/bin/python3 "$here/peers/geopandas_join.py" "${gp_args[@]}"; fi

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
if wants sqlite; then timed sqlite bash -c "set -euo pipefail; $(declare -p csv_open); $(declare -f sqlite_job); sqlite_job"; fi

# (c) the CSV written as a GeoPackage point layer
if wants csv2gpkg; then timed csv2gpkg ogr2ogr -f GPKG "$out/csv2gpkg.gpkg" "$findings" -nln findings -nlt POINT "${csv_open[@]}"; fi

# (d) PostGIS in a throwaway cluster (started and stopped outside the timing)
if wants postgis; then
  pg_state="$out/pg.state"
  conn=$("$here/pg-test-cluster.sh" start "$pg_state")
  trap '"$here/pg-test-cluster.sh" stop "$pg_state" >/dev/null 2>&1 || true' EXIT
  pg_dir=$(sed -n 's/^dir=//p' "$pg_state")
  pg_port=$(sed -n 's/^conn=.*port=\([0-9]*\).*/\1/p' "$pg_state")
  header=$(head -1 "$findings")
  # Every CSV column as text except lon and lat (the sample's columns; a quoted header is not expected here).
  columns=$(echo "$header" | tr -d '\r' | awk -F, '{ for (i = 1; i <= NF; i++) printf "%s\"%s\" %s", (i > 1 ? ", " : ""), $i, ($i == "lon" || $i == "lat") ? "float8" : "text" }')
  if [[ -n "$kecamatan" ]]; then
    pg_kec="CREATE TABLE kecamatan AS SELECT k.kode, k.nama, COALESCE(SUM(d.jumlah), 0) AS jumlah, k.geom
      FROM kecamatan_src k LEFT JOIN desa d ON d.kode_kec = k.kode GROUP BY k.kode, k.nama, k.geom ORDER BY k.kode;"
  else
    pg_kec="CREATE TABLE kecamatan AS SELECT kode_kec AS kode, nama_kec AS nama, SUM(jumlah) AS jumlah,
      ST_Multi(ST_Union(geom)) AS geom FROM desa GROUP BY kode_kec, nama_kec ORDER BY kode_kec;"
  fi
  pg_sql="CREATE TABLE findings ($columns);
\\copy findings FROM '$findings' WITH (FORMAT csv, HEADER true)
ALTER TABLE findings ADD COLUMN geom geometry(Point, 4326);
UPDATE findings SET geom = ST_SetSRID(ST_MakePoint(lon, lat), 4326);
CREATE INDEX findings_geom ON findings USING gist (geom);
ANALYZE findings;
CREATE TABLE desa AS SELECT d.kode, d.nama, d.kode_kec, d.nama_kec, COUNT(f.geom) AS jumlah, d.geom
  FROM desa_src d LEFT JOIN findings f ON ST_Contains(d.geom, f.geom)
  GROUP BY d.kode, d.nama, d.kode_kec, d.nama_kec, d.geom ORDER BY d.kode;
$pg_kec"
  export conn pg_dir pg_port pg_sql desa desa_layer kecamatan out
  postgis_job() {
    ogr2ogr -f PostgreSQL "$conn" "$desa" ${desa_layer:+"$desa_layer"} -nln desa_src -nlt PROMOTE_TO_MULTI \
      -t_srs EPSG:4326 -lco GEOMETRY_NAME=geom -lco FID=fid
    if [[ -n "$kecamatan" ]]; then
      ogr2ogr -f PostgreSQL "$conn" "$kecamatan" -nln kecamatan_src -nlt PROMOTE_TO_MULTI -t_srs EPSG:4326 \
        -lco GEOMETRY_NAME=geom -lco FID=fid
    fi
    printf '%s\n' "$pg_sql" | psql -q -v ON_ERROR_STOP=1 -h "$pg_dir" -p "$pg_port" -U peta -d peta
    ogr2ogr -f GPKG "$out/postgis.gpkg" "$conn" -sql "SELECT * FROM desa" -nln desa
    ogr2ogr -update "$out/postgis.gpkg" "$conn" -sql "SELECT * FROM kecamatan" -nln kecamatan
    ogr2ogr -f CSV "$out/postgis_counts.csv" "$conn" -sql "SELECT kode, jumlah FROM desa ORDER BY kode"
  }
  # The server's CPU (the client's `time` sees only psql and ogr2ogr): the postmaster's own and its reaped
  # children's (backends, parallel workers), plus the background processes still running, from /proc.
  server_cpu_s() {
    local pm
    pm=$(head -1 "$pg_dir/data/postmaster.pid")
    { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pm/stat"
      for c in $(pgrep -P "$pm"); do awk '{ print $14 + $15 }' "/proc/$c/stat" 2>/dev/null || true; done
    } | awk -v tck="$(getconf CLK_TCK)" '{ s += $1 } END { printf "%.2f", s / tck }'
  }
  cpu_before=$(server_cpu_s)
  timed postgis bash -c "set -euo pipefail; $(declare -f postgis_job); postgis_job"
  cpu_after=$(server_cpu_s)
  awk -v a="$cpu_before" -v b="$cpu_after" 'BEGIN { printf "%.2f\n", b - a }' >"$out/postgis_server_cpu.txt"
  "$here/pg-test-cluster.sh" stop "$pg_state" >/dev/null
  trap - EXIT
fi

points=$(($(wc -l <"$findings") - 1))
echo "peers on $points findings ($(basename "$findings")) over $(basename "$desa"); outputs in $out"
printf '%-10s %9s %9s %10s %12s\n' peer wall_s cpu_s peak_MB points/s
while read -r name wall cpu rss; do
  printf '%-10s %9.2f %9.2f %10.1f %12.0f\n' "$name" "$wall" "$cpu" "$rss" "$(awk -v n="$points" -v w="$wall" 'BEGIN { print (w > 0 ? n / w : 0) }')"
done <"$out/timings.txt"
[[ -f "$out/postgis_server_cpu.txt" ]] && wants postgis &&
  echo "postgis server CPU (user + sys of the postmaster and its processes): $(cat "$out/postgis_server_cpu.txt") s"

# Counts per desa of every joining peer that ran, and whether they agree (each CSV is sorted by kode).
for p in geopandas sqlite postgis; do
  [[ -f "$out/${p}_counts.csv" ]] && wants "$p" || continue
  tail -n +2 "$out/${p}_counts.csv" | tr -d '"' | sort >"$out/${p}_counts.sorted"
  awk -F, -v p="$p" '{ n++; s += $2 } END { printf "counts per desa: %s %d desa, %d hits\n", p, n, s }' "$out/${p}_counts.sorted"
done
ran=()
for p in geopandas sqlite postgis; do wants "$p" && [[ -f "$out/${p}_counts.sorted" ]] && ran+=("$p"); done
for ((i = 1; i < ${#ran[@]}; i++)); do
  if cmp -s "$out/${ran[0]}_counts.sorted" "$out/${ran[i]}_counts.sorted"; then echo "counts per desa: ${ran[0]} and ${ran[i]} agree on every desa"
  else echo "counts per desa: ${ran[0]} and ${ran[i]} DIFFER"; fi
done
