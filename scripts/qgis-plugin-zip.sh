#!/usr/bin/env bash
# Makes the installable QGIS plugin zip of the peta Processing provider (qgis/peta_processing/):
#   scripts/qgis-plugin-zip.sh [OUT.zip]        default: build/peta_processing-<version>.zip
# In QGIS: Plugins > Manage and Install Plugins > Install from ZIP. The plugin runs the installed `peta`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version=$(sed -n 's/^version=//p' "$root/qgis/peta_processing/metadata.txt")
out=${1:-$root/build/peta_processing-$version.zip}
mkdir -p "$(dirname "$out")"
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
rm -f "$out"
# The zip holds one folder named as the plugin, its Python files and metadata (no caches).
(cd "$root/qgis" && /usr/bin/python3 - "$out" <<'PY'
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for name in sorted(os.listdir("peta_processing")):
        if name.endswith((".py", ".txt")):
            z.write(os.path.join("peta_processing", name))
PY
)
echo "$out"
