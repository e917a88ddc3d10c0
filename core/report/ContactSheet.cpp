// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/ContactSheet.h"

#include "report/BitmapFont.h"
#include "util/Error.h"

#include <algorithm>
#include <cmath>

namespace vd {
namespace {

Error usage(const std::string& what)
{
    return Error(ErrorKind::Usage, "contact sheet: " + what, ErrorCode::InvalidValue);
}

std::string cutLabel(const std::string& label, int maxChars)
{
    if (static_cast<int>(label.size()) <= maxChars) {
        return label;
    }
    return label.substr(0, static_cast<size_t>(std::max(0, maxChars - 3))) + "...";
}

} // namespace

std::vector<int> evenlySpacedFrames(int frames, int count)
{
    std::vector<int> out;
    if (frames <= 0 || count <= 0) {
        return out;
    }
    if (frames <= count) {
        for (int t = 0; t < frames; ++t) {
            out.push_back(t);
        }
        return out;
    }
    for (int i = 0; i < count; ++i) {
        out.push_back(count == 1 ? 0
                                 : static_cast<int>(std::lround(static_cast<double>(i) *
                                                                (frames - 1) / (count - 1))));
    }
    return out;
}

Canvas makeContactSheet(const std::vector<SheetRow>& rows, const SheetOptions& options)
{
    if (rows.empty()) {
        throw usage("no rows");
    }
    if (options.maxFrames < 1 || options.scale < 1 || options.gap < 0 || options.textScale < 1 ||
        options.maxLabelChars < 4) {
        throw usage("options out of range (maxFrames >= 1, scale >= 1, gap >= 0, textScale >= 1, "
                    "maxLabelChars >= 4)");
    }
    int frameW = 0;
    int frameH = 0;
    int columns = 0;
    int labelW = 0;
    const int s = options.textScale;
    for (const SheetRow& row : rows) {
        const FrameStack& f = row.frames;
        if (f.frames < 0 || f.width < 0 || f.height < 0 ||
            f.data.size() != static_cast<size_t>(f.frames) * f.width * f.height * 3) {
            throw usage("row '" + row.label + "': frame stack of " + std::to_string(f.frames) +
                        "x" + std::to_string(f.height) + "x" + std::to_string(f.width) +
                        "x3 holds " + std::to_string(f.data.size()) + " bytes");
        }
        if (f.frames > 0) {
            frameW = std::max(frameW, f.width);
            frameH = std::max(frameH, f.height);
            columns = std::max(columns, std::min(f.frames, options.maxFrames));
        }
        labelW =
            std::max(labelW, BitmapFont::textWidth(cutLabel(row.label, options.maxLabelChars), s));
    }
    if (columns == 0 || frameW == 0 || frameH == 0) {
        throw usage("no frames in any of the " + std::to_string(rows.size()) + " rows");
    }
    const int pad = 4 * s;
    const int cellW = frameW * options.scale;
    const int cellH = frameH * options.scale;
    const int rowH = std::max(cellH, BitmapFont::textHeight(s));
    const int labelColumn = labelW > 0 ? labelW + pad : 0;
    const int titleH = options.title.empty() ? 0 : BitmapFont::textHeight(s) + pad;
    const int rowCount = static_cast<int>(rows.size());
    const int width = pad + labelColumn + columns * cellW + (columns - 1) * options.gap + pad;
    const int height = pad + titleH + rowCount * rowH + (rowCount - 1) * options.gap + pad;
    Canvas canvas(width, height, options.background);

    if (!options.title.empty()) {
        const int maxChars = (width - 2 * pad) / (BitmapFont::kAdvance * s);
        canvas.drawText(pad, pad, cutLabel(options.title, std::max(4, maxChars)),
                        options.textColour, s);
    }
    for (int r = 0; r < rowCount; ++r) {
        const SheetRow& row = rows[static_cast<size_t>(r)];
        const int y = pad + titleH + r * (rowH + options.gap);
        canvas.drawText(pad, y + (rowH - BitmapFont::textHeight(s)) / 2,
                        cutLabel(row.label, options.maxLabelChars), options.textColour, s);
        const std::vector<int> picks = evenlySpacedFrames(row.frames.frames, options.maxFrames);
        for (size_t c = 0; c < picks.size(); ++c) {
            const int x = pad + labelColumn + static_cast<int>(c) * (cellW + options.gap);
            // Frames smaller than the largest one sit in the middle of their cell.
            const int offsetX = (cellW - row.frames.width * options.scale) / 2;
            const int offsetY = (rowH - row.frames.height * options.scale) / 2;
            canvas.blit(row.frames.frame(picks[c]), row.frames.width, row.frames.height,
                        x + offsetX, y + offsetY, options.scale);
        }
    }
    return canvas;
}

void writeContactSheet(const std::vector<SheetRow>& rows, const std::string& outPng,
                       const SheetOptions& options)
{
    makeContactSheet(rows, options).savePng(outPng);
}

} // namespace vd
