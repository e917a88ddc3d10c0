#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The include rules that keep the layers apart (docs/architecture.md, "Include rules"):
#   - core/ and the CLI (app/cli) never include a Qt header (QCustomPlot's included) or a ui/ one;
#   - the CLI and ui/ never include core/project/detail (what the project façades are built from);
#   - ui/ and the studio's main (app/gui) never include torch or FFmpeg headers, neither
#     themselves nor through a core header that does, however deep. vd_core hands torch to its
#     users as a PUBLIC dependency, so such an include would compile: only this check stops it.
# Usage: check-layering.sh SOURCE_ROOT. Prints every violation as file:line (paths relative to
# SOURCE_ROOT) and exits 1 when there is one, 0 when there is none. It needs no build.
# Before checking SOURCE_ROOT it plants violations in a scratch tree, one per form each rule
# knows, plus includes that are allowed, and exits 2 unless it finds exactly the planted ones.
set -u
root=${1:?usage: check-layering.sh SOURCE_ROOT}

inc='^\s*#\s*include\s*'
# <QString>, <QtConcurrent>, <QtCore/QObject>, <qcustomplot.h>, lower-case <qstring.h> (every
# q*.h but qua*.h, which would take in <quadmath.h>).
qt="${inc}[<\"](Q[A-Z][A-Za-z]*|Qt[A-Za-z]*(/[^>\"]*)?|q([a-tv-z][a-z0-9_]*|u[b-z0-9_][a-z0-9_]*)\.h)[>\"]"
uiHeader="$inc\"(ui/|panels/|widgets/|controllers/|models/|dialogs/)"
torch="${inc}[<\"](torch|ATen|c10|caffe2)/"
ffmpeg="${inc}[<\"]lib(av[a-z]*|sw[a-z]*|postproc)/"
projectDetail="${inc}\"project/detail/"

# Direct rules, "description|folder|regex".
rules=(
    "core/ includes Qt|core|$qt"
    "core/ includes ui/|core|$uiHeader"
    "the CLI includes Qt|app/cli|$qt"
    "the CLI includes project/detail|app/cli|$projectDetail"
    "ui/ includes project/detail|ui|$projectDetail"
    "ui/ includes torch|ui|$torch"
    "ui/ includes FFmpeg|ui|$ffmpeg"
    "the studio's main includes torch|app/gui|$torch"
    "the studio's main includes FFmpeg|app/gui|$ffmpeg"
)
sources=(--include='*.h' --include='*.hpp' --include='*.cpp')

