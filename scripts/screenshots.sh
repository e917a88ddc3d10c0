#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Screenshots of every studio panel (light and dark, 1280x800 and 1920x1080) into
# docs/screenshots/, plus single views in light at 1280x800 (dataset-grid, dataset-skipped when the
# dataset has a skipped file, inspector-compare-normalized, preview-zoom-difference,
# export-dialog), taken by `vdstudio --screenshots` under xvfb-run on a trained project.
# Usage: scripts/screenshots.sh [BUILD_DIR] [PROJECT.vdproj]
#   PROJECT defaults to demo-output/demo.vdproj (run `make demo` first for fully trained models).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-build}
PROJECT=${2:-demo-output/demo.vdproj}
OUT=docs/screenshots
if [ ! -x "$BUILD_DIR/app/vdstudio" ]; then
    echo "screenshots: $BUILD_DIR/app/vdstudio is missing; run make build" >&2
    exit 2
fi
if [ ! -f "$PROJECT" ]; then
    echo "screenshots: $PROJECT is missing; run make demo or pass a trained project" >&2
    exit 2
fi
command -v xvfb-run >/dev/null || { echo "screenshots: xvfb-run is missing (apt-get install xvfb)" >&2; exit 2; }
mkdir -p "$OUT"
xvfb-run -a -s "-screen 0 1920x1200x24" "$BUILD_DIR/app/vdstudio" --screenshots "$OUT" "$PROJECT"
