#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Data-parallel throughput on this machine: the demo preset's VAE and denoiser steps as
# 1 process x 1 thread, 1 x 2 threads and 2 processes x 1 thread (--procs 2), each a short real
# training run through vdstudio-cli on the demo data, run one after another in one go so that
# they share the machine's state. Prints a markdown table of the median step time (steps after
# the 20th) and clips per second (effective batch / step time). Builds nothing.
#
#   bench/data_parallel.sh BUILD_DIR [WORK_DIR]
#
# Environment: STEPS (80 per run).
set -euo pipefail

BUILD_DIR=${1:-build}
WORK=${2:-$(mktemp -d)}
CLI=$(realpath "$BUILD_DIR/app/vdstudio-cli")
STEPS=${STEPS:-80}
mkdir -p "$WORK"
cd "$WORK"

"$CLI" make-demo-dataset data --kind shapes --seed 1 > /dev/null
"$CLI" new-project base.vdproj --data data --preset demo --force > /dev/null

# project NAME STAGE BATCH: a copy of the demo project with its own runs folder and batch.
project() {
    python3 - "$1" "$2" "$3" <<'PY'
import json, sys
name, stage, batch = sys.argv[1], sys.argv[2], int(sys.argv[3])
p = json.load(open("base.vdproj"))
p["runs_dir"] = "runs-" + name
p[stage]["train"]["batch_size"] = batch
p[stage]["train"]["max_minutes"] = 0
p["diffusion"]["judge"]["every"] = 0
json.dump(p, open(name + ".vdproj", "w"), indent=1)
PY
}

# median NAME STAGE EFFECTIVE_BATCH: one table row from the run's metrics.
row() {
    python3 - "$1" "$2" "$3" <<'PY'
import json, sys
name, stage, batch = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = [json.loads(l) for l in open("runs-%s/%s/metrics.jsonl" % (name, stage))]
ms = sorted(l["step_ms"] + l.get("wait_ms", 0) for l in lines if l["step"] > 20)
m = ms[len(ms) // 2]
print("| %s | %s | %d | %.1f | %.1f |" % (stage, name, batch, m, 1000.0 * batch / m))
PY
}

# A VAE for the denoiser runs (its quality does not matter for their speed).
project vae-for-diffusion vae 32
"$CLI" train-vae vae-for-diffusion.vdproj --steps 30 --threads 2 > /dev/null

echo "| stage | processes x threads, batch per process | effective batch | ms per step | clips/s |"
echo "|---|---|--:|--:|--:|"
for stage in vae diffusion; do
    if [ "$stage" = vae ]; then full=32; else full=8; fi
    half=$((full / 2))
    for spec in "1x1-b$full:1:1:$full" "1x2-b$full:1:2:$full" "2x1-b$half:2:1:$half" \
                "2x1-b$full:2:1:$full"; do
        IFS=: read -r name procs threads batch <<< "$spec"
        project "$name" "$stage" "$batch"
        if [ "$stage" = diffusion ]; then
            mkdir -p "runs-$name"
            cp -r runs-vae-for-diffusion/vae "runs-$name/"
        fi
        cmd="train-vae"
        [ "$stage" = diffusion ] && cmd="train-diffusion"
        if [ "$procs" -gt 1 ]; then
            "$CLI" "$cmd" "$name.vdproj" --steps "$STEPS" --procs "$procs" --threads "$threads" \
                > /dev/null
        else
            "$CLI" "$cmd" "$name.vdproj" --steps "$STEPS" --threads "$threads" > /dev/null
        fi
        row "$name" "$stage" $((batch * procs))
    done
done