# reach TREE: prints "file:line: \"name\" -> ..." for every include in ui/ or app/gui of a core
# header that includes torch or FFmpeg, itself or through other core headers. A quoted name is
# looked up as the compiler does: beside the including file, then in ui/ (for the studio's
# files), then in core/.
reach() {
    local tree=$1 file line text name cand from to changed
    local -a edges=()
    local -A tainted=()
    while IFS=: read -r file line text; do
        name=${text#*\"}
        name=${name%%\"*}
        to=
        for cand in "${file%/*}/$name" "ui/$name" "core/$name"; do
            if [[ $cand == ui/* && $file != ui/* && $file != app/gui/* ]]; then
                continue
            fi
            if [ -f "$tree/$cand" ]; then
                to=$cand
                break
            fi
        done
        [ -n "$to" ] && edges+=("$file|$line|$name|$to")
    done < <(cd "$tree" && grep -rnE "${sources[@]}" "$inc\"" core ui app 2>/dev/null)

    # Core headers that include torch or FFmpeg themselves ...
    while IFS=: read -r file line text; do
        [ -n "${tainted[$file]:-}" ] || tainted[$file]="$file:$line: $(echo "$text" | sed -E 's/^\s+//')"
    done < <(cd "$tree" && grep -rnE --include='*.h' --include='*.hpp' "($torch)|($ffmpeg)" core \
        2>/dev/null)
    # ... and those that include one of them, until nothing changes.
    changed=1
    while [ "$changed" -eq 1 ]; do
        changed=0
        for e in "${edges[@]}"; do
            IFS='|' read -r from line name to <<<"$e"
            if [[ $from == core/*.h* && -z ${tainted[$from]:-} && -n ${tainted[$to]:-} ]]; then
                tainted[$from]="$from:$line: \"$name\" -> ${tainted[$to]}"
                changed=1
            fi
        done
    done

    for e in "${edges[@]}"; do
        IFS='|' read -r from line name to <<<"$e"
        if [[ ($from == ui/* || $from == app/gui/*) && $to == core/* && -n ${tainted[$to]:-} ]]
        then
            echo "$from:$line: \"$name\" -> ${tainted[$to]}"
        fi
    done
}

# check TREE: prints every violation (indented, under the rule it breaks), returns 1 if any.
check() {
    local tree=$1 broken=0 rule what dir regex hits
    for rule in "${rules[@]}"; do
        IFS='|' read -r what dir regex <<<"$rule"
        [ -d "$tree/$dir" ] || continue
        hits=$(cd "$tree" && grep -rnE "${sources[@]}" "$regex" "$dir")
        if [ -n "$hits" ]; then
            echo "$what:"
            echo "$hits" | sed 's/^/  /'
            broken=1
        fi
    done
    hits=$(reach "$tree")
    if [ -n "$hits" ]; then
        echo "ui/ or the studio's main reaches torch or FFmpeg through a core header:"
        echo "$hits" | sed 's/^/  /'
        broken=1
    fi
    return "$broken"
}

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch"/{core/x,app/cli,app/gui,ui/widgets}
# Violations, one line each (planted counts them).
printf '%s\n' '#include <QString>' '#include <QtConcurrent>' '  #  include <QtCore/QObject>' \
    '#include <qcustomplot.h>' '#include <qglobal.h>' '#include "widgets/FrameView.h"' \
    >"$scratch/core/a.h"
printf '%s\n' '#include <QCoreApplication>' '#include "project/detail/LatentCache.h"' \
    >"$scratch/app/cli/b.cpp"
printf '%s\n' '#include <torch/torch.h>' '#include <ATen/ATen.h>' '#include <c10/util/Half.h>' \
    '#include <libavformat/avformat.h>' '#include <libswscale/swscale.h>' \
    '#include <libswresample/swresample.h>' '#include "project/detail/TrainedModels.h"' \
    >"$scratch/ui/c.cpp"
printf '%s\n' '#include <torch/types.h>' '#include <libavutil/frame.h>' >"$scratch/app/gui/d.cpp"
# Through core headers: ui/ -> Mid.h -> Leaky.h (torch); ui/ -> Near.h -> Codec.h (FFmpeg),
# the last two named from their own folder.
echo '#include <torch/types.h>' >"$scratch/core/x/Leaky.h"
echo '#include "x/Leaky.h"' >"$scratch/core/x/Mid.h"
echo '#include <libavcodec/avcodec.h>' >"$scratch/core/x/Codec.h"
echo '#include "Codec.h"' >"$scratch/core/x/Near.h"
printf '%s\n' '#include "x/Mid.h"' '#include "x/Near.h"' >"$scratch/ui/e.h"
planted=19
# Allowed: core and the CLI use torch and FFmpeg; ui/ uses Qt and torch-free core headers
# (core/x/Clean.h, and ui/widgets/FrameView.h, which has no folder of its own in core/); a
# commented-out include is no include; <quadmath.h> is no Qt header.
printf '%s\n' '#include <torch/torch.h>' '#include <libavutil/avutil.h>' '#include <quadmath.h>' \
    '// #include <QString>' '#include <vector>' >"$scratch/core/x/Fine.cpp"
echo '#include <vector>' >"$scratch/core/x/Clean.h"
echo '#include <c10/util/Exception.h>' >"$scratch/app/cli/f.cpp"
printf '%s\n' '#include <QWidget>' '#include <qcustomplot.h>' '#include "x/Clean.h"' \
    '#include "widgets/FrameView.h"' >"$scratch/ui/g.cpp"
touch "$scratch/ui/widgets/FrameView.h"
found=$(check "$scratch" | grep -c '^  ')
if [ "$found" -ne "$planted" ]; then
    echo "check-layering: found $found violations where $planted were planted; the check is broken:"
    check "$scratch"
    exit 2
fi

if check "$root"; then
    echo "check-layering: the include rules hold in $root"
    exit 0
fi
exit 1
