// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace vd::media::detail {

/// Largest frame side and area the media layer accepts. Checked against the container header
/// before any decoder or buffer exists, so a hostile header cannot make us allocate gigabytes.
constexpr int kMaxSide = 16384;
constexpr int64_t kMaxPixels = int64_t(1) << 28;

inline bool sizeAcceptable(int width, int height)
{
    return width > 0 && height > 0 && width <= kMaxSide && height <= kMaxSide &&
           static_cast<int64_t>(width) * height <= kMaxPixels;
}

} // namespace vd::media::detail
