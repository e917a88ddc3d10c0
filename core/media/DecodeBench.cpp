// SPDX-License-Identifier: GPL-3.0-or-later
#include "media/DecodeBench.h"

#include "media/VideoReader.h"

#include <chrono>

namespace vd {

DecodeBenchResult benchDecode(const std::string& path, int size, int threads)
{
    DecodeOptions options;
    options.outWidth = size;
    options.outHeight = size;
    options.threads = threads;
    const auto start = std::chrono::steady_clock::now();
    VideoReader reader(path, options);
    Frame frame; // reused: read() keeps its buffer, as a real consumer would
    DecodeBenchResult result;
    while (reader.read(frame)) {
        ++result.frames;
    }
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.fps = result.seconds > 0.0 ? static_cast<double>(result.frames) / result.seconds : 0.0;
    return result;
}

} // namespace vd
