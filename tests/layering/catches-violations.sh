#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Shows that layering.Includes can fail: copies core/, ui/ and app/ of SOURCE_ROOT into a scratch
# tree, checks that the copy passes, then breaks one rule at a time in a real file (one line
# appended) and expects check-layering.sh to exit 1 and name the line.
# Usage: catches-violations.sh SOURCE_ROOT
set -u
root=${1:?usage: catches-violations.sh SOURCE_ROOT}
check="$(dirname "$0")/check-layering.sh"

tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
cp -r "$root/core" "$root/ui" "$root/app" "$tree"/

if ! out=$(bash "$check" "$tree" 2>&1); then
    echo "the unchanged copy of $root fails the check; fix that first:"
    echo "$out"
    exit 1
fi

failed=0
# expect FILE INCLUDE [WHAT]: appends INCLUDE to FILE, expects exit 1 and WHAT in the output
# (default: FILE:LINE of the new include), then restores FILE.
expect() {
    local file=$1 include=$2 line out rc what
    if [ ! -f "$tree/$file" ]; then
        echo "FAIL: $file is gone; pick another file for this case"
        failed=1
        return
    fi
    cp "$tree/$file" "$tree/$file.orig"
    [ -z "$(tail -c 1 "$tree/$file")" ] || echo >>"$tree/$file" # no newline at the end
    echo "$include" >>"$tree/$file"
    line=$(wc -l <"$tree/$file")
    what=${3:-"$file:$line:"}
    what=${what//@LINE@/$line}
    out=$(bash "$check" "$tree" 2>&1)
    rc=$?
    mv "$tree/$file.orig" "$tree/$file"
    if [ "$rc" -eq 1 ] && grep -qF -- "$what" <<<"$out"; then
        echo "caught: $file:$line: $include"
    else
        echo "FAIL: $include in $file: exit $rc (want 1), output without '$what':"
        echo "$out"
        failed=1
    fi
}

expect core/util/Error.h '#include <QString>'
expect core/model/VAE.h '#include <QtCore/QObject>'
expect app/cli/main.cpp '#include <QCoreApplication>'
expect core/report/Heatmap.cpp '#include "widgets/FrameView.h"'
expect ui/panels/PreviewPanel.cpp '#include <torch/torch.h>'
expect ui/widgets/FrameView.h '#include <libavcodec/avcodec.h>'
expect app/gui/main.cpp '#include <ATen/ATen.h>'
# A value type the studio reaches through many core headers learns torch: every ui/ file that
# reaches it is named, ending in this line.
expect core/media/VideoInfo.h '#include <torch/types.h>' \
    '-> core/media/VideoInfo.h:@LINE@: #include <torch/types.h>'

exit "$failed"
