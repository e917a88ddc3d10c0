#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders the hicolor PNG sizes of the application icon from its SVG. The PNGs are committed, so a
# build needs no SVG renderer; run this after editing the SVG (needs rsvg-convert: librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/icons/hicolor"
id=io.github.vdstudio.VDStudio
for size in 16 22 24 32 48 64 128 256 512; do
    mkdir -p "${size}x${size}/apps"
    rsvg-convert --width "$size" --height "$size" "scalable/apps/$id.svg" \
        --output "${size}x${size}/apps/$id.png"
done
echo "render-icons: $(ls -d ./*x*/apps/$id.png | wc -l) sizes written under $(pwd)"
