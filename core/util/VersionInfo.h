// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace vd {

/// "LibTorch 1.13.1 (cpu)\nFFmpeg libavformat 59.27.100 libavcodec ...", for About and --version.
std::string libraryVersions();

/// What the device "auto" resolves to on this machine; the studio words it in the user's language
/// (About, status bar).
struct AutoDevice {
    bool cuda = false;
    int count = 0; ///< CUDA devices, or torch intra-op threads on the CPU
};
AutoDevice autoDevice();

} // namespace vd
