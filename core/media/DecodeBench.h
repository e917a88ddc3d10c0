// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

namespace vd {

/// Figures of one decode benchmark run.
struct DecodeBenchResult {
    int64_t frames = 0;
    double seconds = 0.0; ///< wall time from opening the file to the last frame
    double fps = 0.0;
};

/// Decodes the whole file with VideoReader, scaled to size x size RGB, with `threads` decoder
/// threads (0 = FFmpeg's choice), and times it. Throws vd::Error like VideoReader.
DecodeBenchResult benchDecode(const std::string& path, int size, int threads);

} // namespace vd
