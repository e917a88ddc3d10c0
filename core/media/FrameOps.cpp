// SPDX-License-Identifier: GPL-3.0-or-later
#include "media/FrameOps.h"

#include "util/Error.h"

#include <algorithm>
#include <cstring>

namespace vd {

FrameStack upscaleNearest(const FrameStack& frames, int factor)
{
    if (factor < 1) {
        throw Error(ErrorKind::Usage, "scale: " + std::to_string(factor) + " is not >= 1",
                    ErrorCode::InvalidValue);
    }
    if (factor == 1) {
        return frames;
    }
    FrameStack out;
    out.frames = frames.frames;
    out.width = frames.width * factor;
    out.height = frames.height * factor;
    out.data.resize(static_cast<size_t>(out.frames) * out.width * out.height * 3);
    for (int t = 0; t < frames.frames; ++t) {
        const uint8_t* src = frames.frame(t);
        uint8_t* dst = out.frame(t);
        for (int y = 0; y < out.height; ++y) {
            const uint8_t* srcRow = src + static_cast<size_t>(y / factor) * frames.width * 3;
            uint8_t* dstRow = dst + static_cast<size_t>(y) * out.width * 3;
            for (int x = 0; x < out.width; ++x) {
                std::memcpy(dstRow + x * 3, srcRow + (x / factor) * 3, 3);
            }
        }
    }
    return out;
}

FrameStack sliceFrames(const FrameStack& frames, int begin, int end)
{
    begin = std::clamp(begin, 0, frames.frames);
    end = std::clamp(end, begin, frames.frames);
    FrameStack out;
    out.frames = end - begin;
    out.width = frames.width;
    out.height = frames.height;
    const size_t frameBytes = static_cast<size_t>(frames.width) * frames.height * 3;
    out.data.assign(frames.data.begin() + static_cast<std::ptrdiff_t>(begin * frameBytes),
                    frames.data.begin() + static_cast<std::ptrdiff_t>(end * frameBytes));
    return out;
}

Frame frameAt(const FrameStack& frames, int t)
{
    Frame f;
    f.width = frames.width;
    f.height = frames.height;
    f.index = t;
    const size_t bytes = static_cast<size_t>(frames.width) * frames.height * 3;
    f.rgb.assign(frames.frame(t), frames.frame(t) + bytes);
    return f;
}

} // namespace vd
