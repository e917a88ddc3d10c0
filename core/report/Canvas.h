// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "media/VideoInfo.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vd {

/// An 8-bit RGB colour.
struct Rgb {
    uint8_t r = 0;
    uint8_t g = 0;
    uint8_t b = 0;

    bool operator==(const Rgb& o) const { return r == o.r && g == o.g && b == o.b; }
    bool operator!=(const Rgb& o) const { return !(*this == o); }
};

/// `a` moved towards `b` by `t` in [0, 1] (0 gives a, 1 gives b).
Rgb mixRgb(Rgb a, Rgb b, double t);

/// A packed RGB24 raster (row stride width*3, the layout of vd::Frame) with the few drawing
/// operations reports need: rectangles, anti-aliased lines, nearest-neighbour blits of video
/// frames and text in the built-in BitmapFont. Drawing outside the canvas or the clip rectangle
/// is cut off silently. Integer coordinates are pixel centres.
/// Thread rules: a plain value; one thread at a time per instance.
class Canvas {
public:
    Canvas() = default;
    /// Throws vd::Error(Usage, BadDimensions) unless 1 <= width, height <= 16384.
    Canvas(int width, int height, Rgb background = {255, 255, 255});

    int width() const { return m_width; }
    int height() const { return m_height; }
    bool empty() const { return m_width == 0 || m_height == 0; }
    /// Packed RGB24 pixels, row by row.
    const std::vector<uint8_t>& rgb() const { return m_rgb; }
    /// Copy as a media frame (for VideoWriter or a preview).
    Frame toFrame() const;

    /// Colour at (x, y); throws vd::Error(Usage) outside the canvas.
    Rgb pixel(int x, int y) const;
    void setPixel(int x, int y, Rgb colour);
    /// Mixes `colour` into (x, y) with coverage `alpha` in [0, 1].
    void blendPixel(int x, int y, Rgb colour, double alpha);

    /// Limits later drawing to the rectangle (clipped to the canvas); resetClip() lifts it.
    void setClip(int x, int y, int w, int h);
    void resetClip();

    void fill(Rgb colour);
    void fillRect(int x, int y, int w, int h, Rgb colour);
    /// Outline inside the rectangle, `thickness` pixels wide.
    void drawRect(int x, int y, int w, int h, Rgb colour, int thickness = 1);

    /// Anti-aliased segment `thickness` pixels wide (>= 1) with round ends; a zero-length
    /// segment draws a dot.
    void drawLine(double x0, double y0, double x1, double y1, Rgb colour, double thickness = 1.0);
    struct Point {
        double x = 0.0;
        double y = 0.0;
    };
    void drawPolyline(const std::vector<Point>& points, Rgb colour, double thickness = 1.0);

    /// Draws packed RGB24 pixels (`width` x `height`) with their top-left at (x, y), each
    /// pixel repeated `scale` x `scale` times (nearest neighbour). Throws Usage for scale < 1.
    void blit(const uint8_t* rgb, int width, int height, int x, int y, int scale = 1);
    void blit(const Frame& frame, int x, int y, int scale = 1);

    /// Draws one line of text with its top-left corner at (x, y) in BitmapFont at an integer
    /// `scale`; returns the width drawn in pixels.
    int drawText(int x, int y, std::string_view text, Rgb colour, int scale = 1);

    /// Writes the canvas as one PNG file (RGB24), creating the parent folder; the file appears
    /// complete or not at all. Throws vd::Error naming `path` (Usage for an empty canvas,
    /// Runtime WriteFailed/EncodeFailed when writing fails).
    void savePng(const std::string& path) const;

private:
    bool inClip(int x, int y) const
    {
        return x >= m_clipX0 && x < m_clipX1 && y >= m_clipY0 && y < m_clipY1;
    }
    uint8_t* at(int x, int y) { return m_rgb.data() + (static_cast<size_t>(y) * m_width + x) * 3; }

    int m_width = 0;
    int m_height = 0;
    std::vector<uint8_t> m_rgb;
    int m_clipX0 = 0; ///< clip rectangle, half-open [x0, x1) x [y0, y1)
    int m_clipY0 = 0;
    int m_clipX1 = 0;
    int m_clipY1 = 0;
};

} // namespace vd
