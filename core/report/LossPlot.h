// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/Canvas.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace vd {

/// One curve of a plot: y against x (training step), points in any order.
struct PlotSeries {
    std::string name;          ///< legend text (ASCII)
    std::vector<double> x;     ///< same length as y
    std::vector<double> y;     ///< NaN/infinite skipped; non-positive skipped on a log axis
    std::optional<Rgb> colour; ///< default: plotColour(position of the series)
    /// Draw each point as a dot, unjoined and never smoothed (measurements rather than a
    /// curve: a scaling study's variants).
    bool points = false;
};

struct PlotOptions {
    int width = 960; ///< pixels
    int height = 540;
    std::string title;
    std::string xLabel = "step";
    bool logY = true;  ///< log-scale y axis, the useful view of losses
    bool logX = false; ///< log-scale x axis (non-positive x skipped), for log-log plots
    /// Weight of the EMA smoothing in [0, 1) (TensorBoard's slider): the raw curve is drawn thin
    /// and light, the smoothed one thick. 0 draws only the raw curve, in full colour.
    double smoothing = 0.9;
    int textScale = 0; ///< BitmapFont scale of labels; 0 picks one from the width
};

/// Default colour of the series at `index`: Tableau 10 (blue, orange, green, red, ...), repeating.
Rgb plotColour(size_t index);

/// Renders the series as a line plot: white background, nice ticks and grid, title, legend.
/// A series of 10^6 points renders quickly: each pixel column draws only its min and max.
/// Series without a plottable point are left out of the curves (still in the legend); if no
/// series has one, the plot says "no data". Throws vd::Error(Usage) for a size below 160x120
/// or smoothing outside [0, 1).
Canvas renderLossPlot(const std::vector<PlotSeries>& series, const PlotOptions& options = {});

/// Reads `keys` against "step" from a metrics.jsonl (vd::MetricsLog's format), or from
/// `<dir>/metrics.jsonl` when given a run folder; null values are skipped. Empty `keys` means
/// {"loss"}. A key without any numeric value is left out with a warning on the "report" logger.
/// Throws vd::Error(InputData) naming the file when it is missing (FileNotFound), holds no
/// entries (EmptyFile) or has none of the keys (InvalidValue; the message lists those it has).
std::vector<PlotSeries> readMetricsSeries(const std::string& metricsJsonlPath,
                                          const std::vector<std::string>& keys);

/// readMetricsSeries + renderLossPlot + Canvas::savePng. An empty title becomes the run
/// folder's name. Throws what those throw.
void writeLossPlot(const std::string& metricsJsonlPath, const std::vector<std::string>& keys,
                   const std::string& outPng, const PlotOptions& options = {});

} // namespace vd
