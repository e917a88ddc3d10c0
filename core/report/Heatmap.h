// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/Canvas.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace at {
class Tensor;
} // namespace at

namespace vd {

/// Colour maps for heatmaps. Both are piecewise-linear ramps through a few anchor colours.
enum class ColourMap {
    /// Dark blue - white - dark red (the anchors of ColorBrewer's RdBu, Brewer 2003, low end
    /// blue): for signed data around a centre, which comes out white.
    Diverging,
    /// Near-black - purple - red - orange - pale yellow with steadily rising lightness (in the
    /// spirit of matplotlib's magma, anchors chosen by hand): for magnitudes such as errors.
    Sequential,
};

/// "diverging", "sequential".
const char* colourMapName(ColourMap map);

/// Colour of `map` at t in [0, 1] (clamped; NaN gives mid grey).
Rgb colourMapAt(ColourMap map, double t);

/// A rectangle to outline on a heatmap, in map cells (column x, row y, 0-based, inclusive),
/// e.g. the bounding box of a blob. The outline is drawn around the cells, not over them.
struct HeatmapBox {
    int64_t x0 = 0;
    int64_t y0 = 0;
    int64_t x1 = 0;
    int64_t y1 = 0;
    Rgb colour{0, 200, 0};
};

struct HeatmapOptions {
    /// Nearest-neighbour magnification of each cell; 0 picks the smallest integer that makes the
    /// longer side at least `minSide` pixels (at most 64).
    int scale = 0;
    int minSide = 256;
    ColourMap colourMap = ColourMap::Diverging;
    /// Colour range centre +- max |v - centre| over the data, so `centre` gets the middle colour
    /// (white on the diverging map). Otherwise the range is the data's min..max.
    bool symmetric = false;
    double centre = 0.0;
    std::optional<double> min; ///< fixed low end of the range (overrides the data)
    std::optional<double> max; ///< fixed high end
    /// Vertical colour scale right of the map, labelled with the range ends and its middle.
    bool colourBar = true;
    /// A line "min X  max Y" under the map with the data's own extremes.
    bool rangeLine = true;
    std::string title; ///< one line above the map (ASCII)
    int textScale = 2; ///< BitmapFont scale of all text
    std::vector<HeatmapBox> boxes;
    Rgb background{255, 255, 255};
    Rgb textColour{30, 30, 30};
};

/// Renders a row-major map `values` [height, width] as a heatmap: cells magnified by `scale`,
/// with a grey frame, optional title, colour bar and range line, and the boxes outlined. With no
/// title, bar or range line the canvas is exactly the magnified map (for contact sheets).
/// Non-finite values are drawn mid grey and left out of the range. A flat map gets the range
/// value +- 0.5. Throws vd::Error(Usage) when values.size() != width * height, for an empty
/// map or options out of range (scale 0..64, minSide 1..4096, textScale 1..8).
/// Stateless; safe from any thread.
Canvas renderHeatmap(const std::vector<float>& values, int width, int height,
                     const HeatmapOptions& options = {});

/// The same for a 2D tensor [height, width] (any device and float dtype; copied to the CPU).
/// Throws vd::Error(Usage, ShapeMismatch) for another rank.
Canvas renderHeatmap(const at::Tensor& map2d, const HeatmapOptions& options = {});

/// The scale renderHeatmap uses for a map of width x height under `options`.
int heatmapScale(int width, int height, const HeatmapOptions& options);

} // namespace vd
