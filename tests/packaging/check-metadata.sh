#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# CTest packaging.Metadata: validates the desktop integration files and the man pages.
#   check-metadata.sh SOURCE_DIR VDSTUDIO_CLI
# Tools (scripts/install-deps.sh installs them): desktop-file-validate (desktop-file-utils),
# appstreamcli (appstream), xmllint (libxml2-utils), update-mime-database (shared-mime-info),
# groff (groff-base).
set -euo pipefail
src=$1
cli=$2
id=io.github.vdstudio.VDStudio
res=$src/resources
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
need() { command -v "$1" >/dev/null || { echo "FAIL: $1 not found (run scripts/install-deps.sh)"; exit 1; }; }
for tool in desktop-file-validate appstreamcli xmllint update-mime-database groff; do need "$tool"; done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== desktop entry"
desktop-file-validate "$res/$id.desktop" || fail "desktop-file-validate $id.desktop"
grep -qx 'Exec=vdstudio %f' "$res/$id.desktop" || fail "desktop entry: Exec is not 'vdstudio %f'"
grep -qx "Icon=$id" "$res/$id.desktop" || fail "desktop entry: Icon is not $id"
grep -qx 'MimeType=application/x-vdstudio-project;' "$res/$id.desktop" \
    || fail "desktop entry: MimeType does not name application/x-vdstudio-project"

echo "== AppStream metainfo"
appstreamcli validate --no-net --explain "$res/$id.metainfo.xml" || fail "appstreamcli validate"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$res/$id.metainfo.xml" \
    || fail "metainfo: launchable is not $id.desktop"
grep -q '<release version="0.1.0"' "$res/$id.metainfo.xml" || fail "metainfo: no release 0.1.0"

echo "== MIME type"
xmllint --noout "$res/$id.mime.xml" || fail "xmllint $id.mime.xml"
# Build a private MIME database from our package alone and check the glob maps to our type.
mkdir -p "$tmp/mime/packages"
cp "$res/$id.mime.xml" "$tmp/mime/packages/$id.xml"
XDG_DATA_DIRS=$tmp XDG_DATA_HOME=$tmp update-mime-database "$tmp/mime" 2>"$tmp/mime.err" || fail "update-mime-database"
if [ -s "$tmp/mime.err" ]; then cat "$tmp/mime.err"; fail "update-mime-database warned"; fi
grep -q '^50:application/x-vdstudio-project:\*\.vdproj$' "$tmp/mime/globs2" \
    || fail "MIME database: *.vdproj does not map to application/x-vdstudio-project"

echo "== icons"
xmllint --noout "$res/icons/hicolor/scalable/apps/$id.svg" "$res/icons/small/$id.svg" || fail "xmllint icon SVGs"
for size in 16 22 24 32 48 64 128 256 512; do
    png=$res/icons/hicolor/${size}x${size}/apps/$id.png
    # PNG IHDR: width and height as big-endian 32-bit integers at bytes 16..23.
    dims=$(od -An -tu1 -j16 -N8 "$png" 2>/dev/null | awk '{print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8}')
    [ "$dims" = "${size}x${size}" ] || fail "$png is ${dims:-missing}, expected ${size}x${size}"
    grep -q "icons/hicolor/${size}x${size}/apps/$id.png" "$res/vdstudio.qrc" || fail "vdstudio.qrc lacks the ${size}px icon"
done

echo "== man pages"
for page in vdstudio-cli.1 vdstudio.1; do
    out=$(groff -man -z -ww "$src/packaging/$page" 2>&1) || fail "groff $page"
    [ -z "$out" ] || { echo "$out"; fail "groff warned on $page"; }
done
# Every command that vdstudio-cli --help lists has a subsection in the man page.
commands=$("$cli" --help | awk '/^commands:/{on=1; next} on && /^  [a-z]/{print $1} on && /^$/{on=0}')
[ -n "$commands" ] || fail "no commands parsed from $cli --help"
for c in $commands; do
    man_name=${c//-/\\\\-}
    grep -q "^\.SS $man_name\b" "$src/packaging/vdstudio-cli.1" || fail "vdstudio-cli.1 has no section for '$c'"
done
echo "$(echo "$commands" | wc -l) commands documented"

if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all metadata checks passed"
