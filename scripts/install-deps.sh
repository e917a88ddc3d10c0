#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs VDStudio's build and runtime dependencies from Debian 12 packages.
# Idempotent: installs only what is missing; safe to run on every `make`.
set -euo pipefail

PACKAGES=(
    build-essential cmake ninja-build ccache pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-svg-dev qt6-translations-l10n libgl-dev
    libqcustomplot-dev
    libtorch-dev python3-torch libgloo-dev
    libopenblas0-pthread
    # the programs' allocator (cmake/Allocator.cmake): training steps 11-14 % shorter than with glibc's
    libtcmalloc-minimal4
    libspdlog-dev libfmt-dev nlohmann-json3-dev
    libavformat-dev libavcodec-dev libswscale-dev libavutil-dev ffmpeg
    dataset-fashion-mnist
    xvfb xauth imagemagick
    # sanitizer build and fuzz targets (make sanitize, make fuzz, CI): clang, its sanitizer and
    # libFuzzer runtimes (only a Recommends of clang-14, so named here), llvm-symbolizer
    clang libclang-rt-14-dev llvm
    # packaging: cpack DEB (dpkg-shlibdeps in dpkg-dev) and the packaging tests' validators
    dpkg-dev desktop-file-utils appstream libxml2-utils shared-mime-info groff-base
)

missing=()
for p in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#PACKAGES[@]} packages present"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# An earlier install that was killed (a stopped session, a timed-out CI job) leaves dpkg
# "interrupted", and apt-get then refuses every install until the unpacked packages are configured.
if [ -n "$(ls -A /var/lib/dpkg/updates 2>/dev/null)" ] || [ -n "$(dpkg --audit 2>/dev/null)" ]; then
    echo "install-deps: finishing an interrupted dpkg run (dpkg --configure -a)"
    $SUDO dpkg --configure -a
fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
