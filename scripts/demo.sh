#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The main job, headless, on built-in demo data: make the dataset, write a project (demo
# preset), train the VAE, evaluate it, train the latent diffusion model, sample clips per
# class (MP4 + GIF), and draw the loss curves and a contact sheet. Fits 10 minutes on a 2-core
# CPU after the build: the denoiser trains for whatever time the other steps leave of
# VD_DEMO_SECONDS (default 560 s, a margin under 600), so a faster machine gets a better model.
# A fresh demo-output/ each run; VD_DEMO_OUT moves it.
# VD_DEMO_PRESET=small (`make demo-small`) runs the same pipeline on 128x128 clips of 16 frames
# with the `small` preset in an hour (VD_DEMO_SECONDS default 3540 there).
set -euo pipefail
CLI=${1:-build/app/vdstudio-cli}
OUT=${VD_DEMO_OUT:-demo-output}
PRESET=${VD_DEMO_PRESET:-demo}
DATA="$OUT/data/shapes"
PROJECT="$OUT/$PRESET.vdproj"
case "$PRESET" in
    # rank_batch: half the preset's batch, for each of two data-parallel processes
    # reserve_*: the time kept after training for sampling, judging and plotting (below)
    demo) size=64 scale=2 default_s=560 rank_batch=2 reserve_base=20 reserve_div=2 ;;
    small) size=128 scale=1 default_s=3540 rank_batch=1 reserve_base=30 reserve_div=4 ;;
    *) echo "VD_DEMO_PRESET: '$PRESET' is not demo or small" >&2; exit 2 ;;
esac
TOTAL_S=${VD_DEMO_SECONDS:-$default_s}

rm -rf "$OUT"
mkdir -p "$OUT"
start=$(date +%s)
stamp() { echo "[$(( $(date +%s) - start )) s] $*"; }

stamp "making the demo dataset"
"$CLI" make-demo-dataset "$DATA" --kind shapes --seed 1 --size "$size"
"$CLI" scan "$DATA" > "$OUT/scan-report.txt"
"$CLI" new-project "$PROJECT" --data "$DATA" --preset "$PRESET"

# The VAE step gains little from a second thread (bench/RESULTS.md, "Two ranks"), so the sample
# judge, which needs only the real clips, trains beside it on the other core: the denoiser gets
# the time the judge took before.
stamp "training the VAE and, beside it, the sample judge on the real clips (one thread each)"
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
"$CLI" eval-samples "$PROJECT" --prepare --threads 1 > "$OUT/judge.txt" 2>&1 &
judge_pid=$!
vae_start=$(date +%s)
"$CLI" train-vae "$PROJECT" --threads 1
vae_s=$(( $(date +%s) - vae_start ))
wait "$judge_pid"
cat "$OUT/judge.txt"
"$CLI" eval-vae "$PROJECT" --report "$OUT/eval-vae.json" | tee "$OUT/eval-vae.txt"

# What sampling, judging 64 clips and plotting take after training scales with this machine's
# speed: 27 s after a 90 s VAE (AMD EPYC VM), 39 s after a 183 s one (Xeon VM), before
# autoguidance added a third model call to every sampler step: 65 s after a 140 s VAE (Xeon
# VM). A third of the VAE's time plus 20 s covered them, with TOTAL_S's 40 s to the 10
# minutes besides, until a slow hour of the Xeon VM (2026-12-07: a 110 s VAE, then sampling and
# judging 95 s) ended at 623 s: half the VAE's time plus 20 s now. The small
# preset's 16-frame 128x128 clips took 180 s after a 715 s VAE stage (Xeon VM): a quarter plus 30.
reserve_s=$(( reserve_base + vae_s / reserve_div ))
minutes=$(awk -v total="$TOTAL_S" -v used="$(( $(date +%s) - start ))" -v reserve="$reserve_s" \
    'BEGIN { m = (total - used - reserve) / 60; if (m < 1) m = 1; printf "%.2f", m }')
# Two data-parallel processes on half the cores each, each on half the preset's batch (the
# same training as one process on all cores): 7.5 % more denoiser steps than one process
# with two threads on a 2-core Xeon VM (bench/RESULTS.md, "Fused attention over frames, two
# processes").
cores=$(nproc)
if (( cores >= 2 )); then
    procs=(--procs 2 --threads $(( cores / 2 )) --batch "$rank_batch")
else
    procs=()
fi
stamp "training the latent diffusion model for $minutes minutes"
"$CLI" train-diffusion "$PROJECT" --minutes "$minutes" "${procs[@]}"

stamp "sampling"
"$CLI" sample "$PROJECT" --out "$OUT/samples" --num 4 --scale "$scale" --format mp4,gif \
    --contact-sheet "$OUT/contact-sheet.png"

stamp "judging the samples"
"$CLI" eval-samples "$PROJECT" --per-class 16 --report "$OUT/eval-samples.json" \
    | tee "$OUT/eval-samples.txt"

stamp "plotting"
"$CLI" plot-metrics "$OUT/runs/vae" --out "$OUT/vae-loss.png" --keys loss,l1,mse,kl
"$CLI" plot-metrics "$OUT/runs/vae" --out "$OUT/vae-psnr.png" --keys probe_psnr --linear
"$CLI" plot-metrics "$OUT/runs/diffusion" --out "$OUT/diffusion-loss.png" --keys loss,mse

echo
stamp "demo finished"
echo "project:        $PROJECT"
echo "runs:           $OUT/runs/vae, $OUT/runs/diffusion (metrics.jsonl, checkpoints/)"
echo "VAE quality:    $OUT/eval-vae.txt"
echo "samples:        $OUT/samples/ (MP4 and GIF per class, samples.json)"
echo "contact sheet:  $OUT/contact-sheet.png"
echo "sample quality: $OUT/eval-samples.txt (docs/judge.md)"
echo "loss curves:    $OUT/vae-loss.png, $OUT/vae-psnr.png, $OUT/diffusion-loss.png"
