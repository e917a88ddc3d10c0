#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The CLI pipeline end to end, tiny, under the sanitizers of the build CLI comes from (make
# sanitize; CTest runs it as sanitize.CliPipeline): demo dataset, project, both training
# stages a few steps, a resume, sampling, plotting, inspecting, export, probe. Any sanitizer report ends
# the failing command with an error exit, so the script fails.
#   scripts/sanitize-e2e.sh CLI [WORK_DIR]
set -euo pipefail
CLI=$1
WORK=${2:-$(mktemp -d)}
SRC=$(cd "$(dirname "$0")/.." && pwd)
while IFS= read -r line; do
    [[ $line =~ ^[A-Z] ]] && export "${line//SUPP_DIR/$SRC/tests/sanitizers}"
done < "$SRC/tests/sanitizers/options.txt"

rm -rf "$WORK/e2e"
mkdir -p "$WORK/e2e"
cd "$WORK/e2e"
step() { echo "== $*"; }

step make-demo-dataset
"$CLI" make-demo-dataset data --clips 6 --size 32 --frames 8 --seed 3
step scan
"$CLI" scan data --json > scan.json
step new-project
"$CLI" new-project tiny.vdproj --data data --preset demo
# No sample judge (it trains a classifier for 800 steps first) and no precision timing: the
# pipeline's code paths, not the demo's training, are what is checked here.
python3 - tiny.vdproj <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
p["diffusion"]["judge"]["every"] = 0
for stage in ("vae", "diffusion"):
    p[stage]["train"]["precision"] = "float32"
json.dump(p, open(sys.argv[1], "w"), indent=2)
PY
step train-vae
"$CLI" train-vae tiny.vdproj --steps 3 --batch 2 --threads 1
step "train-vae --resume"
"$CLI" train-vae tiny.vdproj --steps 4 --batch 2 --threads 1 --resume
step train-diffusion
"$CLI" train-diffusion tiny.vdproj --steps 3 --batch 2 --threads 1
step sample
"$CLI" sample tiny.vdproj --out samples --num 1 --steps 3 --format mp4,gif --seed 1
step plot-metrics
"$CLI" plot-metrics runs/vae --out loss.png
first=$(find samples -name '*.mp4' | sort | head -1)
step inspect
"$CLI" inspect tiny.vdproj --input "$first" --out inspect --json > inspect.json
step "export $first"
"$CLI" export "$first" --out exported/clip.webm --scale 2
"$CLI" export "$first" --out exported/frames.png --start 1 --count 3
step probe
"$CLI" probe exported/clip.webm "$first" > probe.jsonl
echo "sanitize-e2e: the pipeline ran clean in $WORK/e2e"
