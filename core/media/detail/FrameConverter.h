// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "media/detail/FFmpeg.h"

#include <cstdint>
#include <string>
#include <vector>

namespace vd::media::detail {

/// Turns decoded frames into packed RGB24 of the reader's output size: swscale with the
/// stream's colour matrix and range (area filter when shrinking, bicubic otherwise), alpha
/// composited over black, then the rotation. The swscale context is kept while the source's
/// size, pixel format, colour matrix and range stay the same. One instance per reader.
class FrameConverter {
public:
    /// Output `outWidth` x `outHeight` after rotating clockwise by `rotationDeg` (0, 90, 180,
    /// 270); `path` names the file in errors.
    FrameConverter(std::string path, int outWidth, int outHeight, int rotationDeg);

    /// Converts `src` into `dst` (outWidth x outHeight x 3 bytes). Throws vd::Error (InputData)
    /// for a frame of a bad size or a pixel format swscale cannot convert.
    void convert(const AVFrame* src, uint8_t* dst);
    /// Drops the swscale context: the next frame builds a new one (a restarted decoder may
    /// pick another output format).
    void reset();

private:
    std::string m_path;
    int m_outW = 0;
    int m_outH = 0;
    int m_rotation = 0;
    SwsPtr m_sws;
    int m_srcW = 0, m_srcH = 0, m_srcFmt = -1, m_space = -1, m_range = -1;
    std::vector<uint8_t> m_scaled;  ///< scaler output when it cannot write the destination directly
    std::vector<uint8_t> m_rotated; ///< composited frame before rotation
};

} // namespace vd::media::detail
