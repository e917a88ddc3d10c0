// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "media/VideoInfo.h"
#include "report/Canvas.h"

#include <string>
#include <vector>

namespace vd {

/// One row of a contact sheet: a label and a clip.
struct SheetRow {
    std::string label; ///< drawn left of the frames (ASCII; cut with "..." past maxLabelChars)
    FrameStack frames; ///< uint8 [T, H, W, 3]; T = 0 leaves the row blank
};

struct SheetOptions {
    int maxFrames = 8; ///< frames per row; a longer clip shows this many, evenly spaced
    int scale = 2;     ///< nearest-neighbour magnification of each frame
    int gap = 2;       ///< pixels between frames and between rows
    int textScale = 2; ///< BitmapFont scale of labels and title
    int maxLabelChars = 24;
    std::string title; ///< optional line above the rows
    Rgb background{255, 255, 255};
    Rgb textColour{30, 30, 30};
};

/// Lays the rows out as a grid: a label column, then up to maxFrames cells per row, each cell
/// the size of the largest frame times `scale` (smaller frames centred), `gap` pixels apart, and
/// a margin of 4 x textScale pixels around everything. Adding a frame column widens the sheet by
/// cell width + gap; adding a row heightens it by max(cell height, text height) + gap.
/// Throws vd::Error(Usage) for no rows, no frames at all, a stack whose data size does not
/// match its shape (naming the row) or options out of range.
Canvas makeContactSheet(const std::vector<SheetRow>& rows, const SheetOptions& options = {});

/// makeContactSheet + Canvas::savePng(outPng).
void writeContactSheet(const std::vector<SheetRow>& rows, const std::string& outPng,
                       const SheetOptions& options = {});

/// Indices of min(count, frames) frames spread evenly over a clip of `frames`, first and last
/// included (count 1 gives the first frame).
std::vector<int> evenlySpacedFrames(int frames, int count);

} // namespace vd
