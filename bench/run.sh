#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Model bench: the C++ models (bench_models) against the same architectures written in Python
# torch (bench/python/bench_models.py, Debian's python3-torch = the same LibTorch 1.13), timed
# side by side. Builds nothing: `make bench` builds first.
#
#   bench/run.sh BUILD_DIR
#
# 1. Checks that both implementations build the same models: parameter count, a digest of the
#    sorted "name:shape" list and the outputs for fixed weights and inputs must match for every
#    preset; fails (exit 1) otherwise.
# 2. Times each row in its own process, C++ and Python back to back (the order alternates), for
#    each preset and thread count, so that both see the same machine load and each process's peak
#    RSS is the peak of that one row. Thread settings: torch intra-op threads = OpenBLAS threads
#    = N, and OMP_NUM_THREADS = OPENBLAS_NUM_THREADS = N in the environment of both.
# 3. Prints a markdown table (C++ ms, Python ms, ratio, peak RSS) and flags rows where C++ is
#    slower by more than NOISE_PCT.
#
# Environment: PRESETS ("demo small"), THREADS ("1 2"), ROUNDS (1; more rounds repeat the whole
# interleaved sequence, the table shows the median per implementation), PYTHON (/usr/bin/python3),
# RUN_DIR (where the JSON files go; default a temporary folder), NOISE_PCT (5), PROFILE (0; 1
# adds one profiled step per row at 1 thread and an op-by-op C++/Python comparison), MALLOC_TUNED
# (0; 1 passes --malloc-tuned to both: glibc keeps freed activations in the heap, see RESULTS.md).
set -euo pipefail

BUILD_DIR=${1:-build}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BIN=$BUILD_DIR/bench/bench_models
PY=${PYTHON:-/usr/bin/python3}
PYBENCH=$HERE/python/bench_models.py
TABLE=$HERE/python/models_table.py
PRESETS=${PRESETS:-demo small}
THREADS=${THREADS:-1 2}
ROUNDS=${ROUNDS:-1}
NOISE_PCT=${NOISE_PCT:-5}
EXTRA=()
if [ "${MALLOC_TUNED:-0}" = 1 ]; then
    EXTRA=(--malloc-tuned)
fi

die() {
    echo "bench/run.sh: $*" >&2
    exit 1
}

[ -x "$BIN" ] || die "$BIN not found: build first (make bench, or cmake --build $BUILD_DIR --target bench_models)"
"$PY" -c "import torch" 2>/dev/null || die "$PY cannot import torch (install python3-torch)"
RUN_DIR=${RUN_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/vd-bench-models.XXXXXX")}
mkdir -p "$RUN_DIR"

# Rows per preset. The small preset skips the encode+decode row (not a training or sampler step,
# and 4 s a run on this machine) to keep the whole script within a few minutes on 2 cores.
rows_for() {
    case $1 in
    demo) echo "vae_train vae_recon denoiser_train sampler sampler_cfg" ;;
    *) echo "vae_train denoiser_train sampler sampler_cfg" ;;
    esac
}

start_s=$SECONDS
echo "## Machine"
echo
echo "- CPU: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores online"
echo "- Packages: $(dpkg-query -W -f '${Package} ${Version}, ' libtorch1.13 python3-torch \
    libopenblas0-pthread 2>/dev/null | sed 's/, $//')"
echo "- Python torch: $("$PY" -c 'import torch; print(torch.__version__)'), $("$PY" --version 2>&1)"
echo "- Load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- glibc malloc: $([ ${#EXTRA[@]} -gt 0 ] && echo 'tuned (--malloc-tuned)' || echo default)"
echo "- JSON: $RUN_DIR"
echo

# --- 1. same models? -----------------------------------------------------------------------------
presets_csv=$(echo "$PRESETS" | tr ' ' ',')
"$BIN" --preset "$presets_csv" --threads 1 --params-only --check-forward --json \
    >"$RUN_DIR/params-cpp.json" 2>/dev/null || die "bench_models --params-only failed"
"$PY" "$PYBENCH" --preset "$presets_csv" --threads 1 --params-only --check-forward --json \
    >"$RUN_DIR/params-python.json" 2>/dev/null || die "bench_models.py --params-only failed"
"$PY" "$TABLE" check "$RUN_DIR/params-cpp.json" "$RUN_DIR/params-python.json" ||
    die "the C++ and Python models differ (see above): the timings would not be comparable"
echo

# --- 2. timings, interleaved ---------------------------------------------------------------------
run_one() { # impl preset threads row round
    local impl=$1 preset=$2 n=$3 row=$4 round=$5
    local out="$RUN_DIR/time-$impl-$preset-t$n-$row-r$round.json"
    local cmd
    if [ "$impl" = cpp ]; then
        cmd=("$BIN")
    else
        cmd=("$PY" "$PYBENCH")
    fi
    OMP_NUM_THREADS=$n OPENBLAS_NUM_THREADS=$n MKL_NUM_THREADS=$n \
        "${cmd[@]}" --preset "$preset" --threads "$n" --rows "$row" "${EXTRA[@]}" --json \
        >"$out" 2>"$out.log" || die "$impl $preset threads=$n $row failed: $(tail -3 "$out.log")"
    printf '  %-6s %-5s threads=%s %-15s %9.1f ms  (load %s)\n' "$impl" "$preset" "$n" "$row" \
        "$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["rows"][0]["ms"])' "$out")" \
        "$(cut -d' ' -f1 /proc/loadavg)" >&2
}

flip=0
for round in $(seq 1 "$ROUNDS"); do
    for preset in $PRESETS; do
        for n in $THREADS; do
            for row in $(rows_for "$preset"); do
                if [ $flip -eq 0 ]; then
                    run_one cpp "$preset" "$n" "$row" "$round"
                    run_one python "$preset" "$n" "$row" "$round"
                else
                    run_one python "$preset" "$n" "$row" "$round"
                    run_one cpp "$preset" "$n" "$row" "$round"
                fi
                flip=$((1 - flip))
            done
        done
    done
done

# --- optional: op profiles ----------------------------------------------------------------------
if [ "${PROFILE:-0}" = 1 ]; then
    for preset in $PRESETS; do
        rows=$(rows_for "$preset" | tr ' ' ',')
        OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 "$BIN" --preset "$preset" --threads 1 \
            --rows "$rows" --repeat 1 --warmup 1 --profile-ops --json \
            >"$RUN_DIR/ops-cpp-$preset.json" 2>/dev/null || die "bench_models --profile-ops failed"
        OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 "$PY" "$PYBENCH" --preset "$preset" --threads 1 \
            --rows "$rows" --repeat 1 --warmup 1 --profile-ops --json \
            >"$RUN_DIR/ops-python-$preset.json" 2>/dev/null || die "bench_models.py --profile-ops failed"
        "$PY" "$TABLE" ops "$RUN_DIR/ops-cpp-$preset.json" "$RUN_DIR/ops-python-$preset.json"
    done
    echo
fi

# --- 3. table ------------------------------------------------------------------------------------
echo "## Results ($ROUNDS round(s), $((SECONDS - start_s)) s; load average at the end:" \
    "$(cut -d' ' -f1-3 /proc/loadavg))"
echo
"$PY" "$TABLE" table --noise-pct "$NOISE_PCT" "$RUN_DIR"/time-*.json
