// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "data/DatasetIndex.h"
#include "media/VideoInfo.h"

#include <cstdint>

namespace vd {

enum class CropMode { Center, Random };

/// Which frames of a clip to take and how to shape them.
struct SampleSpec {
    int frames = 16;          ///< T
    int stride = 1;           ///< take every stride-th frame (ignored when targetFps > 0)
    double targetFps = 0.0;   ///< > 0: choose the stride that best matches this rate
    bool randomStart = true;  ///< false: start at frame 0 (uniform/deterministic start)
    int height = 64;
    int width = 64;
    CropMode crop = CropMode::Center;
    bool randomFlip = false;  ///< horizontal flip with probability 1/2
    /// Decoder threads per clip. 1 by default: the loader already runs one clip per worker, and
    /// small clips decode fastest single-threaded. 0 = FFmpeg's choice.
    int decodeThreads = 1;
};

/// The stride sampleClip() uses for this clip: round(clipFps / targetFps) (at least 1) when
/// targetFps > 0 and the clip's rate is known, else spec.stride.
int effectiveStride(const ClipEntry& clip, const SampleSpec& spec);

/// Samples T frames from one clip: picks the start and stride, decodes with the short side
/// scaled to cover H×W, crops and optionally flips. Deterministic for a given seed.
/// Clips shorter than T*stride repeat their last frame. Throws vd::Error for unreadable clips.
FrameStack sampleClip(const ClipEntry& clip, const SampleSpec& spec, uint64_t seed);

} // namespace vd
