#!/usr/bin/env bash
# Runs one libFuzzer target for SECONDS: new inputs go to WORK_DIR, the seeds are read from SEED_DIR (never
# written), a crash is saved as ARTIFACT_DIR/crash-<sha1> (or leak-, timeout-, oom-) and fails the run.
#   run_fuzzer.sh BINARY SEED_DIR WORK_DIR SECONDS ARTIFACT_DIR
set -euo pipefail
binary=$1 seeds=$2 work=$3 seconds=$4 artifacts=$5
mkdir -p "$work" "$artifacts"
exec "$binary" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=4096 \
  -artifact_prefix="$artifacts/" -print_final_stats=1 "$work" "$seeds"
