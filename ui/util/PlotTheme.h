// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QCustomPlot;

namespace vd::ui {

/// Colours `plot` from its palette: background, axes, tick and axis labels, grid, legend and
/// text elements (titles). Done now and again on every palette change, so that the plots follow
/// Preferences' light and dark themes like the rest of the window. Curves keep their colours.
void followPalette(QCustomPlot* plot);

} // namespace vd::ui
