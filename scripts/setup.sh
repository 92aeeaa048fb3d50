#!/usr/bin/env bash
# Installs, with apt-get, whatever peta needs that is missing on a Debian 12 machine.
# Idempotent and quiet when everything is already there.
#   scripts/setup.sh          build + test dependencies
#   scripts/setup.sh --peers  also what the benchmarks need (GNU time; wrk for peta serve)
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config
  # scripts/compare-outputs.sh compares GeoPackages through a SQL dump
  sqlite3
  libsqlite3-dev  # engine/store: the GeoPackage store writes through GDAL's SQLite connection
  libgdal-dev gdal-bin libgeos-dev libproj-dev proj-bin
  libboost-dev nlohmann-json3-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  # hotspot tests compare with PySAL: tests/reference/*.py run with Debian's Python
  python3-geopandas python3-libpysal python3-numpy python3-scipy python3-rtree
  # DBSCAN cross-check with scikit-learn (tests/reference/dbscan_reference.py)
  python3-sklearn
  # tests/qgis/check_layers.py opens every output layer with QGIS itself (PyQGIS, headless; ~3 min to install)
  python3-qgis qgis-providers
  # peta serve: cpp-httplib (found with pkg-config); Debian's Chromium for the web map's browser test
  # (Node.js and npm come with the machine)
  libcpp-httplib-dev chromium
  # the findings store: SHA-256 of imported files (libcrypto); PostgreSQL + PostGIS for the PostGIS store and
  # its tests (scripts/pg-test-cluster.sh starts a throwaway cluster); libpq for benchmarks/store_bench (COPY)
  libssl-dev libpq-dev postgresql-15 postgresql-15-postgis-3
  # the boundary cache's checksums and source fingerprint: xxHash's XXH3, used header-only (XXH_INLINE_ALL)
  libxxhash-dev
  # peta serve gzips the map layers once at start (zlib)
  zlib1g-dev
  # maps and reports (engine/render, engine/report): cairo + pango with real fonts; poppler-utils checks the PDFs
  libcairo2-dev libpango1.0-dev fonts-dejavu-core poppler-utils
  # the Debian package (cpack -G DEB, tests/packaging): `file` finds the binaries dpkg-shlibdeps reads
  file
  # the sanitizer build and the libFuzzer targets (scripts/test.sh step 2, scripts/fuzz.sh): clang 14 and its runtimes
  clang libclang-rt-14-dev
)
if [[ " $* " == *" --peers "* ]]; then
  packages+=(time wrk)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The web page's npm packages (Leaflet, compiled into peta; playwright-core for the browser test), when the
# lock file changed or they were never installed.
web="$(cd "$(dirname "$0")/.." && pwd)/web"
if [[ ! -f "$web/node_modules/.package-lock.json" || "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]]; then
  echo "setup: npm ci in web/"
  (cd "$web" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
