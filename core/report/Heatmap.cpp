// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/Heatmap.h"

#include "report/BitmapFont.h"
#include "util/Error.h"

#include <torch/torch.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace vd {
namespace {

Error usage(const std::string& what, ErrorCode code = ErrorCode::InvalidValue)
{
    return Error(ErrorKind::Usage, "heatmap: " + what, code);
}

// ColorBrewer RdBu (11 classes) from dark blue to dark red; the middle is near white.
constexpr std::array<Rgb, 11> kDiverging{{{5, 48, 97},
                                          {33, 102, 172},
                                          {67, 147, 195},
                                          {146, 197, 222},
                                          {209, 229, 240},
                                          {247, 247, 247},
                                          {253, 219, 199},
                                          {244, 165, 130},
                                          {214, 96, 77},
                                          {178, 24, 43},
                                          {103, 0, 31}}};

// Hand-picked anchors with rising lightness: near-black, indigo, purple, magenta-red, red-orange,
// orange, yellow, pale yellow.
constexpr std::array<Rgb, 8> kSequential{{{2, 2, 12},
                                          {38, 16, 86},
                                          {96, 24, 128},
                                          {160, 42, 120},
                                          {218, 72, 86},
                                          {248, 130, 62},
                                          {252, 198, 92},
                                          {252, 250, 190}}};

template <size_t N> Rgb ramp(const std::array<Rgb, N>& anchors, double t)
{
    const double pos = std::clamp(t, 0.0, 1.0) * static_cast<double>(N - 1);
    const size_t i = std::min(static_cast<size_t>(pos), N - 2);
    return mixRgb(anchors[i], anchors[i + 1], pos - static_cast<double>(i));
}

/// Short label for a range value: 3 significant digits, no "-0".
std::string formatValue(double v)
{
    if (std::abs(v) < 5e-13) {
        v = 0.0;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
}

struct Range {
    double lo = 0.0;
    double hi = 1.0;
    double dataMin = 0.0;
    double dataMax = 0.0;
    bool anyFinite = false;
};

Range resolveRange(const std::vector<float>& values, const HeatmapOptions& o)
{
    Range r;
    double mn = std::numeric_limits<double>::infinity();
    double mx = -std::numeric_limits<double>::infinity();
    for (const float v : values) {
        if (std::isfinite(v)) {
            mn = std::min(mn, static_cast<double>(v));
            mx = std::max(mx, static_cast<double>(v));
        }
    }
    r.anyFinite = mn <= mx;
    if (!r.anyFinite) {
        mn = 0.0;
        mx = 0.0;
    }
    r.dataMin = mn;
    r.dataMax = mx;
    if (o.symmetric) {
        const double m = std::max(std::abs(mn - o.centre), std::abs(mx - o.centre));
        r.lo = o.centre - m;
        r.hi = o.centre + m;
    } else {
        r.lo = mn;
        r.hi = mx;
    }
    r.lo = o.min.value_or(r.lo);
    r.hi = o.max.value_or(r.hi);
    if (!(r.hi > r.lo)) {
        // A flat map (or a degenerate fixed range): centre it in the middle colour.
        const double c = o.min && o.max ? 0.5 * (*o.min + *o.max) : 0.5 * (r.lo + r.hi);
        r.lo = c - 0.5;
        r.hi = c + 0.5;
    }
    return r;
}

} // namespace

const char* colourMapName(ColourMap map)
{
    switch (map) {
    case ColourMap::Diverging:
        return "diverging";
    case ColourMap::Sequential:
        return "sequential";
    }
    return "diverging";
}

Rgb colourMapAt(ColourMap map, double t)
{
    if (std::isnan(t)) {
        return {128, 128, 128};
    }
    return map == ColourMap::Sequential ? ramp(kSequential, t) : ramp(kDiverging, t);
}

int heatmapScale(int width, int height, const HeatmapOptions& options)
{
    if (options.scale > 0) {
        return options.scale;
    }
    const int side = std::max(1, std::max(width, height));
    return std::clamp((options.minSide + side - 1) / side, 1, 64);
}

Canvas renderHeatmap(const std::vector<float>& values, int width, int height,
                     const HeatmapOptions& options)
{
    if (width < 1 || height < 1) {
        throw usage("empty map (" + std::to_string(width) + "x" + std::to_string(height) + ")",
                    ErrorCode::BadDimensions);
    }
    if (values.size() != static_cast<size_t>(width) * height) {
        throw usage("map of " + std::to_string(width) + "x" + std::to_string(height) + " holds " +
                        std::to_string(values.size()) + " values",
                    ErrorCode::ShapeMismatch);
    }
    if (options.scale < 0 || options.scale > 64 || options.minSide < 1 || options.minSide > 4096 ||
        options.textScale < 1 || options.textScale > 8) {
        throw usage("options out of range (scale 0..64, minSide 1..4096, textScale 1..8)");
    }
    const Range range = resolveRange(values, options);
    const int s = heatmapScale(width, height, options);

    // Cells as one small RGB image, then magnified by blit.
    std::vector<uint8_t> cells(values.size() * 3);
    const double span = range.hi - range.lo;
    for (size_t i = 0; i < values.size(); ++i) {
        const double v = values[i];
        const Rgb c =
            colourMapAt(options.colourMap, std::isfinite(v) ? (v - range.lo) / span : std::nan(""));
        cells[i * 3] = c.r;
        cells[i * 3 + 1] = c.g;
        cells[i * 3 + 2] = c.b;
    }

    const int mapW = width * s;
    const int mapH = height * s;
    const bool bare = options.title.empty() && !options.colourBar && !options.rangeLine;
    const int ts = options.textScale;
    const int th = BitmapFont::textHeight(ts);
    const int margin = bare ? 0 : 4 * ts;

    const std::string labelHi = formatValue(range.hi);
    const std::string labelMid = formatValue(0.5 * (range.lo + range.hi));
    const std::string labelLo = formatValue(range.lo);
    const std::string rangeText = range.anyFinite ? "min " + formatValue(range.dataMin) + "  max " +
                                                        formatValue(range.dataMax)
                                                  : "no finite values";

    int y = margin;
    const int titleY = y;
    if (!options.title.empty()) {
        y += th + 3 * ts;
    }
    const int mapX = margin;
    const int mapY = y;
    // The bar is at least tall enough for its three labels.
    const int barH = options.colourBar ? std::max(mapH, 3 * th + 4 * ts) : 0;
    const int barX = mapX + mapW + 5 * ts;
    const int barW = 6 * ts;
    const int labelX = barX + barW + 3 * ts;
    int right = mapX + mapW;
    if (options.colourBar) {
        const int labelW =
            std::max({BitmapFont::textWidth(labelHi, ts), BitmapFont::textWidth(labelMid, ts),
                      BitmapFont::textWidth(labelLo, ts)});
        right = labelX + labelW;
    }
    int bottom = mapY + std::max(mapH, barH);
    const int rangeY = bottom + 3 * ts;
    if (options.rangeLine) {
        bottom = rangeY + th;
    }
    int canvasW = right + margin;
    if (!options.title.empty()) {
        canvasW = std::max(canvasW, BitmapFont::textWidth(options.title, ts) + 2 * margin);
    }
    if (options.rangeLine) {
        canvasW = std::max(canvasW, BitmapFont::textWidth(rangeText, ts) + 2 * margin);
    }
    const int canvasH = bottom + margin;
    if (canvasW > 16384 || canvasH > 16384) {
        throw usage("map of " + std::to_string(width) + "x" + std::to_string(height) +
                        " at scale " + std::to_string(s) + " is too large to draw",
                    ErrorCode::BadDimensions);
    }

    Canvas canvas(canvasW, canvasH, options.background);
    const Rgb frameGrey{150, 150, 150};
    if (!options.title.empty()) {
        canvas.drawText(margin, titleY, options.title, options.textColour, ts);
    }
    canvas.blit(cells.data(), width, height, mapX, mapY, s);
    if (!bare) {
        canvas.drawRect(mapX - 1, mapY - 1, mapW + 2, mapH + 2, frameGrey);
    }

    // Outlines go around the cells (never over them), with a one-pixel white halo outside so
    // that they stand out on dark colours too.
    const int thick = std::clamp(s / 6, 1, 3);
    for (const HeatmapBox& b : options.boxes) {
        const int x0 = mapX + static_cast<int>(std::clamp<int64_t>(b.x0, 0, width - 1)) * s;
        const int y0 = mapY + static_cast<int>(std::clamp<int64_t>(b.y0, 0, height - 1)) * s;
        const int x1 = mapX + static_cast<int>(std::clamp<int64_t>(b.x1, 0, width - 1) + 1) * s;
        const int y1 = mapY + static_cast<int>(std::clamp<int64_t>(b.y1, 0, height - 1) + 1) * s;
        canvas.setClip(mapX - thick - 1, mapY - thick - 1, mapW + 2 * thick + 2,
                       mapH + 2 * thick + 2);
        canvas.drawRect(x0 - thick - 1, y0 - thick - 1, x1 - x0 + 2 * thick + 2,
                        y1 - y0 + 2 * thick + 2, {255, 255, 255});
        canvas.drawRect(x0 - thick, y0 - thick, x1 - x0 + 2 * thick, y1 - y0 + 2 * thick, b.colour,
                        thick);
        canvas.resetClip();
    }

    if (options.colourBar) {
        for (int r = 0; r < barH; ++r) {
            const double t = barH > 1 ? 1.0 - static_cast<double>(r) / (barH - 1) : 0.5;
            canvas.fillRect(barX, mapY + r, barW, 1, colourMapAt(options.colourMap, t));
        }
        canvas.drawRect(barX - 1, mapY - 1, barW + 2, barH + 2, frameGrey);
        // No tick marks: next to a label they read as a minus sign.
        const int midY = mapY + barH / 2;
        canvas.drawText(labelX, mapY, labelHi, options.textColour, ts);
        canvas.drawText(labelX, midY - th / 2, labelMid, options.textColour, ts);
        canvas.drawText(labelX, mapY + barH - th, labelLo, options.textColour, ts);
    }
    if (options.rangeLine) {
        canvas.drawText(margin, rangeY, rangeText, options.textColour, ts);
    }
    return canvas;
}

Canvas renderHeatmap(const at::Tensor& map2d, const HeatmapOptions& options)
{
    if (!map2d.defined() || map2d.dim() != 2) {
        throw usage("expected a 2D map [height, width], got " +
                        (map2d.defined() ? std::to_string(map2d.dim()) + " dimensions"
                                         : std::string("an undefined tensor")),
                    ErrorCode::ShapeMismatch);
    }
    const torch::Tensor m = map2d.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    const float* p = m.data_ptr<float>();
    const std::vector<float> values(p, p + m.numel());
    return renderHeatmap(values, static_cast<int>(m.size(1)), static_cast<int>(m.size(0)), options);
}

} // namespace vd
