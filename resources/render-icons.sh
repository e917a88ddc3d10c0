#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders the hicolor PNG sizes of the application icon: 16 to 24 px from the pixel-aligned small
# drawing (icons/small/), 32 px and up from the scalable SVG. The PNGs are committed, so a build
# needs no SVG renderer; run this after editing an SVG (needs rsvg-convert: librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/icons/hicolor"
id=io.github.vdstudio.VDStudio
for size in 16 22 24 32 48 64 128 256 512; do
    mkdir -p "${size}x${size}/apps"
    svg=scalable/apps/$id.svg
    if [ "$size" -le 24 ]; then svg=../small/$id.svg; fi
    rsvg-convert --width "$size" --height "$size" "$svg" \
        --output "${size}x${size}/apps/$id.png"
done
echo "render-icons: $(ls -d ./*x*/apps/$id.png | wc -l) sizes written under $(pwd)"
