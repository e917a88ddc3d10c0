// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace vd {

/// "LibTorch 1.13.1 (cpu)\nFFmpeg libavformat 59.27.100 libavcodec ...", for About and --version.
std::string libraryVersions();

/// The device "auto" resolves to on this machine, in words: "CUDA (1 device)" or
/// "CPU (2 torch threads)". For the studio's About box and status bar.
std::string autoDeviceDescription();

} // namespace vd
