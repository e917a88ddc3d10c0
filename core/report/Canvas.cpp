// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/Canvas.h"

#include "report/BitmapFont.h"

#include "media/VideoWriter.h"
#include "util/DurableFile.h"
#include "util/Error.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <system_error>

#include <unistd.h>

namespace fs = std::filesystem;

namespace vd {
namespace {

/// Same bound as the media layer puts on decoded frames: a report never needs more.
constexpr int kMaxSide = 16384;

Error usage(const std::string& what, ErrorCode code = ErrorCode::InvalidValue)
{
    return Error(ErrorKind::Usage, "canvas: " + what, code);
}

} // namespace

Rgb mixRgb(Rgb a, Rgb b, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    const auto mix = [t](uint8_t u, uint8_t v) {
        return static_cast<uint8_t>(std::lround(u + (static_cast<double>(v) - u) * t));
    };
    return {mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b)};
}

Canvas::Canvas(int width, int height, Rgb background)
{
    if (width < 1 || height < 1 || width > kMaxSide || height > kMaxSide) {
        throw usage("size " + std::to_string(width) + "x" + std::to_string(height) +
                        " out of range (1.." + std::to_string(kMaxSide) + ")",
                    ErrorCode::BadDimensions);
    }
    m_width = width;
    m_height = height;
    m_rgb.resize(static_cast<size_t>(width) * height * 3);
    resetClip();
    fill(background);
}

Frame Canvas::toFrame() const
{
    Frame frame;
    frame.width = m_width;
    frame.height = m_height;
    frame.index = 0;
    frame.rgb = m_rgb;
    return frame;
}

Rgb Canvas::pixel(int x, int y) const
{
    if (x < 0 || y < 0 || x >= m_width || y >= m_height) {
        throw usage("pixel (" + std::to_string(x) + ", " + std::to_string(y) +
                    ") outside the canvas");
    }
    const uint8_t* p = m_rgb.data() + (static_cast<size_t>(y) * m_width + x) * 3;
    return {p[0], p[1], p[2]};
}

void Canvas::setPixel(int x, int y, Rgb colour)
{
    if (inClip(x, y)) {
        uint8_t* p = at(x, y);
        p[0] = colour.r;
        p[1] = colour.g;
        p[2] = colour.b;
    }
}

void Canvas::blendPixel(int x, int y, Rgb colour, double alpha)
{
    if (alpha <= 0.0 || !inClip(x, y)) {
        return;
    }
    uint8_t* p = at(x, y);
    const Rgb mixed = mixRgb({p[0], p[1], p[2]}, colour, alpha);
    p[0] = mixed.r;
    p[1] = mixed.g;
    p[2] = mixed.b;
}

void Canvas::setClip(int x, int y, int w, int h)
{
    m_clipX0 = std::clamp(x, 0, m_width);
    m_clipY0 = std::clamp(y, 0, m_height);
    m_clipX1 = std::clamp(x + std::max(w, 0), m_clipX0, m_width);
    m_clipY1 = std::clamp(y + std::max(h, 0), m_clipY0, m_height);
}

void Canvas::resetClip()
{
    setClip(0, 0, m_width, m_height);
}

void Canvas::fill(Rgb colour)
{
    for (size_t i = 0; i < m_rgb.size(); i += 3) {
        m_rgb[i] = colour.r;
        m_rgb[i + 1] = colour.g;
        m_rgb[i + 2] = colour.b;
    }
}

void Canvas::fillRect(int x, int y, int w, int h, Rgb colour)
{
    const int x0 = std::max(x, m_clipX0);
    const int y0 = std::max(y, m_clipY0);
    const int x1 = std::min(x + w, m_clipX1);
    const int y1 = std::min(y + h, m_clipY1);
    for (int yy = y0; yy < y1; ++yy) {
        for (int xx = x0; xx < x1; ++xx) {
            uint8_t* p = at(xx, yy);
            p[0] = colour.r;
            p[1] = colour.g;
            p[2] = colour.b;
        }
    }
}

void Canvas::drawRect(int x, int y, int w, int h, Rgb colour, int thickness)
{
    const int t = std::clamp(thickness, 1, std::max(1, std::min(w, h) / 2));
    fillRect(x, y, w, t, colour);
    fillRect(x, y + h - t, w, t, colour);
    fillRect(x, y + t, t, h - 2 * t, colour);
    fillRect(x + w - t, y + t, t, h - 2 * t, colour);
}

