#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The main job on built-in demo data. Until the training engine lands this makes the demo
# dataset, indexes it and prints the report; training, sampling and export join later.
set -euo pipefail
CLI=${1:-build/app/vdstudio-cli}
OUT=${VD_DEMO_OUT:-demo-output}
DATA="$OUT/data/shapes"

mkdir -p "$OUT"
start=$(date +%s)
if [ ! -f "$DATA/.vdstudio-index.json" ]; then
    "$CLI" make-demo-dataset "$DATA" --kind shapes --seed 1
fi
"$CLI" scan "$DATA" | tee "$OUT/scan-report.txt"
"$CLI" scan "$DATA" --json > "$OUT/scan.json"
first=$(find "$DATA" -name '*.mp4' | sort | head -n 1)
"$CLI" probe "$first" | tee "$OUT/probe-first-clip.json"
"$CLI" bench-decode "$first" --size 64 | tee "$OUT/bench-decode.txt"
echo
echo "demo finished in $(( $(date +%s) - start )) s"
echo "dataset:      $DATA"
echo "scan report:  $OUT/scan-report.txt (JSON: $OUT/scan.json)"
