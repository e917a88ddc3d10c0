#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# CTest packaging.Install: installs the .deb that packaging.Deb built with apt-get, runs the
# installed programs, removes the package and checks its files are gone.
#   install-test.sh DEB_DIR WITH_GUI(0|1)
# It changes the system, so it runs only as root and only when CI=true (CI: a fresh Debian 12,
# as root) or VDSTUDIO_TEST_INSTALL=1; otherwise it is skipped (exit 77) and says why.
set -euo pipefail
debdir=$1
gui=$2
id=io.github.vdstudio.VDStudio

if [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: installing a package needs root"
    exit 77
fi
if [ "${CI:-}" != true ] && [ "${VDSTUDIO_TEST_INSTALL:-}" != 1 ]; then
    echo "SKIP: installs into /usr; runs when CI=true or VDSTUDIO_TEST_INSTALL=1"
    exit 77
fi
command -v apt-get >/dev/null || { echo "SKIP: no apt-get"; exit 77; }
shopt -s nullglob
debs=("$debdir"/vdstudio_*.deb)
[ ${#debs[@]} -eq 1 ] || { echo "FAIL: no single vdstudio_*.deb in $debdir (packaging.Deb builds it)"; exit 1; }
deb=$(realpath "${debs[0]}")

export DEBIAN_FRONTEND=noninteractive
tmp=$(mktemp -d)
installed=0
cleanup() {
    if [ "$installed" = 1 ]; then apt-get remove -y -qq vdstudio >/dev/null 2>&1 || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT

echo "== apt-get install $(basename "$deb")"
# The dependencies are installed already (scripts/install-deps.sh), so this needs no network.
apt-get install -y -qq --no-install-recommends "$deb"
installed=1
dpkg-query -W -f='${Package} ${Version} ${Status}\n' vdstudio

echo "== /usr/bin/vdstudio-cli --version"
/usr/bin/vdstudio-cli --version | tee "$tmp/version.txt"
grep -q '^vdstudio-cli 0.1.0$' "$tmp/version.txt"

echo "== /usr/bin/vdstudio-cli make-demo-dataset"
/usr/bin/vdstudio-cli make-demo-dataset "$tmp/demo" --clips 6 --size 32 --frames 8
clips=$(find "$tmp/demo" -name '*.mp4' | wc -l)
echo "$clips clips written"
[ "$clips" -eq 6 ]
/usr/bin/vdstudio-cli probe "$(find "$tmp/demo" -name '*.mp4' | head -1)" | grep -Eq '"ok": ?true'

if [ "$gui" = 1 ]; then
    echo "== /usr/bin/vdstudio --version"
    QT_QPA_PLATFORM=offscreen /usr/bin/vdstudio --version | tee "$tmp/gui-version.txt"
    grep -q 'LibTorch' "$tmp/gui-version.txt"
    for f in "/usr/share/applications/$id.desktop" "/usr/share/metainfo/$id.metainfo.xml" \
        "/usr/share/mime/packages/$id.xml" "/usr/share/icons/hicolor/48x48/apps/$id.png"; do
        [ -f "$f" ] || { echo "FAIL: $f not installed"; exit 1; }
    done
    # shared-mime-info's trigger rebuilt the system MIME database with our glob.
    if command -v update-mime-database >/dev/null; then
        grep -q 'application/x-vdstudio-project:\*\.vdproj' /usr/share/mime/globs2 \
            || { echo "FAIL: *.vdproj is not in /usr/share/mime/globs2"; exit 1; }
    fi
fi

echo "== apt-get remove vdstudio"
apt-get remove -y -qq vdstudio
installed=0
if [ -e /usr/bin/vdstudio-cli ] || [ -e /usr/bin/vdstudio ]; then
    echo "FAIL: the programs are still in /usr/bin after removal"
    exit 1
fi
if dpkg-query -W -f='${Status}' vdstudio 2>/dev/null | grep -q "install ok installed"; then
    echo "FAIL: vdstudio is still installed"
    exit 1
fi
echo "install test passed"
