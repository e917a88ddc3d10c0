#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# CTest packaging.Deb (fixture setup of packaging.Install): builds the .deb with CPack from the
# built tree, exactly as `make package` does, into OUT_DIR, then checks its control fields and
# files, and validates the installed desktop entry + metainfo pair with appstreamcli validate-tree.
#   build-deb.sh BUILD_DIR OUT_DIR WITH_GUI(0|1)
set -euo pipefail
build=$1
out=$2
gui=$3
id=io.github.vdstudio.VDStudio
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

rm -rf "$out"
mkdir -p "$out"
start=$(date +%s)
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$out" >"$out/cpack.log" 2>&1 \
    || { cat "$out/cpack.log"; echo "FAIL: cpack"; exit 1; }
shopt -s nullglob
debs=("$out"/vdstudio_*.deb)
[ ${#debs[@]} -eq 1 ] || { cat "$out/cpack.log"; echo "FAIL: expected one vdstudio_*.deb in $out"; exit 1; }
deb=${debs[0]}
echo "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB) in $(($(date +%s) - start)) s"

dpkg-deb --field "$deb" Package Version Architecture Depends Suggests | tee "$out/control.txt"
depends=$(dpkg-deb --field "$deb" Depends)
for dep in libopenblas0-pthread libtorch1.13 libavformat59 libavcodec59 libswscale6 libc6; do
    # Names only: a LibTorch or FFmpeg from elsewhere changes these, the check says which.
    [[ "$depends" == *"$dep"* ]] || fail "Depends lacks $dep (dpkg-shlibdeps or CPACK_DEBIAN_PACKAGE_DEPENDS)"
done
[ "$(dpkg-deb --field "$deb" Version)" = "0.1.0" ] || fail "Version is not 0.1.0"
# tcmalloc, where the build linked it (cmake/Allocator.cmake): the package must pull it in.
if readelf -d "$build/app/vdstudio-cli" | grep -q "libtcmalloc_minimal"; then
    [[ "$depends" == *libtcmalloc-minimal4* ]] || fail "Depends lacks libtcmalloc-minimal4"
fi

dpkg-deb --contents "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$out/contents.txt"
expect=(/usr/bin/vdstudio-cli /usr/share/man/man1/vdstudio-cli.1.gz /usr/share/doc/vdstudio/copyright
    /usr/share/doc/vdstudio/changelog.gz)
if [ "$gui" = 1 ]; then
    [[ "$depends" == *libqt6widgets6* ]] || fail "Depends lacks libqt6widgets6"
    expect+=(/usr/bin/vdstudio /usr/share/man/man1/vdstudio.1.gz
        "/usr/share/applications/$id.desktop" "/usr/share/metainfo/$id.metainfo.xml"
        "/usr/share/mime/packages/$id.xml" "/usr/share/icons/hicolor/scalable/apps/$id.svg")
    for size in 16 22 24 32 48 64 128 256 512; do
        expect+=("/usr/share/icons/hicolor/${size}x${size}/apps/$id.png")
    done
fi
for f in "${expect[@]}"; do
    grep -qx "$f" "$out/contents.txt" || fail "package lacks $f"
done
# Nothing from the build tree or the tests (no /usr/lib static libraries, no tst_ programs).
if grep -E '/tst_|\.a$|/include/' "$out/contents.txt"; then fail "package carries build or test files"; fi

if [ "$gui" = 1 ]; then
    dpkg-deb -x "$deb" "$out/root"
    appstreamcli validate-tree --no-net "$out/root" || fail "appstreamcli validate-tree on the package"
fi

if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "package checks passed: $deb"
