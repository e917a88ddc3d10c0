#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs PyTorch's `torch` wheel (a complete LibTorch 2.x with CUDA: headers, shared libraries,
# share/cmake/Torch; the CUDA libraries come as nvidia-* wheels) into a virtual environment kept
# outside the clone, for the second build configuration (preset `torch2`, `make test-torch2`).
#
# Idempotent: when the environment already imports the pinned version, nothing is downloaded.
# Prints the interpreter's path on its last line (what -DVDSTUDIO_TORCH_PYTHON takes).
#
#   VD_TORCH2_VENV   where the environment lives   (default: ~/.cache/vdstudio/torch2-venv)
#   VD_TORCH2_PYTHON interpreter that creates it    (default: python3)
#   VD_TORCH2_SPEC   what pip installs              (default: torch==2.11.0)
set -euo pipefail

VENV="${VD_TORCH2_VENV:-$HOME/.cache/vdstudio/torch2-venv}"
PYTHON="${VD_TORCH2_PYTHON:-python3}"
SPEC="${VD_TORCH2_SPEC:-torch==2.11.0}"
WANT="${SPEC#torch==}"

have_torch() {
    # The version without its local tag (2.11.0+cu130 -> 2.11.0), and a usable CMake package.
    "$VENV/bin/python" - "$WANT" <<'EOF' 2>/dev/null
import os, sys, torch
ok = torch.__version__.split("+")[0] == sys.argv[1]
ok = ok and os.path.isfile(os.path.join(torch.utils.cmake_prefix_path, "Torch", "TorchConfig.cmake"))
sys.exit(0 if ok else 1)
EOF
}

if [ -x "$VENV/bin/python" ] && have_torch; then
    echo "install-torch2: $SPEC present in $VENV" >&2
else
    # A venv whose interpreter no longer runs (its base Python was removed) is made again.
    if [ -e "$VENV" ] && ! "$VENV/bin/python" -c 'import sys' 2>/dev/null; then
        echo "install-torch2: $VENV is broken; recreating it" >&2
        rm -rf "$VENV"
    fi
    if [ ! -x "$VENV/bin/python" ]; then
        if ! "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null; then
            # Debian splits venv/ensurepip out of python3.
            SUDO=""
            if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
            export DEBIAN_FRONTEND=noninteractive
            $SUDO apt-get update -qq
            $SUDO apt-get install -y -qq --no-install-recommends python3-venv
        fi
        mkdir -p "$(dirname "$VENV")"
        "$PYTHON" -m venv "$VENV"
    fi
    echo "install-torch2: installing $SPEC into $VENV (about 4.6 GB with its CUDA libraries)" >&2
    # No pip cache: the environment itself is what later runs reuse.
    "$VENV/bin/python" -m pip install --quiet --no-cache-dir --disable-pip-version-check "$SPEC"
    if ! have_torch; then
        echo "install-torch2: $VENV does not import $SPEC after pip install" >&2
        exit 1
    fi
fi
echo "$VENV/bin/python"
