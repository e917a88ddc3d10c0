// SPDX-License-Identifier: GPL-3.0-or-later
#include "media/detail/FrameOps.h"

#include <cstring>

namespace vd::media::detail {

void rotateRGB(const uint8_t* src, int width, int height, int degrees, uint8_t* dst)
{
    const auto at = [&](int x, int y) { return src + (static_cast<size_t>(y) * width + x) * 3; };
    if (degrees == 180) {
        for (int y = 0; y < height; ++y) {
            uint8_t* out = dst + static_cast<size_t>(y) * width * 3;
            for (int x = 0; x < width; ++x) {
                std::memcpy(out + 3 * x, at(width - 1 - x, height - 1 - y), 3);
            }
        }
        return;
    }
    // 90/270: the output is height wide and width tall.
    const int outW = height;
    const int outH = width;
    for (int y = 0; y < outH; ++y) {
        uint8_t* out = dst + static_cast<size_t>(y) * outW * 3;
        for (int x = 0; x < outW; ++x) {
            // Clockwise 90: the output's top-left comes from the source's bottom-left.
            const uint8_t* p = degrees == 90 ? at(y, height - 1 - x) : at(width - 1 - y, x);
            std::memcpy(out + 3 * x, p, 3);
        }
    }
}

void compositeOverBlack(const uint8_t* rgba, int srcStride, int width, int height, uint8_t* dst)
{
    for (int y = 0; y < height; ++y) {
        const uint8_t* in = rgba + static_cast<size_t>(y) * srcStride;
        uint8_t* out = dst + static_cast<size_t>(y) * width * 3;
        for (int x = 0; x < width; ++x) {
            const unsigned a = in[4 * x + 3];
            for (int c = 0; c < 3; ++c) {
                out[3 * x + c] = static_cast<uint8_t>((in[4 * x + c] * a + 127) / 255);
            }
        }
    }
}

void padReplicateRGB(const uint8_t* src, int width, int height, uint8_t* dst, int dstStride,
                     int dstWidth, int dstHeight)
{
    const size_t srcRow = static_cast<size_t>(width) * 3;
    const size_t dstRow = static_cast<size_t>(dstStride);
    for (int y = 0; y < dstHeight; ++y) {
        const uint8_t* in = src + static_cast<size_t>(y < height ? y : height - 1) * srcRow;
        uint8_t* out = dst + static_cast<size_t>(y) * dstRow;
        std::memcpy(out, in, srcRow);
        for (int x = width; x < dstWidth; ++x) {
            std::memcpy(out + 3 * x, in + srcRow - 3, 3);
        }
    }
}

uint8_t* alignTo32(uint8_t* p)
{
    const auto base = reinterpret_cast<uintptr_t>(p);
    return p + (32 - base % 32) % 32;
}

} // namespace vd::media::detail
