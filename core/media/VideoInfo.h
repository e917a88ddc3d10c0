// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vd {

/// A rational number such as a frame rate (30000/1001).
struct Rational {
    int num = 0;
    int den = 1;
    double toDouble() const { return den != 0 ? static_cast<double>(num) / den : 0.0; }
    bool valid() const { return num > 0 && den > 0; }
};

/// What probing a video file tells. Sizes are of the stored frames; `displayWidth/Height`
/// are after applying `rotationDeg`.
struct VideoInfo {
    std::string path;
    std::string container;   ///< demuxer short name, e.g. "mov,mp4,m4a,3gp,3g2,mj2"
    std::string codec;       ///< decoder short name, e.g. "h264"
    std::string pixelFormat; ///< e.g. "yuv420p10le"
    int width = 0;
    int height = 0;
    int displayWidth = 0;
    int displayHeight = 0;
    int rotationDeg = 0; ///< clockwise display rotation from metadata: 0, 90, 180 or 270
    Rational fps;        ///< average frame rate
    /// Number of frames as docs/frames.md defines them (slots at constant rate, pictures at
    /// variable rate): counted by demuxing when the header lacks a count or disagrees with the
    /// stream's duration, else the header's.
    int64_t frames = 0;
    bool framesCounted = false; ///< `frames` was counted (exact); false: the header's (estimate)
    double durationS = 0.0;
    bool variableFrameRate = false; ///< frame durations differ noticeably
    bool hasAlpha = false;
    int bitDepth = 8;
};

/// One decoded frame, packed RGB24 (row stride = width * 3).
struct Frame {
    int width = 0;
    int height = 0;
    int64_t index = -1;  ///< frame index (docs/frames.md)
    double timeS = 0.0;  ///< presentation time
    std::vector<uint8_t> rgb;
};

/// A run of frames of equal size, packed as uint8 [T, H, W, 3].
struct FrameStack {
    int frames = 0;
    int width = 0;
    int height = 0;
    std::vector<uint8_t> data;
    uint8_t* frame(int t) { return data.data() + static_cast<size_t>(t) * width * height * 3; }
    const uint8_t* frame(int t) const
    {
        return data.data() + static_cast<size_t>(t) * width * height * 3;
    }
};

} // namespace vd