void Canvas::drawLine(double x0, double y0, double x1, double y1, Rgb colour, double thickness)
{
    if (!std::isfinite(x0) || !std::isfinite(y0) || !std::isfinite(x1) || !std::isfinite(y1)) {
        return;
    }
    // Coverage from the distance of each pixel centre to the segment, fading over one pixel
    // (the idea of Gupta & Sproull, "Filtering edges for gray-scale displays", SIGGRAPH 1981):
    // thick lines and round ends come out of the same formula.
    const double r = std::max(thickness, 1.0) * 0.5;
    const int bx0 = std::max(m_clipX0, static_cast<int>(std::floor(std::min(x0, x1) - r - 1)));
    const int by0 = std::max(m_clipY0, static_cast<int>(std::floor(std::min(y0, y1) - r - 1)));
    const int bx1 = std::min(m_clipX1 - 1, static_cast<int>(std::ceil(std::max(x0, x1) + r + 1)));
    const int by1 = std::min(m_clipY1 - 1, static_cast<int>(std::ceil(std::max(y0, y1) + r + 1)));
    const double dx = x1 - x0;
    const double dy = y1 - y0;
    const double len2 = dx * dx + dy * dy;
    for (int y = by0; y <= by1; ++y) {
        for (int x = bx0; x <= bx1; ++x) {
            double t = len2 > 0.0 ? ((x - x0) * dx + (y - y0) * dy) / len2 : 0.0;
            t = std::clamp(t, 0.0, 1.0);
            const double d = std::hypot(x - (x0 + t * dx), y - (y0 + t * dy));
            blendPixel(x, y, colour, std::min(1.0, r + 0.5 - d));
        }
    }
}

void Canvas::drawPolyline(const std::vector<Point>& points, Rgb colour, double thickness)
{
    if (points.size() == 1) {
        drawLine(points[0].x, points[0].y, points[0].x, points[0].y, colour, thickness);
    }
    for (size_t i = 1; i < points.size(); ++i) {
        drawLine(points[i - 1].x, points[i - 1].y, points[i].x, points[i].y, colour, thickness);
    }
}

void Canvas::blit(const uint8_t* rgb, int width, int height, int x, int y, int scale)
{
    if (scale < 1) {
        throw usage("blit scale " + std::to_string(scale) + " must be at least 1");
    }
    const int x0 = std::max(x, m_clipX0);
    const int y0 = std::max(y, m_clipY0);
    const int x1 = std::min(x + width * scale, m_clipX1);
    const int y1 = std::min(y + height * scale, m_clipY1);
    for (int yy = y0; yy < y1; ++yy) {
        const uint8_t* srcRow = rgb + static_cast<size_t>((yy - y) / scale) * width * 3;
        for (int xx = x0; xx < x1; ++xx) {
            const uint8_t* s = srcRow + static_cast<size_t>((xx - x) / scale) * 3;
            uint8_t* p = at(xx, yy);
            p[0] = s[0];
            p[1] = s[1];
            p[2] = s[2];
        }
    }
}

void Canvas::blit(const Frame& frame, int x, int y, int scale)
{
    if (frame.rgb.size() != static_cast<size_t>(frame.width) * frame.height * 3) {
        throw usage("frame of " + std::to_string(frame.width) + "x" + std::to_string(frame.height) +
                    " holds " + std::to_string(frame.rgb.size()) + " bytes");
    }
    blit(frame.rgb.data(), frame.width, frame.height, x, y, scale);
}

int Canvas::drawText(int x, int y, std::string_view text, Rgb colour, int scale)
{
    scale = std::max(scale, 1);
    int penX = x;
    for (const char c : text) {
        const uint8_t* rows = BitmapFont::glyph(c);
        for (int row = 0; row < BitmapFont::kGlyphHeight; ++row) {
            for (int col = 0; col < BitmapFont::kGlyphWidth; ++col) {
                if (rows[row] & (0x10 >> col)) {
                    fillRect(penX + col * scale, y + row * scale, scale, scale, colour);
                }
            }
        }
        penX += BitmapFont::kAdvance * scale;
    }
    return BitmapFont::textWidth(text, scale);
}

void Canvas::savePng(const std::string& path) const
{
    if (empty()) {
        throw Error(ErrorKind::Usage, "'" + path + "': cannot save an empty canvas",
                    ErrorCode::BadDimensions);
    }
    const fs::path target(path);
    std::error_code ec;
    if (target.has_parent_path() && !fs::create_directories(target.parent_path(), ec) && ec) {
        throw Error(ErrorKind::Runtime, "'" + path + "': cannot create its folder: " + ec.message(),
                    ErrorCode::WriteFailed);
    }
    // VideoWriter writes PNG only as a sequence folder; encode one frame into a private folder
    // beside the target and rename it over the target, so the FFmpeg code stays in one place
    // and a reader never sees a half-written file.
    const fs::path folder = target.parent_path() / ("." + target.filename().string() + "." +
                                                    std::to_string(::getpid()) + ".tmp");
    try {
        {
            VideoWriter writer(folder.string(), m_width, m_height, VideoFormat::PNG);
            writer.write(m_rgb.data());
            writer.finish();
        }
        moveFileDurably((folder / "frame_000000.png").string(), path);
    } catch (const Error& e) {
        fs::remove_all(folder, ec);
        if (std::string(e.what()).find(path) != std::string::npos) {
            throw;
        }
        throw Error(e.kind(), "'" + path + "': cannot write PNG: " + e.what(), e.code());
    }
    fs::remove_all(folder, ec);
}

} // namespace vd
