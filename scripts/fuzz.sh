#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the libFuzzer targets of a sanitizer build one after the other, each for SECONDS:
#   scripts/fuzz.sh BUILD_DIR SECONDS [NAME...]     (NAME: Safetensors, Project, ... ; default all)
# Seeds come from vd_fuzz_seeds (written now, nothing downloaded) and the saved crashes in
# tests/fuzz/regressions/<NAME>; what a run learns is kept in BUILD_DIR/fuzz/corpus/<NAME> for
# the next run. A crash, leak or timeout stops that target, leaves its input in
# BUILD_DIR/fuzz/artifacts/<NAME>/ and fails the script (after the other targets ran). One line
# per target goes to BUILD_DIR/fuzz/runs.tsv: date, target, seconds, executions, result.
# docs/fuzzing-and-sanitizers.md.
set -uo pipefail
if [ $# -lt 2 ]; then
    echo "usage: $0 BUILD_DIR SECONDS [NAME...]" >&2
    exit 2
fi
BUILD=$(cd "$1" && pwd)
SECONDS_EACH=$2
shift 2
SRC=$(cd "$(dirname "$0")/.." && pwd)
FUZZ_BIN="$BUILD/tests/fuzz"
OUT="$BUILD/fuzz"
NAMES=("$@")
if [ ${#NAMES[@]} -eq 0 ]; then
    NAMES=(Safetensors Project MetricsLog DatasetIndex VideoReader)
fi

# The sanitizer options and suppressions the tests run with. VD_SANITIZER_OPTIONS names another
# options file of the same form, e.g. to fuzz on past a known bug that someone else is fixing.
OPTIONS_FILE=${VD_SANITIZER_OPTIONS:-$SRC/tests/sanitizers/options.txt}
SUPP_DIR=$(cd "$(dirname "$OPTIONS_FILE")" && pwd)
while IFS= read -r line; do
    [[ $line =~ ^[A-Z] ]] && export "${line//SUPP_DIR/$SUPP_DIR}"
done < "$OPTIONS_FILE"
export OMP_NUM_THREADS=1

mkdir -p "$OUT"
# Nothing here reads stdin; /dev/null keeps a terminal out of it.
"$FUZZ_BIN/vd_fuzz_seeds" "$OUT/seeds" < /dev/null || exit 1

status=0
for name in "${NAMES[@]}"; do
    exe="$FUZZ_BIN/fuzz_$name"
    if [ ! -x "$exe" ]; then
        echo "fuzz: $exe is not built (cmake --build $BUILD --target fuzzers)" >&2
        status=1
        continue
    fi
    corpus="$OUT/corpus/$name"
    artifacts="$OUT/artifacts/$name"
    mkdir -p "$corpus" "$artifacts"
    dict=()
    if [ "$name" != VideoReader ]; then
        dict=(-dict="$SRC/tests/fuzz/json.dict") # JSON's tokens; the rest comes from -fsanitize=fuzzer's comparisons
    fi
    inputs=("$corpus" "$OUT/seeds/$name")
    if [ -d "$SRC/tests/fuzz/regressions/$name" ]; then
        inputs+=("$SRC/tests/fuzz/regressions/$name")
    fi
    log="$OUT/$name.log"
    echo "fuzz: $name for $SECONDS_EACH s (log: $log)"
    # -timeout: an input that takes longer is a finding (VideoReader gives up a read after 20 s).
    "$exe" -max_total_time="$SECONDS_EACH" -timeout=30 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" "${dict[@]}" \
        "${inputs[@]}" < /dev/null > "$log" 2>&1
    rc=$?
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    result=ok
    if [ $rc -ne 0 ]; then
        result="failed (exit $rc)"
        status=1
        grep -m1 -A12 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|SUMMARY|==ERROR' "$log" >&2
        echo "fuzz: $name: input saved in $artifacts/; add it to tests/fuzz/regressions/$name/" >&2
    fi
    printf '%s\t%s\t%s\t%s\t%s\n' "$(date -Is)" "$name" "$SECONDS_EACH" "${execs:-?}" "$result" \
        >> "$OUT/runs.tsv"
    echo "fuzz: $name: ${execs:-?} executions, $result"
done
# Scratch folders (tests/fuzz/FuzzSupport.h) of fuzz processes that ended without their atexit
# clean-up, as a crashing one does.
for d in /dev/shm/vdstudio-fuzz-*; do
    if [ -d "$d" ] && ! kill -0 "${d##*-}" 2>/dev/null; then rm -rf "$d"; fi
done
exit $status
