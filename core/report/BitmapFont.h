// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string_view>

namespace vd {

/// The built-in pixel font of the report layer: printable ASCII (32..126), monospaced, 5x7
/// glyphs plus a descender row (a 5x8 box), drawn at integer scales so that plots and contact
/// sheets need no font files or Qt.
/// Stateless; safe from any thread.
class BitmapFont {
public:
    static constexpr int kGlyphWidth = 5;  ///< pixels at scale 1
    static constexpr int kGlyphHeight = 8; ///< pixels at scale 1, descender row included
    static constexpr int kAdvance = 6;     ///< glyph width plus one column of spacing

    /// kGlyphHeight row masks of `c`, top row first; bit 4 is the leftmost column.
    /// Characters outside 32..126 give the glyph of '?'.
    static const uint8_t* glyph(char c);

    /// Width in pixels of `text` drawn at `scale` (no spacing after the last glyph).
    static int textWidth(std::string_view text, int scale = 1);
    static int textHeight(int scale = 1) { return kGlyphHeight * scale; }
};

} // namespace vd
