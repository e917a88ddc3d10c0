// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace vd::media::detail {

/// A palette of up to 256 opaque colours, as FFmpeg's PAL8 wants it: 0xAARRGGBB per entry.
struct Palette {
    std::array<uint32_t, 256> argb{};
    int size = 0;
    bool exact = false; ///< the frames use no more colours than this: no dithering needed
};

/// Builds one palette for a whole clip (a global palette avoids the flicker of per-frame
/// palettes). If the frames hold at most 256 distinct colours they are used exactly; otherwise
/// median cut over a 5-bit-per-channel histogram (Heckbert, "Color image quantization for frame
/// buffer display", SIGGRAPH 1982), each entry the mean of the pixels in its box.
Palette buildPalette(const std::vector<const uint8_t*>& frames, size_t pixelsPerFrame);

/// Maps packed RGB24 pixels to palette indices, with Floyd-Steinberg error diffusion unless the
/// palette is exact. `indices` has `linesize` bytes per row.
class PaletteMapper {
public:
    explicit PaletteMapper(const Palette& palette);
    void map(const uint8_t* rgb, int width, int height, uint8_t* indices, int linesize);

private:
    int nearest(int r, int g, int b);

    const Palette& m_palette;
    std::vector<int16_t> m_cache; ///< nearest entry per 5-bit colour cell, -1 = not yet known
    std::vector<int> m_errors;
};

} // namespace vd::media::detail
