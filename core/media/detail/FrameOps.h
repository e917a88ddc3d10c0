// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace vd::media::detail {

/// Rotates a packed RGB24 image (width x height, tightly packed) clockwise by `degrees`
/// (90, 180 or 270) into `dst`, which receives the rotated size (swapped for 90/270).
void rotateRGB(const uint8_t* src, int width, int height, int degrees, uint8_t* dst);

/// Composites packed RGBA (row stride `srcStride`) over black into packed RGB24 (tight rows).
void compositeOverBlack(const uint8_t* rgba, int srcStride, int width, int height, uint8_t* dst);

/// Copies a tightly packed RGB24 image into a larger one (row stride `dstStride` bytes),
/// repeating the last column and row into the extra space, so that padding to an even size
/// does not bleed a black border into the picture's chroma.
void padReplicateRGB(const uint8_t* src, int width, int height, uint8_t* dst, int dstStride,
                     int dstWidth, int dstHeight);

/// The first 32-byte aligned address at or after `p` (swscale's SIMD rows want 16 or 32; the
/// buffer needs 31 bytes of slack for it).
uint8_t* alignTo32(uint8_t* p);

} // namespace vd::media::detail
