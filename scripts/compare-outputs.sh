#!/usr/bin/env bash
# Runs one project with two peta binaries and compares every output file, to show that a change of the code
# leaves the outputs byte-identical (issue 12's check). What legitimately differs from run to run is left out:
# the stage times in ringkasan.json, and the GeoPackage's modification times (gpkg_contents.last_change,
# layer_styles.update_time, compared through a SQL dump with those columns blanked).
#   scripts/compare-outputs.sh OLD_PETA NEW_PETA [PROJECT.json]     (default: the example, 5,000 findings)
#   OLD_ARGS / NEW_ARGS: more `peta build` options for each side, e.g. OLD_ARGS=--tanpa-cache NEW_ARGS="--cache DIR"
set -euo pipefail
old=$1 new=$2
root="$(cd "$(dirname "$0")/.." && pwd)"
project=${3:-$root/examples/probolinggo/project.json}
[[ -f "$project" ]] || { echo "compare-outputs: $project is missing (scripts/run-example.sh makes the example)"; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
py=/usr/bin/python3
for side in old new; do
  # The same project, its paths made absolute, writing into its own folder.
  "$py" - "$project" "$work/$side" > "$work/$side.json" <<'PY'
import json, os, sys
path, out = sys.argv[1], sys.argv[2]
base = os.path.dirname(os.path.abspath(path))
p = json.load(open(path))
def fix(o):
    if isinstance(o, dict):
        return {k: (os.path.normpath(os.path.join(base, v)) if k in ("path", "kunjungan") and not v.startswith("PG:") else fix(v)) for k, v in o.items()}
    if isinstance(o, list):
        return [os.path.normpath(os.path.join(base, x)) if isinstance(x, str) and x.endswith((".csv", ".gpkg")) else fix(x) for x in o]
    return o
p = fix(p)
p["output"]["folder"] = out
print(json.dumps(p))
PY
done
# shellcheck disable=SC2086  # the extra options are words
"$old" build -q ${OLD_ARGS:-} "$work/old.json"
# shellcheck disable=SC2086
"$new" build -q ${NEW_ARGS:-} "$work/new.json"
normalise() {  # FILE -> comparable text or bytes on stdout
  case "$1" in
    *.gpkg) sqlite3 "$1" .dump | sed -E "s/'[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z'/'TIME'/g" ;;
    */ringkasan.json) "$py" -c 'import json,sys; d=json.load(open(sys.argv[1])); d.pop("stages",None); d.pop("tahap",None); print(json.dumps(d,sort_keys=True,indent=1).replace(sys.argv[2],"OUT"))' "$1" "$(dirname "$1")" ;;
    *) sed "s|$(dirname "$1")|OUT|g" "$1" ;;
  esac
}
status=0 count=0
while IFS= read -r -d '' f; do
  rel=${f#"$work/old/"}
  count=$((count + 1))
  if [[ ! -e "$work/new/$rel" ]]; then echo "only in old: $rel"; status=1; continue; fi
  if ! cmp -s <(normalise "$f") <(normalise "$work/new/$rel"); then echo "differs: $rel"; status=1; fi
done < <(find -H "$work/old" -type f -print0 | sort -z)
while IFS= read -r -d '' f; do
  rel=${f#"$work/new/"}
  [[ -e "$work/old/$rel" ]] || { echo "only in new: $rel"; status=1; }
done < <(find -H "$work/new" -type f -print0 | sort -z)
if ((count == 0)); then echo "compare-outputs: no output file found in $work/old"; status=1; fi
if ((status == 0)); then echo "compare-outputs: all $count files identical"; fi
exit $status
