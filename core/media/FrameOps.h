// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "media/VideoInfo.h"

namespace vd {

/// Each pixel becomes a factor x factor block (nearest neighbour: small frames stay crisp).
/// factor 1 returns a copy. Throws vd::Error(Usage) for factor < 1.
FrameStack upscaleNearest(const FrameStack& frames, int factor);

/// Frames [begin, end) of a stack (clamped to its length).
FrameStack sliceFrames(const FrameStack& frames, int begin, int end);

/// One frame of a stack as a Frame.
Frame frameAt(const FrameStack& frames, int t);

} // namespace vd
