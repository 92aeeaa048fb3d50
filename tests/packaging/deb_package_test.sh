#!/usr/bin/env bash
# The Debian package: `cpack -G DEB` of the already built tree (nothing is compiled), then its control file
# (name, version, architecture, the Debian 12 runtime libraries it depends on), its contents (the CLI, the public
# headers and nothing internal, the CMake package, peta.pc, libpeta.a), and the package extracted into a
# temporary root (`dpkg-deb -x`, as dpkg would place it) with its `peta` run from there.
#   deb_package_test.sh BUILD_DIR SHARED_DATA VERSION
set -euo pipefail
build=$1 data=$2 version=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work" >"$work/cpack.log" 2>&1) ||
  { cat "$work/cpack.log"; fail "cpack"; }
deb=$work/peta_${version}_amd64.deb
[[ -f $deb ]] || { ls "$work"; fail "no peta_${version}_amd64.deb"; }

# The control file.
dpkg-deb -I "$deb" >"$work/control.txt"
for line in "Package: peta" "Version: $version" "Architecture: amd64" "Section: science"; do
  grep -qx " $line" "$work/control.txt" || { cat "$work/control.txt"; fail "control file lacks '$line'"; }
done
depends=$(sed -n 's/^ Depends: //p' "$work/control.txt")
for package in libgdal32 libgeos-c1v5 libproj25 libcairo2 libpango-1.0-0 libpangocairo-1.0-0 libcpp-httplib0.11 \
               libssl3 zlib1g libstdc++6; do
  [[ ", $depends," == *", $package "* ]] || fail "Depends lacks $package: $depends"
done

# The contents: what an install has, and no internal header.
dpkg-deb -c "$deb" | awk '{print $6}' >"$work/contents.txt"
for f in ./usr/bin/peta ./usr/lib/libpeta.a ./usr/include/peta/peta.hpp ./usr/include/peta/project.hpp \
         ./usr/include/peta/version.hpp ./usr/lib/cmake/peta/petaConfig.cmake ./usr/lib/cmake/peta/petaConfigVersion.cmake \
         ./usr/lib/cmake/peta/petaTargets.cmake ./usr/lib/pkgconfig/peta.pc; do
  grep -qx "$f" "$work/contents.txt" || fail "the package lacks $f"
done
if grep '^./usr/include/' "$work/contents.txt" | grep -v -E '^./usr/include/(peta/)?$|^./usr/include/peta/[a-z_]+\.hpp$'; then
  fail "the package installs headers beyond include/peta"
fi

# Extracted into a clean root, the CLI runs from there (libpeta is static: no LD_LIBRARY_PATH), with its
# embedded data (schema profiles), and peta.pc points into that root.
dpkg-deb -x "$deb" "$work/root"
[[ $("$work/root/usr/bin/peta" --version) == "peta $version" ]] || fail "peta --version: $("$work/root/usr/bin/peta" --version)"
(cd "$work" && "$work/root/usr/bin/peta" boundaries check --desa "$data/probolinggo/desa.geojson" >"$work/check.txt")
grep -q "325 desa, 5 kelurahan, 24 kecamatan" "$work/check.txt" || { cat "$work/check.txt"; fail "peta boundaries check from the package"; }
includedir=$(PKG_CONFIG_PATH=$work/root/usr/lib/pkgconfig pkg-config --variable=includedir peta)
[[ -f $includedir/peta/peta.hpp ]] || fail "peta.pc includedir $includedir"
echo "ok: $(basename "$deb"), Depends: $depends"
