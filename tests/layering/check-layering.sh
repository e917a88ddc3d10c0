#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The include rules that keep the layers apart (../shared/DESIGN.md, "Layers"):
# core/ and the CLI never include Qt or ui/; ui/ and the studio's main never include torch or
# FFmpeg headers themselves (they reach the engine through core's torch-free façades).
# Usage: check-layering.sh SOURCE_ROOT. Before checking the tree it plants one violation of
# each rule in a scratch tree and fails unless every one is caught, so the check can fail.
set -u
root=${1:?usage: check-layering.sh SOURCE_ROOT}

qt='^\s*#\s*include\s*[<"](Q[A-Z][A-Za-z]*|Qt[A-Za-z]*/[^>"]*)[>"]'
uiHeader='^\s*#\s*include\s*"(ui/|panels/|widgets/|controllers/|models/)'
torch='^\s*#\s*include\s*[<"](torch/|ATen/|c10/)'
ffmpeg='^\s*#\s*include\s*[<"](libavformat|libavcodec|libavutil|libswscale)/'

# rule: "description|folder|regex"
rules=(
    "core/ includes Qt|core|$qt"
    "core/ includes ui/|core|$uiHeader"
    "the CLI includes Qt|app/cli|$qt"
    "ui/ includes torch|ui|$torch"
    "ui/ includes FFmpeg|ui|$ffmpeg"
    "the studio's main includes torch|app/gui|$torch"
)

# check TREE: prints every violation, returns the number of rules broken.
check() {
    local tree=$1 broken=0 rule what dir regex hits
    for rule in "${rules[@]}"; do
        IFS='|' read -r what dir regex <<<"$rule"
        [ -d "$tree/$dir" ] || continue
        hits=$(grep -rnE --include='*.h' --include='*.hpp' --include='*.cpp' "$regex" "$tree/$dir")
        if [ -n "$hits" ]; then
            echo "$what:"
            echo "$hits" | sed "s|^$tree/|  |"
            broken=$((broken + 1))
        fi
    done
    return "$broken"
}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch"/{core,app/cli,ui,app/gui}
echo '#include <QString>' >"$scratch/core/a.cpp"
echo '#include "widgets/FrameView.h"' >"$scratch/core/b.h"
echo '  #include <QtCore/QObject>' >"$scratch/app/cli/c.cpp"
echo '#include <torch/torch.h>' >"$scratch/ui/d.cpp"
echo '#include <libavformat/avformat.h>' >"$scratch/ui/e.h"
echo '#include <ATen/ATen.h>' >"$scratch/app/gui/f.cpp"
check "$scratch" >/dev/null
planted=$?
if [ "$planted" -ne "${#rules[@]}" ]; then
    echo "check-layering: caught $planted of ${#rules[@]} planted violations; the check is broken"
    exit 2
fi

if check "$root"; then
    echo "check-layering: ${#rules[@]} rules hold in $root"
    exit 0
fi
exit 1
