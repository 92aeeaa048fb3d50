#!/usr/bin/env bash
# peta as a library, from an install: `cmake --install` of the already built tree into a temporary prefix, then
#   1. examples/library (find_package(peta)) configured and built against that prefix, and run on the example
#      project over the real boundaries: the progress, the run's counts and the top 5 desa, exactly;
#   2. a one-file program (boundaries_check.cpp) compiled with `pkg-config --cflags --libs peta` and run: the
#      boundary quality figures of the real data, exactly.
# Nothing of the engine is compiled here: the install takes the built libpeta.a and peta.
#   install_consumer_test.sh BUILD_DIR SHARED_DATA
set -euo pipefail
build=$1 data=$2
root="$(cd "$(dirname "$0")/../.." && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

cmake --install "$build" --prefix "$prefix" >/dev/null
for f in bin/peta lib/libpeta.a include/peta/peta.hpp include/peta/version.hpp lib/cmake/peta/petaConfig.cmake \
         lib/cmake/peta/petaConfigVersion.cmake lib/cmake/peta/petaTargets.cmake lib/pkgconfig/peta.pc; do
  [[ -f $prefix/$f ]] || { echo "FAIL: $f not installed"; exit 1; }
done
# Only the public headers are installed, and they include nothing but the standard library and each other.
if ls "$prefix/include" | grep -v '^peta$'; then echo "FAIL: more than include/peta installed"; exit 1; fi
if grep -h '#include' "$prefix"/include/peta/*.hpp | grep -v -E '#include (<[a-z_]+>|"peta/[a-z_]+\.hpp")'; then
  echo "FAIL: a public header includes something beyond the standard library"; exit 1
fi

# The example project over the real boundaries, with its 5,000 synthetic findings (as scripts/run-example.sh).
"$prefix/bin/peta" sample --boundaries "$data/probolinggo/desa.geojson" --count 5000 --seed 2026 \
  --out "$work/temuan_contoh.csv" >/dev/null
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

# 1. find_package(peta)
cmake -S "$root/examples/library" -B "$work/consumer" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$prefix" >"$work/consumer.log" 2>&1 || { cat "$work/consumer.log"; exit 1; }
cmake --build "$work/consumer" >>"$work/consumer.log" 2>&1 || { cat "$work/consumer.log"; exit 1; }
"$work/consumer/peta_top" "$work/project.json" 5 >"$work/top.txt"
cat >"$work/top.expected" <<EXPECTED
peta $PETA_VERSION (headers $PETA_VERSION): Ngantor di Kecamatan: contoh Kabupaten Probolinggo
progress 0%
progress 10%
progress 20%
progress 30%
progress 40%
progress 50%
progress 60%
progress 70%
progress 80%
progress 90%
progress 100%
rows 5000: by coordinates 4944, by name or code 0, rejected 56 (balanced)
peta.gpkg written
ringkasan.json written
5 desa teratas menurut jumlah: semua kategori
1. 35.13.07.2007 Segaran (Kec. Tiris): 226
2. 35.13.18.2005 Bulang (Kec. Gending): 198
3. 35.13.17.2017 Ganting Kulon (Kec. Maron): 172
4. 35.13.08.2007 Guyangan (Kec. Krucil): 166
5. 35.13.08.2004 Tambelang (Kec. Krucil): 151
EXPECTED
diff -u "$work/top.expected" "$work/top.txt" || { echo "FAIL: examples/library printed something else"; exit 1; }
# The build wrote the layers it reported.
[[ -s $work/out/peta.gpkg && -s $work/out/ringkasan.json ]] || { echo "FAIL: no peta.gpkg / ringkasan.json"; exit 1; }

# 2. pkg-config
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
[[ $(pkg-config --modversion peta) == "$PETA_VERSION" ]] || { echo "FAIL: pkg-config --modversion peta"; exit 1; }
# shellcheck disable=SC2046
c++ -std=c++17 -O1 "$root/tests/packaging/boundaries_check.cpp" $(pkg-config --cflags --libs peta) -o "$work/boundaries_check"
"$work/boundaries_check" "$data/probolinggo/desa.geojson" "$data/probolinggo/kecamatan.geojson" >"$work/check.txt"
cat >"$work/check.expected" <<EXPECTED
peta $PETA_VERSION
desa 325 kelurahan 5 kecamatan 24
overlap pairs 628 (0.528 km2), gaps 1278 (0.482 km2), invalid 0
area 1725.95 km2 planar, 1724.52 km2 geodesic
EXPECTED
diff -u "$work/check.expected" "$work/check.txt" || { echo "FAIL: the pkg-config program printed something else"; exit 1; }
echo "ok: installed into a temporary prefix; find_package(peta) and pkg-config consumers built and ran"
